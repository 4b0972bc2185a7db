"""Tests of the IKPA indicator calculators (sakip.instruments._ikpa_inputs, via ikpa).

Sources: /work/shared/reference/ikpa-2024.md (the rules and their tags [V]/[S]) and the
DJPb/KPPN pages cited in IKPA_INPUTS_2024.provenance. The LKIP 2024 prints no raw inputs
(ikpa-2024.md, "What the seed shows"), so the known values below come from the rules'
own statements, worked by hand; each test names the rule it checks.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.errors import SakipError
from sakip.instruments import ikpa
from sakip.instruments.ikpa import (
    IKPA_2024,
    IKPA_INPUT_RULES,
    IKPA_INPUTS_2024,
    NOT_APPLICABLE,
    IkpaInputRules,
    RuleSource,
    SpendingType,
    average_deviation,
    belanja_kontraktual,
    capaian_output,
    countable_revisions,
    deviasi_halaman_iii_dipa,
    dispensasi_spm,
    input_rules_for_year,
    pengelolaan_up_tup,
    penyelesaian_tagihan,
    penyerapan_anggaran,
    revisi_dipa,
)
from sakip.numbers import divide

D = Decimal
TARGETS = {  # ikpa-2024.md, Penyerapan Anggaran: cumulative TW I / II / III / IV
    "51": (20, 50, 75, 95),
    "52": (15, 50, 70, 90),
    "53": (10, 40, 70, 90),
    "57": (25, 50, 75, 95),
}


def _monthly_on_target(pagu: int, targets: tuple[int, ...], quarters: int) -> list[Decimal]:
    """Monthly realization whose cumulative sum hits each quarter's target exactly."""
    months: list[Decimal] = []
    done = D(0)
    for quarter in range(quarters):
        goal = D(pagu) * targets[quarter] / 100
        months += [D(0), D(0), goal - done]
        done = goal
    return months


# --- the rule tables -----------------------------------------------------------------------


def test_2024_rules_are_built_in_and_hashable() -> None:
    assert IKPA_INPUT_RULES[2024] is IKPA_INPUTS_2024 is input_rules_for_year(2024)
    assert hash(IKPA_INPUTS_2024) == hash(attrs.evolve(IKPA_INPUTS_2024))
    for kind, row in TARGETS.items():
        assert IKPA_INPUTS_2024.absorption_targets[SpendingType(kind)] == tuple(map(D, row))


def test_every_2024_indicator_has_tagged_sources() -> None:
    for name in [*IKPA_2024.names, "Dispensasi SPM"]:
        sources = IKPA_INPUTS_2024.sources(name)
        assert sources, name
        assert all(s.tag in ("V", "S") and s.verified == (s.tag == "V") for s in sources)


def test_verified_rules_are_exactly_those_read_on_djpb_pages() -> None:
    # research-14.md section 5.2 (V1-V4) and ikpa-2024.md [V] lines; the rest stays [S].
    verified = {s.indicator for s in IKPA_INPUTS_2024.provenance if s.verified}
    assert verified == {
        "Revisi DIPA",
        "Deviasi Halaman III DIPA",
        "Penyerapan Anggaran",
        "Belanja Kontraktual",
    }
    unverified_only = {
        "Penyelesaian Tagihan",
        "Pengelolaan UP dan TUP",
        "Capaian Output",
        "Dispensasi SPM",
    }
    for name in unverified_only:
        assert not any(s.verified for s in IKPA_INPUTS_2024.sources(name))
    merauke = [s for s in IKPA_INPUTS_2024.provenance if "Merauke" in s.source]
    assert [s.verified for s in merauke] == [True]


def test_rules_of_another_year_go_beside_2024() -> None:
    rules_2025 = attrs.evolve(
        IKPA_INPUTS_2024, years=(2025,), revision_scores=(120, 100, 50), invoice_days=5
    )
    assert isinstance(rules_2025, IkpaInputRules)
    assert revisi_dipa(first_semester=0, second_semester=1, rules=rules_2025) == 110
    assert penyelesaian_tagihan([5, 6], rules=rules_2025) == 50
    assert penyelesaian_tagihan([5, 6], rules=2024) == 100


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"distribution_ladder": ((50, 80), (75, 100), (0, 50))}, "ladder"),
        ({"dispensasi_ladder": (("5", "1"), ("1", "0.5"))}, "ladder"),
        ({"semester_weights": ("0.5",)}, "semester_weights"),
        ({"absorption_targets": {"51": (20, 50, 75)}}, "absorption_targets['51']"),
        ({"absorption_targets": {"59": (20, 50, 75, 95)}}, "absorption_targets"),
        ({"deviation_months": 13}, "deviation_months"),
        ({"revision_codes": "201"}, "revision_codes"),
        ({"provenance": ("Revisi DIPA",)}, "provenance"),
        ({"revision_scores": ()}, "revision_scores"),
        ({"name": " "}, "name"),
    ],
)
def test_bad_rules_name_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(SakipError) as error:
        attrs.evolve(IKPA_INPUTS_2024, **change)
    assert error.value.field == field


