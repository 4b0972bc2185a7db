"""Tests of sakip.instruments.ikpa (Indikator Kinerja Pelaksanaan Anggaran)."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip.bands import Band
from sakip.batch import score_each
from sakip.capaian import achievement
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.instruments import _ikpa_rules, ikpa
from sakip.instruments.ikpa import (
    IKPA_2022,
    IKPA_2024,
    NOT_APPLICABLE,
    Aspect,
    IkpaIndicator,
    IkpaResult,
    IkpaRules,
    rules_for_year,
    score,
)
from sakip.numbers import Rounding, RoundingPolicy, round_to
from sakip.schemes import IKPA_CATEGORY

NA = NOT_APPLICABLE
NAMES = IKPA_2024.names

# --- the report's three tables ------------------------------------------------------------
# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 12, "INDIKATOR PELAKSANAAN ANGGARAN"
# (OMSPAN, s.d. Desember). Columns: Revisi DIPA, Deviasi Halaman III DIPA, Penyerapan
# Anggaran, Belanja Kontraktual, Penyelesaian Tagihan, Pengelolaan UP dan TUP, Capaian Output.
# Rows: Nilai, Bobot, Nilai Akhir (weighted), Nilai Total, Konversi Bobot, Nilai Akhir.
REPORT = {
    "BNNP Kalimantan Tengah": dict(
        values=["100.00", "100.00", "99.77", "100.00", "100.00", "100.00", "100.00"],
        weights=[10, 15, 20, 10, 10, 10, 25],
        weighted=["10.00", "15.00", "19.95", "10.00", "10.00", "10.00", "25.00"],
        total="99.95",
        conversion=100,
        final="99.95",
    ),
    # The transcription of this table lost one Bobot cell ("10 15 20 10 10 25"); the
    # weighted row (9.83 = 98.32 x 10 %) shows the UP/TUP weight is 10.
    "BNNK Palangka Raya": dict(
        values=["100.00", "93.92", "100.00", "100.00", "100.00", "98.32", "99.30"],
        weights=[10, 15, 20, 10, 10, 10, 25],
        weighted=["10.00", "14.09", "20.00", "10.00", "10.00", "9.83", "24.83"],
        total="98.74",
        conversion=100,
        final="98.74",
    ),
    "BNNK Kotawaringin Barat": dict(
        values=["100.00", "100.00", "100.00", NA, NA, "99.20", "100.00"],
        weights=[10, 15, 20, 0, 0, 10, 25],
        weighted=["10.00", "15.00", "20.00", "0.00", "0.00", "9.92", "25.00"],
        total="79.92",
        conversion=80,
        final="99.90",
    ),
}


def _values(row: list[object]) -> dict[str, object]:
    return dict(zip(NAMES, row, strict=True))


@pytest.mark.parametrize("unit", list(REPORT))
def test_report_tables(unit: str) -> None:
    table = REPORT[unit]
    result = score(
        _values(table["values"]),
        rules=2024,
        weights=dict(zip(NAMES, table["weights"], strict=True)),
    )
    # Printed with two decimals; the total and final truncate (98,745 -> 98,74).
    assert round_to(result.total, 2, Rounding.TRUNCATE) == Decimal(table["total"])
    assert round_to(result.value, 2, Rounding.TRUNCATE) == Decimal(table["final"])
    assert result.applicable_weight == table["conversion"]
    assert [column.weight for column in result.indicators] == table["weights"]
    # The weighted row rounds half up (14,088 -> 14,09 and 24,825 -> 24,83).
    assert [round_to(column.weighted, 2, Rounding.HALF_UP) for column in result.indicators] == [
        Decimal(x) for x in table["weighted"]
    ]
    assert result.category.label == "Sangat Baik"
    assert result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)) == Decimal(table["final"])


def test_exact_figures_behind_the_printed_ones() -> None:
    # BAB III A sasaran 12: 100x10 + 93,92x15 + 100x20 + 100x10 + 100x10 + 98,32x10 + 99,30x25
    # = 9874,5, so the total is 98,745 exactly; the report prints 98,74 (truncation), while
    # half up would give 98,75.
    palangka = score(_values(REPORT["BNNK Palangka Raya"]["values"]), rules=2024)
    assert palangka.total == palangka.value == Decimal("98.745")
    assert round_to(palangka.value, 2, Rounding.HALF_UP) == Decimal("98.75")
    # Kotawaringin Barat: 79,92 / 0,80 = 99,90 exactly.
    kobar = score(_values(REPORT["BNNK Kotawaringin Barat"]["values"]), rules=2024)
    assert (kobar.total, kobar.conversion, kobar.value) == (
        Decimal("79.92"),
        Decimal("0.8"),
        Decimal("99.9"),
    )
    # BNNP: 99,77 x 20 % = 19,954 -> 19,95; total 99,954.
    bnnp = score(_values(REPORT["BNNP Kalimantan Tengah"]["values"]), rules=2024)
    assert bnnp.weighted("Penyerapan Anggaran") == Decimal("19.954")
    assert bnnp.value == Decimal("99.954")


def test_capaian_against_targets() -> None:
    # BAB III A sasaran 12: BNNP target 97,96, realisasi 99,95, capaian 102,03 %.
    bnnp = score(_values(REPORT["BNNP Kalimantan Tengah"]["values"]), rules=2024, target="97.96")
    assert round_to(bnnp.achievement, 2, Rounding.TRUNCATE) == Decimal("102.03")
    # The capaian is sakip.capaian.achievement (higher is better), not a formula of its own.
    assert bnnp.achievement == achievement(target="97.96", realization=bnnp.value)
    # BNNK targets 99,19 (Palangka Raya) and 96,41 (Kotawaringin Barat): 1 of 2 meet them.
    palangka = score(_values(REPORT["BNNK Palangka Raya"]["values"]), rules=2024, target="99.19")
    kobar = score(_values(REPORT["BNNK Kotawaringin Barat"]["values"]), rules=2024, target="96.41")
    assert (palangka.meets_target, kobar.meets_target) == (False, True)
    assert score(_values(REPORT["BNNK Palangka Raya"]["values"]), rules=2024).meets_target is None


def test_aspect_values_follow_the_rule_not_the_printed_row() -> None:
    # Printed "Nilai Aspek" for BNNP is 100,00 / 99,94 / 100,00; OMSPAN averages monthly data,
    # so the row cannot be derived (formulas.md section 4). The library's aspect value is the
    # weight average of the year-end values: (99,77 x 20 + 100 x 30) / 50 = 99,908.
    bnnp = score(_values(REPORT["BNNP Kalimantan Tengah"]["values"]), rules=2024)
    values = {a.aspect: a.value for a in bnnp.aspects}
    assert values == {
        Aspect.PERENCANAAN: Decimal(100),
        Aspect.PELAKSANAAN: Decimal("99.908"),
        Aspect.HASIL: Decimal(100),
    }
    assert values[Aspect.PELAKSANAAN] != Decimal("99.94")
    # Kotawaringin Barat: pelaksanaan over Penyerapan (20) and UP/TUP (10) only.
    kobar = score(_values(REPORT["BNNK Kotawaringin Barat"]["values"]), rules=2024)
    pelaksanaan = kobar.aspects[1]
    assert pelaksanaan.weight == 30
    # (100 x 20 + 99,2 x 10) / 30 = 299,2 / 3, to the 60 digits of the quotient.
    assert pelaksanaan.value is not None
    assert abs(Fraction(pelaksanaan.value) - Fraction("299.2") / 3) < Fraction(1, 10**55)


def test_weight_sets() -> None:
    # PER-5/PB/2024 (DJPb): 10, 15, 20, 10, 10, 10, 25 and Dispensasi SPM as a deduction.
    assert dict(IKPA_2024.weights) == {
        "Revisi DIPA": 10,
        "Deviasi Halaman III DIPA": 15,
        "Penyerapan Anggaran": 20,
        "Belanja Kontraktual": 10,
        "Penyelesaian Tagihan": 10,
        "Pengelolaan UP dan TUP": 10,
        "Capaian Output": 25,
    }
    # PER-5/PB/2022 (DJPb, Reformulasi IKPA 2022): aspects 20 / 55 / 25, Dispensasi SPM 5.
    by_aspect = {
        aspect: sum(i.weight for i in IKPA_2022.indicators if i.aspect is aspect)
        for aspect in Aspect
    }
    assert by_aspect == {Aspect.PERENCANAAN: 20, Aspect.PELAKSANAAN: 55, Aspect.HASIL: 25}
    assert IKPA_2022.weights["Deviasi Halaman III DIPA"] == 10
    assert IKPA_2022.weights["Dispensasi SPM"] == 5
    assert rules_for_year(2022) is IKPA_2022 and rules_for_year(2024) is IKPA_2024
    assert dict(ikpa.IKPA_RULES) == {2022: IKPA_2022, 2024: IKPA_2024}


def test_2022_dispensasi_is_weighted() -> None:
    # Under PER-5/PB/2022 Dispensasi SPM carries 5 %: a value of 80 costs 20 x 5 % = 1 point.
    values = dict.fromkeys(IKPA_2022.names, 100)
    values["Dispensasi SPM"] = 80
    assert score(values, rules=2022).value == Decimal(99)
    with pytest.raises(InvalidValueError, match="weighted indicator"):
        score(values, rules=2022, dispensasi="0.25")


def test_dispensasi_deduction_2024() -> None:
    # Nilai Akhir = Nilai Total / Konversi Bobot - Dispensasi (OMSPAN column "Pengurang").
    kobar = score(
        _values(REPORT["BNNK Kotawaringin Barat"]["values"]), rules=2024, dispensasi="0.25"
    )
    assert kobar.value == Decimal("99.65")
    assert kobar.total == Decimal("79.92")


def test_bonus_values_up_to_120_are_accepted() -> None:
    # Kontrak dini earns 120 points (DJPb, KPPN Kotabumi S-951, 2024).
    values = _values(["100"] * 7)
    values["Belanja Kontraktual"] = 120
    assert score(values, rules=2024).value == Decimal(102)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"Deviasi": 100}, InvalidValueError),  # unknown name
        ({"Capaian Output": "120.01"}, InvalidValueError),
        ({"Capaian Output": -1}, InvalidValueError),
        ({"Capaian Output": None}, InvalidTypeError),
        ({"Capaian Output": True}, InvalidTypeError),
        ({"Capaian Output": "99,30"}, InvalidValueError),  # Indonesian form: parse first
        ({"Capaian Output": float("nan")}, InvalidValueError),
        ({"Dispensasi SPM": 100}, InvalidValueError),  # a 2022 indicator under 2024
    ],
)
def test_bad_values_raise(change: dict[str, object], error: type[SakipError]) -> None:
    values = _values(["100"] * 7)
    values.update(change)
    with pytest.raises(error):
        score(values, rules=2024)


def test_missing_indicator_raises() -> None:
    values = _values(["100"] * 7)
    del values["Capaian Output"]
    with pytest.raises(InvalidValueError, match="Capaian Output"):
        score(values, rules=2024)


def test_weights_must_match_the_year() -> None:
    values = _values(REPORT["BNNK Kotawaringin Barat"]["values"])
    printed = dict(zip(NAMES, [10, 15, 20, 0, 0, 10, 25], strict=True))
    # BAB III A sasaran 12: the printed Bobot row is accepted and the result is the report's.
    assert score(values, rules=2024, weights=printed).value == Decimal("99.9")
    wrong = dict(printed, **{"Deviasi Halaman III DIPA": 10})  # the 2022 weight
    with pytest.raises(InvalidValueError, match="must be 15 under PER-5/PB/2024"):
        score(values, rules=2024, weights=wrong)
    not_zeroed = dict(printed, **{"Belanja Kontraktual": 10})
    with pytest.raises(InvalidValueError, match="not-applicable"):
        score(values, rules=2024, weights=not_zeroed)
    missing = {k: v for k, v in printed.items() if k != "Capaian Output"}
    with pytest.raises(InvalidValueError):
        score(values, rules=2024, weights=missing)
    with pytest.raises(InvalidValueError):
        score(values, rules=2024, weights=dict(printed, Extra=0))
    with pytest.raises(InvalidTypeError):
        score(values, rules=2024, weights=[10, 15, 20, 0, 0, 10, 25])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"rules": 2023}, InvalidValueError),
        ({"rules": "PER-5/PB/2024"}, InvalidValueError),
        ({"rules": 2024, "dispensasi": -1}, InvalidValueError),
        ({"rules": 2024, "dispensasi": 101}, InvalidValueError),
        ({"rules": 2024, "target": 0}, InvalidValueError),
    ],
)
def test_bad_arguments_raise(kwargs: dict[str, object], error: type[SakipError]) -> None:
    with pytest.raises(error):
        score(_values(["100"] * 7), **kwargs)  # type: ignore[arg-type]


def test_not_applicable_takes_the_member_or_its_value() -> None:
    # BAB III A sasaran 12, Kotawaringin Barat: the marker's value works as the member does.
    values = _values(["100", "100", "100", "not applicable", NA, "99.20", "100"])
    assert score(values, rules=2024).value == Decimal("99.9")
    values["Belanja Kontraktual"] = "n/a"
    with pytest.raises(InvalidValueError, match="Belanja Kontraktual"):
        score(values, rules=2024)


def test_no_applicable_indicator_raises() -> None:
    with pytest.raises(InvalidValueError, match="at least one applicable"):
        score(_values([NA] * 7), rules=2024)


def test_rules_validation() -> None:
    with pytest.raises(InvalidValueError, match="sum to 100"):
        IkpaRules("x", (2030,), [IkpaIndicator("A", 50, Aspect.HASIL)], True, "test")
    with pytest.raises(InvalidValueError, match="repeat"):
        IkpaRules(
            "x",
            (2030,),
            [IkpaIndicator("A", 50, Aspect.HASIL), IkpaIndicator("A", 50, Aspect.HASIL)],
            True,
            "test",
        )
    with pytest.raises(InvalidValueError, match="'weight' must be a whole number"):
        IkpaIndicator("A", 12.5, Aspect.HASIL)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'weight'"):
        IkpaIndicator("A", True, Aspect.HASIL)
    with pytest.raises(InvalidValueError, match="'name' must not be empty"):
        IkpaIndicator(" ", 100, Aspect.HASIL)
    with pytest.raises(InvalidTypeError, match="'name'"):
        IkpaIndicator(7, 100, Aspect.HASIL)  # type: ignore[arg-type]
    one = [IkpaIndicator("A", 100, Aspect.HASIL)]
    # A truthy string must not switch the deduction on silently.
    with pytest.raises(InvalidTypeError, match="dispensasi_deducted"):
        IkpaRules("x", (2030,), one, "False", "test")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="max_value"):
        IkpaRules("x", (2030,), one, True, "test", max_value=0)
    with pytest.raises(InvalidValueError, match="'years'"):
        IkpaRules("x", ("MMXXX",), one, True, "test")  # type: ignore[arg-type]


def test_aspect_takes_the_member_or_its_value() -> None:
    # Failed before 0.1.0: the official name of the aspect (the enum's value) was refused.
    indicator = IkpaIndicator("A", 100, "Kualitas Hasil Pelaksanaan Anggaran")  # type: ignore[arg-type]
    assert indicator.aspect is Aspect.HASIL
    # Anything else raises, naming the accepted values; the member's name is not a value.
    with pytest.raises(InvalidValueError, match="'aspect' must be one of"):
        IkpaIndicator("A", 100, "HASIL")  # type: ignore[arg-type]


def test_str_is_not_a_sequence_of_years_or_indicators() -> None:
    # Failed before 0.1.0: "2030" was walked character by character into four "years".
    one = [IkpaIndicator("A", 100, Aspect.HASIL)]
    with pytest.raises(InvalidTypeError, match="'years' must be a sequence"):
        IkpaRules("x", "2030", one, True, "test")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'indicators' must be a sequence"):
        IkpaRules("x", (2030,), "A", True, "test")  # type: ignore[arg-type]


def test_rule_tables_live_in_their_own_module() -> None:
    # The split of ikpa.py: the public names stay importable from sakip.instruments.ikpa.
    for name in _ikpa_rules.__all__:
        if name != "resolve_rules":
            assert getattr(ikpa, name) is getattr(_ikpa_rules, name)
            assert name in ikpa.__all__


def test_scheme_must_be_a_scheme() -> None:
    with pytest.raises(InvalidTypeError, match="scheme"):
        score(_values(["100"] * 7), rules=2024, scheme="IKPA")  # type: ignore[arg-type]


def test_category_is_a_band_of_the_scheme() -> None:
    # Failed before 0.1.0: the category was the label (a str).
    result = score(_values(["100"] * 7), rules=2024)
    assert isinstance(result.category, Band)
    assert result.category is IKPA_CATEGORY.classify(100)
    assert score(_values(["90"] * 7), rules=2024).category.label == "Baik"


def test_result_is_frozen_and_hashable() -> None:
    values = _values(REPORT["BNNK Kotawaringin Barat"]["values"])
    result = score(values, rules=2024, target="96.41")
    assert hash(result) == hash(score(values, rules=2024, target="96.41"))
    assert isinstance(result, IkpaResult)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.value = Decimal(0)  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.rules.weights["Revisi DIPA"] = 0  # type: ignore[index]


def test_scalar_path_is_exact_beyond_the_ambient_precision() -> None:
    # 45 significant digits: the ambient 28-digit context would round the weighted sums
    # (the aspect value was once summed with a bare sum()); the figures keep every digit.
    value = Decimal("99." + "9" * 42 + "1")
    values = _values(["100"] * 7)
    values["Capaian Output"] = value
    result = score(values, rules=2024)
    exact = (75 * 100 + 25 * Fraction(value)) / 100  # Fraction: independent of Decimal
    assert Fraction(result.value) == exact
    assert Fraction(result.total) == exact
    assert Fraction(result.weighted("Capaian Output")) == 25 * Fraction(value) / 100
    assert result.aspects[2].value == value


# --- many units: the shared generic loop ----------------------------------------------------


def test_score_batch_is_replaced_by_score_each() -> None:
    assert not hasattr(ikpa, "score_batch") and not hasattr(ikpa, "IkpaBatchResult")
    rows = [{"values": _values(REPORT[unit]["values"]), "rules": 2024} for unit in REPORT]
    batch = score_each(
        score, rows, policy=RoundingPolicy(2, Rounding.TRUNCATE), scheme=IKPA_CATEGORY
    )
    # BAB III A sasaran 12: 99,95, 98,74 and 99,90, all Sangat Baik.
    assert batch.decimals() == [Decimal("99.95"), Decimal("98.74"), Decimal("99.90")]
    assert batch.labels() == ["Sangat Baik"] * 3


def test_rules_given_as_a_year_in_any_number_form() -> None:
    # rules= reads a year as coerce reads counts; an unknown year names the field.
    assert score(_values(["100"] * 7), rules="2024").rules is IKPA_2024  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="'rules' must be one of"):
        score(_values(["100"] * 7), rules=2023)
    with pytest.raises(InvalidTypeError, match="'rules'"):
        score(_values(["100"] * 7), rules=None)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------

value_2dp = st.integers(0, 12000).map(lambda n: Decimal(n).scaleb(-2))
all_values = st.lists(value_2dp, min_size=7, max_size=7)
masks = st.lists(st.booleans(), min_size=7, max_size=7).filter(any)


@given(all_values)
def test_final_equals_total_when_all_apply(row: list[Decimal]) -> None:
    result = score(_values(row), rules=2024)
    assert result.value == result.total
    assert result.conversion == 1


@given(all_values, masks)
def test_final_lies_within_the_applicable_values(row: list[Decimal], mask: list[bool]) -> None:
    values = [v if keep else NA for v, keep in zip(row, mask, strict=True)]
    applicable = [v for v, keep in zip(row, mask, strict=True) if keep]
    result = score(_values(values), rules=2024)
    assert min(applicable) <= result.value <= max(applicable)


@given(all_values, masks, st.integers(0, 6), st.integers(0, 12000))
def test_monotone_in_each_applicable_value(
    row: list[Decimal], mask: list[bool], position: int, raised: int
) -> None:
    assume(mask[position])
    values: list[object] = [v if keep else NA for v, keep in zip(row, mask, strict=True)]
    before = score(_values(values), rules=2024).value
    bigger = max(row[position], Decimal(raised).scaleb(-2))
    values[position] = bigger
    assert score(_values(values), rules=2024).value >= before


@st.composite
def halvable_rules(draw: st.DrawFn) -> tuple[IkpaRules, IkpaRules]:
    """A rules set with even weights, and the same halved plus a 50 % extra indicator."""
    count = draw(st.integers(1, 5))
    cuts = sorted(draw(st.lists(st.integers(1, 49), min_size=count - 1, max_size=count - 1)))
    halves = [b - a for a, b in zip([0, *cuts], [*cuts, 50], strict=True)]
    assume(all(h > 0 for h in halves))
    aspects = list(Aspect)
    base = [IkpaIndicator(f"I{i}", 2 * h, aspects[i % 3]) for i, h in enumerate(halves)]
    halved = [IkpaIndicator(f"I{i}", h, aspects[i % 3]) for i, h in enumerate(halves)]
    extra = IkpaIndicator("Extra", 50, Aspect.HASIL)
    return (
        IkpaRules("base", (2099,), base, True, "test"),
        IkpaRules("extended", (2099,), [*halved, extra], True, "test"),
    )


@given(halvable_rules(), st.data())
def test_unchanged_by_adding_a_not_applicable_indicator(
    pair: tuple[IkpaRules, IkpaRules], data: st.DataObject
) -> None:
    base, extended = pair
    row = data.draw(st.lists(value_2dp, min_size=len(base.names), max_size=len(base.names)))
    mask = data.draw(st.lists(st.booleans(), min_size=len(row), max_size=len(row)).filter(any))
    values: dict[str, object] = {
        name: v if keep else NA for name, v, keep in zip(base.names, row, mask, strict=True)
    }
    plain = score(values, rules=base)
    widened = score({**values, "Extra": NA}, rules=extended)
    assert widened.value == plain.value
    assert widened.category == plain.category


@given(all_values, masks, st.randoms(use_true_random=False))
def test_order_of_the_mapping_does_not_matter(
    row: list[Decimal], mask: list[bool], rng: random.Random
) -> None:
    items = [(n, v if keep else NA) for n, v, keep in zip(NAMES, row, mask, strict=True)]
    shuffled = items[:]
    rng.shuffle(shuffled)
    assert score(dict(items), rules=2024) == score(dict(shuffled), rules=2024)


@given(all_values, masks, st.integers(0, 10000).map(lambda n: Decimal(n).scaleb(-2)))
def test_meets_target_follows_the_exact_value(
    row: list[Decimal], mask: list[bool], target: Decimal
) -> None:
    values = [v if keep else NA for v, keep in zip(row, mask, strict=True)]
    result = score(_values(values), rules=2024, target=target if target > 0 else None)
    if target == 0:
        assert result.meets_target is None and result.achievement is None
    else:
        assert result.meets_target == (result.value >= target)


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.decimals(allow_nan=True, allow_infinity=True).filter(
        lambda d: not d.is_finite() or d < 0 or d > 120
    ),
    st.floats().filter(lambda f: not (0 <= f <= 120)),
    st.lists(st.integers(), max_size=2),
)


@given(st.sampled_from(NAMES), junk)
def test_bad_input_always_raises_a_sakip_error(name: str, bad: object) -> None:
    values = _values(["100"] * 7)
    values[name] = bad
    try:
        score(values, rules=2024)
    except SakipError:
        return
    # Only text that happens to be a valid number in range may pass.
    assert isinstance(bad, str)
    assert Decimal(0) <= Decimal(bad.strip()) <= 120