def test_rule_source_refuses_the_inference_tag() -> None:
    with pytest.raises(SakipError) as error:
        RuleSource("Deviasi Halaman III DIPA", "100 - average above 5 %", "I", "a simulator")
    assert error.value.field == "tag"


# --- Revisi DIPA ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [  # ikpa-2024.md, Revisi DIPA [S]: 0-1 -> 110, 2 -> 100, >= 3 -> 50; 0.5 S1 + 0.5 S2
        (0, 0, "110"),
        (1, 1, "110"),
        (2, 2, "100"),
        (0, 2, "105"),
        (1, 3, "80"),
        (3, 7, "50"),
    ],
)
def test_revisi_dipa_known_values(first: int, second: int, expected: str) -> None:
    assert revisi_dipa(first_semester=first, second_semester=second, rules=2024) == D(expected)


def test_countable_revisions_uses_the_2022_juknis_codes() -> None:
    # DJPb Juknis IKPA 2022 (scribd 685732395) section 1.2.1: 14 pagu-keeping codes.
    codes = [201, 211, 212, 213, 217, 220, 221, 222, 225, 226, 229, 231, 236, 239]
    assert countable_revisions(codes, rules=2024) == 14
    assert countable_revisions(["201", 202, 300], rules=2024) == 1
    assert countable_revisions([], rules=2024) == 0


@given(st.integers(0, 9), st.integers(0, 9), st.integers(0, 3))
def test_more_revisions_never_increase_revisi_dipa(first: int, second: int, more: int) -> None:
    base = revisi_dipa(first_semester=first, second_semester=second, rules=2024)
    assert revisi_dipa(first_semester=first + more, second_semester=second, rules=2024) <= base
    assert revisi_dipa(first_semester=first, second_semester=second + more, rules=2024) <= base
    assert D(50) <= base <= D(110)


# --- Deviasi Halaman III DIPA --------------------------------------------------------------


def test_average_deviation_weights_by_pagu_share() -> None:
    # Rule [V] (KPPN Gunungsitoli, Pasal 7; KPPN Kupang: weights are the pagu shares).
    # Month 1: 51 exact, 52 |30 - 40| / 40 = 25 % -> 0.6 x 0 + 0.4 x 25 = 10.
    # Month 2: 51 |45 - 50| / 50 = 10 %, 52 exact -> 6. Average 8.
    assert average_deviation(
        pagu={"51": 600, "52": 400},
        rpd={"51": [50, 50], "52": [40, 20]},
        realization={"51": [50, 45], "52": [30, 20]},
        rules=2024,
    ) == D(8)


def test_monthly_deviation_is_capped_and_december_not_counted() -> None:
    # ikpa-2024.md [S]: January to November, each monthly deviation capped at 100 %.
    eleven = average_deviation(
        pagu={"53": 1000}, rpd={"53": [10] * 11}, realization={"53": [10] * 10 + [40]}, rules=2024
    )
    assert eleven == divide(100, 11)  # 300 % capped at 100 in November
    twelve = average_deviation(
        pagu={"53": 1000},
        rpd={"53": [10] * 12},
        realization={"53": [10] * 10 + [40, 900]},
        rules=2024,
    )
    assert twelve == eleven


def test_zero_rpd_months() -> None:
    # A month without RPD and without realization deviates by 0; with realization, the cap.
    assert (
        average_deviation(
            pagu={"51": 1, "53": 1},
            rpd={"51": [5], "53": [0]},
            realization={"51": [5], "53": [0]},
            rules=2024,
        )
        == 0
    )
    assert (
        average_deviation(
            pagu={"51": 1, "53": 1},
            rpd={"51": [5], "53": [0]},
            realization={"51": [5], "53": [7]},
            rules=2024,
        )
        == 50
    )


def test_deviasi_tolerance_boundary() -> None:
    # ikpa-2024.md [S]: an average deviation <= 5 % scores 100; above 5 % is [I], not computed.
    at_five = {"pagu": {"52": 100}, "rpd": {"52": [100]}, "realization": {"52": [105]}}
    assert deviasi_halaman_iii_dipa(**at_five, rules=2024) == 100
    above = {"pagu": {"52": 100}, "rpd": {"52": [100]}, "realization": {"52": ["105.01"]}}
    with pytest.raises(SakipError) as error:
        deviasi_halaman_iii_dipa(**above, rules=2024)
    assert error.value.field == "realization" and error.value.value == D("5.01")


amounts = st.integers(1, 10**9)


@given(
    st.lists(
        st.tuples(amounts, st.lists(amounts, min_size=1, max_size=12)), min_size=1, max_size=4
    )
)
def test_no_deviation_scores_100(rows: list[tuple[int, list[int]]]) -> None:
    months = len(rows[0][1])
    kinds = list(SpendingType)[: len(rows)]
    pagu = {k: p for k, (p, _) in zip(kinds, rows, strict=False)}
    plan = {k: (m * months)[:months] for k, (_, m) in zip(kinds, rows, strict=False)}
    arguments = {"pagu": pagu, "rpd": plan, "realization": plan, "rules": 2024}
    assert average_deviation(**arguments) == 0
    assert deviasi_halaman_iii_dipa(**arguments) == 100


@given(st.lists(st.tuples(amounts, amounts), min_size=1, max_size=11), amounts)
def test_average_deviation_lies_in_0_100(months: list[tuple[int, int]], pagu: int) -> None:
    value = average_deviation(
        pagu={"52": pagu},
        rpd={"52": [p for p, _ in months]},
        realization={"52": [r for _, r in months]},
        rules=2024,
    )
    assert 0 <= value <= 100


# --- Penyerapan Anggaran -------------------------------------------------------------------


def test_penyerapan_tw3_2024_targets_from_kppn_merauke() -> None:
    # KPPN Merauke (DJPb): TW III 2024 targets 51 = 75 %, 52 = 70 %, 53 = 70 %. A unit exactly
    # on those targets at TW III (and on the TW I/II targets) scores 100 ...
    pagu = {"51": 1000, "52": 2000, "53": 500}
    realization = {k: _monthly_on_target(p, TARGETS[k], 3) for k, p in pagu.items()}
    assert [sum(realization[k]) for k in pagu] == [750, 1400, 350]
    assert penyerapan_anggaran(pagu=pagu, realization=realization, capped=False, rules=2024) == 100
    # ... and one percentage point short on 51 at TW III only: 74/75 x 100 on the 51 ratio.
    realization["51"][-1] -= 10
    value = penyerapan_anggaran(pagu=pagu, realization=realization, capped=False, rules=2024)
    tw3 = (Fraction(7400, 75) * 1000 + 100 * 2500) / 3500  # 99.6190476...
    assert abs(Fraction(value) - (200 + tw3) / 3) < Fraction(1, 10**55)
    assert str(value).startswith("99.873015873015873")


def test_penyerapan_known_values_and_cap() -> None:
    # ikpa-2024.md [S]: TW I target of 52 is 15 %; 7.5 % absorbed -> 50; 30 % -> 200 or 100.
    assert (
        penyerapan_anggaran(
            pagu={"52": 200}, realization={"52": [5, 5, 5]}, capped=True, rules=2024
        )
        == 50
    )
    over = {"pagu": {"52": 200}, "realization": {"52": [20, 20, 20]}, "rules": 2024}
    assert penyerapan_anggaran(**over, capped=False) == 200
    assert penyerapan_anggaran(**over, capped=True) == 100


@given(
    st.dictionaries(st.sampled_from(sorted(TARGETS)), st.integers(1, 10**12), min_size=1),
    st.integers(1, 4),
)
def test_meeting_every_target_scores_100(pagu: dict[str, int], quarters: int) -> None:
    realization = {k: _monthly_on_target(p, TARGETS[k], quarters) for k, p in pagu.items()}
    for capped in (True, False):
        assert (
            penyerapan_anggaran(pagu=pagu, realization=realization, capped=capped, rules=2024)
            == 100
        )


# --- Belanja Kontraktual -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("distribution", "ladder"),
    [  # ikpa-2024.md [S]: > 75 -> 100; 50,01-75 -> 80; 25,01-50 -> 60; 0,01-25 -> 50; 0 -> 0
        ("100", 100),
        ("75.01", 100),
        ("75", 80),
        ("50.01", 80),
        ("50", 60),
        ("25.01", 60),
        ("25", 50),
        ("0.01", 50),
        ("0", 0),
    ],
)
def test_distribution_ladder(distribution: str, ladder: int) -> None:
    value = belanja_kontraktual(
        early_contracts=0, capital_acceleration=0, distribution=distribution, rules=2024
    )
    assert value == D(ladder) * 20 / 100


def test_belanja_kontraktual_weights_40_40_20() -> None:
    # ikpa-2024.md [V]: components 40 / 40 / 20; a pre-1-January contract earns 120.
    full = belanja_kontraktual(
        early_contracts=100, capital_acceleration=100, distribution=100, rules=2024
    )
    assert full == 100
    assert (
        belanja_kontraktual(
            early_contracts=120, capital_acceleration=110, distribution=80, rules=2024
        )
        == D(48) + 44 + 20
    )


# --- Penyelesaian Tagihan, UP/TUP, Capaian Output, Dispensasi SPM --------------------------


def test_penyelesaian_tagihan_17_working_days() -> None:
    # ikpa-2024.md [S]: within 17 working days of the BAST counts as on time.
    assert penyelesaian_tagihan([17, 17], rules=2024) == 100
    assert penyelesaian_tagihan([18], rules=2024) == 0
    assert penyelesaian_tagihan([1, 18, 30], rules=2024) == divide(100, 3)
    assert penyelesaian_tagihan((), rules=2024) is NOT_APPLICABLE


def test_pengelolaan_up_tup_known_values() -> None:
    # ikpa-2024.md [S]: 0.9 x (0.5 t + 0.25 g + 0.25 d) + 0.1 x (110 reached, else 100).
    values = {"timeliness": 100, "gup": 100, "tup_deposit": 100}
    assert pengelolaan_up_tup(**values, kkp_reached=True, rules=2024) == 101
    assert pengelolaan_up_tup(**values, kkp_reached=False, rules=2024) == 100
    assert (
        pengelolaan_up_tup(timeliness=80, gup=100, tup_deposit=0, kkp_reached=False, rules=2024)
        == D("0.9") * (40 + 25) + 10
    )


def test_capaian_output_known_values() -> None:
    # ikpa-2024.md [S]: 30 timeliness (100 / 0) + 70 x min(PCRO / TPCRO x 100, 100).
    assert capaian_output(realization=50, target=50, on_time=True, rules=2024) == 100
    assert capaian_output(realization=50, target=50, on_time=False, rules=2024) == 70
    assert capaian_output(realization=45, target=50, on_time=True, rules=2024) == 93
    # December: realized volume above the target volume is capped at 100.
    assert capaian_output(realization=130, target=120, on_time=True, rules=2024) == 100


@pytest.mark.parametrize(
    ("dispensed", "spm", "deduction"),
    [  # ikpa-2024.md [S]: per mille; 0 -> 0; 0,01-0,099 -> 0,25; 0,1-0,99 -> 0,50;
        # 1-4,99 -> 0,75; >= 5 -> 1,00
        (0, 0, "0"),
        (0, 500, "0"),
        (1, 100_000, "0.25"),  # 0.01 per mille
        (199, 2_000_000, "0.25"),  # 0.0995: between the printed steps, the lower one
        (1, 10_000, "0.50"),  # 0.1
        (99, 100_000, "0.50"),  # 0.99
        (1, 1000, "0.75"),  # 1
        (499, 100_000, "0.75"),  # 4.99
        (5, 1000, "1.00"),  # 5
        (40, 40, "1.00"),
    ],
)
def test_dispensasi_ladder(dispensed: int, spm: int, deduction: str) -> None:
    assert dispensasi_spm(dispensed=dispensed, spm=spm, rules=2024) == D(deduction)


@given(st.integers(1, 10**6), st.data())
def test_more_dispensations_never_lower_the_deduction(spm: int, data: st.DataObject) -> None:
    low = data.draw(st.integers(0, spm))
    high = data.draw(st.integers(low, spm))
    assert dispensasi_spm(dispensed=low, spm=spm, rules=2024) <= dispensasi_spm(
        dispensed=high, spm=spm, rules=2024
    )


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.booleans())
def test_capaian_output_is_bounded_and_monotone(real: int, target: int, on_time: bool) -> None:
    value = capaian_output(realization=real, target=target, on_time=on_time, rules=2024)
    assert 0 <= value <= 100
    assert (
        capaian_output(realization=real + 1, target=target, on_time=on_time, rules=2024) >= value
    )


# --- plugging into ikpa.score --------------------------------------------------------------


def test_seven_values_from_raw_inputs_score() -> None:
    pagu = {"51": 600, "52": 400}
    values = {
        "Revisi DIPA": revisi_dipa(first_semester=1, second_semester=2, rules=2024),  # 105
        "Deviasi Halaman III DIPA": deviasi_halaman_iii_dipa(
            pagu=pagu,
            rpd={"51": [50] * 11, "52": [30] * 11},
            realization={"51": [50] * 11, "52": [31] * 11},
            rules=2024,
        ),  # 0.4 x 3.33 % = 1.33 % average -> 100
        "Penyerapan Anggaran": penyerapan_anggaran(
            pagu=pagu,
            realization={k: _monthly_on_target(p, TARGETS[k], 4) for k, p in pagu.items()},
            capped=True,
            rules=2024,
        ),  # 100
        "Belanja Kontraktual": belanja_kontraktual(
            early_contracts=110, capital_acceleration=100, distribution=60, rules=2024
        ),  # 44 + 40 + 16 = 100
        "Penyelesaian Tagihan": penyelesaian_tagihan([3, 10, 20, 5], rules=2024),  # 75
        "Pengelolaan UP dan TUP": pengelolaan_up_tup(
            timeliness=100, gup=100, tup_deposit=100, kkp_reached=True, rules=2024
        ),  # 101
        "Capaian Output": capaian_output(realization=45, target=50, on_time=True, rules=2024),
    }
    deduction = dispensasi_spm(dispensed=1, spm=2000, rules=2024)  # 0.5 per mille -> 0.50
    result = ikpa.score(values, rules=2024, dispensasi=deduction)
    # 10.5 + 15 + 20 + 10 + 7.5 + 10.1 + 23.25 = 96.35; minus 0.50
    assert result.total == D("96.35")
    assert result.value == D("95.85")
    assert result.category.label == "Sangat Baik"


def test_no_invoices_is_not_applicable_in_score() -> None:
    values: dict[str, Any] = dict.fromkeys(IKPA_2024.names, 100)
    values["Penyelesaian Tagihan"] = penyelesaian_tagihan([], rules=2024)
    assert ikpa.score(values, rules=2024).applicable_weight == 90


# --- bad input -----------------------------------------------------------------------------

PAGU = {"51": 100}
MONTHS = {"51": [10, 10, 10]}
BAD: list[tuple[Callable[[], object], str]] = [
    (lambda: revisi_dipa(first_semester=-1, second_semester=0, rules=2024), "first_semester"),
    (lambda: revisi_dipa(first_semester=0, second_semester="1.5", rules=2024), "second_semester"),
    (lambda: revisi_dipa(first_semester=0, second_semester=0, rules=2022), "rules"),
    (lambda: revisi_dipa(first_semester=0, second_semester=0, rules="2024x"), "rules"),  # type: ignore[arg-type]
    (lambda: countable_revisions("201", rules=2024), "codes"),  # type: ignore[arg-type]
    (lambda: countable_revisions([201, 21], rules=2024), "codes[1]"),
    (lambda: average_deviation(pagu=[100], rpd=MONTHS, realization=MONTHS, rules=2024), "pagu"),  # type: ignore[arg-type]
    (
        lambda: average_deviation(pagu={"59": 1}, rpd=MONTHS, realization=MONTHS, rules=2024),
        "pagu",
    ),
    (
        lambda: average_deviation(pagu={"51": 0}, rpd=MONTHS, realization=MONTHS, rules=2024),
        "pagu",
    ),
    (
        lambda: average_deviation(pagu={"51": -1}, rpd=MONTHS, realization=MONTHS, rules=2024),
        "pagu['51']",
    ),
    (lambda: average_deviation(pagu=PAGU, rpd={}, realization=MONTHS, rules=2024), "rpd"),
    (
        lambda: average_deviation(pagu=PAGU, rpd={"51": "10"}, realization=MONTHS, rules=2024),
        "rpd['51']",
    ),  # type: ignore[dict-item]
    (
        lambda: average_deviation(pagu=PAGU, rpd={"51": [1] * 13}, realization=MONTHS, rules=2024),
        "rpd['51']",
    ),
    (
        lambda: average_deviation(
            pagu=PAGU, rpd={"51": [1, -1, 1]}, realization=MONTHS, rules=2024
        ),
        "rpd['51'][1]",
    ),
    (
        lambda: average_deviation(pagu=PAGU, rpd=MONTHS, realization={"51": [1, 1]}, rules=2024),
        "realization",
    ),
    (
        lambda: average_deviation(
            pagu={"51": 1, "52": 1},
            rpd={"51": [1], "52": [1, 1]},
            realization={"51": [1], "52": [1, 1]},
            rules=2024,
        ),
        "rpd",
    ),
    (
        lambda: average_deviation(
            pagu=PAGU, rpd=MONTHS, realization={**MONTHS, "53": [0, 5, 0]}, rules=2024
        ),
        "realization['53']",
    ),
    (
        lambda: penyerapan_anggaran(pagu=PAGU, realization=MONTHS, capped="yes", rules=2024),
        "capped",
    ),  # type: ignore[arg-type]
    (
        lambda: penyerapan_anggaran(
            pagu=PAGU, realization={"51": [1, 1]}, capped=True, rules=2024
        ),
        "realization",
    ),
    (
        lambda: belanja_kontraktual(
            early_contracts=121, capital_acceleration=0, distribution=0, rules=2024
        ),
        "early_contracts",
    ),
    (
        lambda: belanja_kontraktual(
            early_contracts=0, capital_acceleration=-1, distribution=0, rules=2024
        ),
        "capital_acceleration",
    ),
    (
        lambda: belanja_kontraktual(
            early_contracts=0, capital_acceleration=0, distribution="100.5", rules=2024
        ),
        "distribution",
    ),
    (lambda: penyelesaian_tagihan(17, rules=2024), "working_days"),  # type: ignore[arg-type]
    (lambda: penyelesaian_tagihan([3, -2], rules=2024), "working_days[1]"),
    (
        lambda: pengelolaan_up_tup(
            timeliness=101, gup=0, tup_deposit=0, kkp_reached=True, rules=2024
        ),
        "timeliness",
    ),
    (
        lambda: pengelolaan_up_tup(
            timeliness=0, gup="x", tup_deposit=0, kkp_reached=True, rules=2024
        ),
        "gup",
    ),
    (
        lambda: pengelolaan_up_tup(timeliness=0, gup=0, tup_deposit=0, kkp_reached=1, rules=2024),
        "kkp_reached",
    ),  # type: ignore[arg-type]
    (lambda: capaian_output(realization=1, target=0, on_time=True, rules=2024), "target"),
    (lambda: capaian_output(realization=-1, target=1, on_time=True, rules=2024), "realization"),
    (lambda: capaian_output(realization=1, target=1, on_time="yes", rules=2024), "on_time"),  # type: ignore[arg-type]
    (lambda: dispensasi_spm(dispensed=3, spm=2, rules=2024), "dispensed"),
    (lambda: dispensasi_spm(dispensed=0, spm=None, rules=2024), "spm"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "field"), BAD)
def test_bad_input_raises_a_sakip_error_naming_the_field(
    call: Callable[[], object], field: str
) -> None:
    with pytest.raises(SakipError) as error:
        call()
    assert error.value.field == field
    assert repr(field) in str(error.value)


def test_weighted_deviation_keeps_every_digit() -> None:
    # The pagu-weighted sum runs in the unbounded context: with the ambient 28-digit
    # context (``+=``) this differs from the exact value in the 27th digit.
    pagu = {"51": 10**15, "52": 1}
    value = average_deviation(
        pagu=pagu, rpd={"51": [3], "52": [7]}, realization={"51": [4], "52": [8]}, rules=2024
    )
    exact = (Fraction(100, 3) * 10**15 + Fraction(100, 7)) / (10**15 + 1)
    assert abs(Fraction(value) - exact) < Fraction(1, 10**55)


def test_every_calculator_is_public_in_ikpa() -> None:
    # _ikpa_inputs has no __all__ of its own: ikpa.__all__ is the one list of its public names.
    import inspect

    from sakip.instruments import _ikpa_inputs

    calculators = [
        name
        for name, obj in vars(_ikpa_inputs).items()
        if inspect.isfunction(obj)
        and obj.__module__ == _ikpa_inputs.__name__
        and not name.startswith("_")
    ]
    assert len(calculators) == 10
    for name in calculators:
        assert name in ikpa.__all__
        assert getattr(ikpa, name) is getattr(_ikpa_inputs, name)
