"""Evidence security index (barang bukti): report ledger, pair matching, units, score_each."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import score_each
from sakip.errors import InvalidTypeError, InvalidValueError, NumberFormatError, SakipError
from sakip.instruments import barang_bukti
from sakip.instruments.barang_bukti import (
    EvidencePair,
    EvidenceRecord,
    LedgerEntry,
    Quantity,
)
from sakip.numbers import Rounding, RoundingPolicy

# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 13,
# "3. Hasil pengukuran" (spec lines 1340-1343), as printed:
# (type, masuk, dimusnahkan & keperluan lain, belum dimusnahkan).
REPORT_LEDGER = [
    ("Shabu", "1.216,57 gram", "945,97 gram", "270,60 gram"),
    ("Ganja", "848,79 gram", "848,79 gram", "0 gram"),  # nothing left: not printed
    ("Ekstasi", "2 Butir", "0 Butir", "2 butir"),  # "-" destroyed
]


def report_entries() -> list[LedgerEntry]:
    return [
        LedgerEntry(kind, received=masuk, destroyed=keluar, remaining=sisa)
        for kind, masuk, keluar, sisa in REPORT_LEDGER
    ]


def test_report_ledger_balances() -> None:
    checks = barang_bukti.check_ledger(report_entries())
    assert [c.entry.evidence_type for c in checks] == ["shabu", "ganja", "ekstasi"]
    assert all(c.balanced for c in checks)
    assert [c.difference for c in checks] == [0, 0, 0]


def test_report_ledger_figures() -> None:
    # Same table: 1.216,57 = 945,97 + 270,60 gram; 2 butir stay.
    shabu, ganja, ekstasi = report_entries()
    assert shabu.received == Quantity("1216.57", "gram")
    assert shabu.destroyed + shabu.remaining == shabu.received
    assert shabu.received - shabu.destroyed == Quantity("270.60", "gram")
    assert ganja.released == Quantity("848.79", "gram")
    assert ekstasi.remaining == Quantity(2, "butir")
    assert ekstasi.unit == "butir"


def test_report_index_is_100() -> None:
    # Same section, Metode Pengukuran: "seluruh data BA penitipan dan BA pengeluaran ...
    # semuanya sama, maka diasumsikan a=1" -> 100. The report does not list the BA pairs;
    # these are the releases its ledger shows (destroyed shabu and ganja), each matching.
    pairs = [
        EvidencePair(
            "shabu (dimusnahkan)",
            received=EvidenceRecord("Shabu", "945,97 gram"),
            released=EvidenceRecord("shabu", "945,97 Gram"),
        ),
        EvidencePair(
            "ganja (dimusnahkan)",
            received=EvidenceRecord("Ganja", "848,79 gram"),
            released=EvidenceRecord("ganja", "848,79 gram"),
        ),
    ]
    result = barang_bukti.score(pairs)
    assert result.value == Decimal("100")
    assert (result.pairs, result.matched, result.mismatches) == (2, 2, ())


# Quantities as the report's multi-year table prints them (spec lines 1351-1354).
PRINTED_QUANTITIES = [
    ("2.074,44 Gram", Decimal("2074.44"), "gram"),
    ("11.116,01 Gram", Decimal("11116.01"), "gram"),
    ("519,42 Gram", Decimal("519.42"), "gram"),
    ("3,87 Gram", Decimal("3.87"), "gram"),
    ("10 Butir", Decimal("10"), "butir"),
]


@pytest.mark.parametrize(("text", "amount", "unit"), PRINTED_QUANTITIES)
def test_parse_printed_quantities(text: str, amount: Decimal, unit: str) -> None:
    assert Quantity.parse(text) == Quantity(amount, unit)


def test_a_quantity_without_unit_is_a_number_format_error() -> None:
    with pytest.raises(NumberFormatError, match="unit"):
        Quantity.parse("945,97")


def test_quantities_keep_every_digit() -> None:
    # 62 significant digits: a 60-digit (or the ambient 28-digit) sum would round them.
    small = Quantity("0." + "0" * 59 + "1", "gram")
    big = Quantity("1216.57", "gram")
    assert (big + small).amount == Decimal("1216.57" + "0" * 57 + "1")
    assert (big + small - small) == big
    entry = LedgerEntry("shabu", received=big + small, destroyed=big, remaining="0 gram")
    assert entry.balance == small.amount


def test_units_never_mix() -> None:
    with pytest.raises(InvalidValueError, match="unit"):
        Quantity("1216.57", "gram") + Quantity(2, "butir")
    with pytest.raises(InvalidValueError, match="unit"):
        Quantity("1216.57", "gram") - Quantity("1", "kilogram")
    with pytest.raises(InvalidValueError, match="unit"):
        LedgerEntry("ekstasi", received="2 butir", destroyed="1 gram", remaining="1 butir")


def test_mismatch_reasons() -> None:
    def pair(received: tuple[str, str], released: tuple[str, str]) -> EvidencePair:
        return EvidencePair(
            "LKN", received=EvidenceRecord(*received), released=EvidenceRecord(*released)
        )

    pairs = [
        pair(("shabu", "10 gram"), ("shabu", "10 gram")),
        pair(("shabu", "10 gram"), ("ganja", "10 gram")),
        pair(("ekstasi", "2 butir"), ("ekstasi", "2 gram")),
        pair(("shabu", "10 gram"), ("shabu", "10,5 gram")),
        pair(("shabu", "10 gram"), ("shabu", "9,7 gram")),
    ]
    result = barang_bukti.score(pairs, tolerance={"gram": "0.2"})
    assert [(m.index, m.reason) for m in result.mismatches] == [
        (1, "type"),
        (2, "unit"),
        (3, "released exceeds received"),
        (4, "shrinkage beyond tolerance"),
    ]
    assert result.mismatches[3].difference == Decimal("0.3")
    assert result.value == Decimal("20")
    # The tolerance is absolute and per unit: 0,3 gram is within 0,3 gram.
    assert barang_bukti.score(pairs, tolerance={"Gram": "0.3"}).matched == 2


def test_empty_rule() -> None:
    with pytest.raises(InvalidValueError, match="empty="):
        barang_bukti.score([])
    result = barang_bukti.score([], empty=100)
    assert (result.value, result.empty) == (Decimal("100"), True)


def test_unbalanced_ledger_is_reported_not_raised() -> None:
    entry = LedgerEntry(
        "shabu", received="1.216,57 gram", destroyed="945,97 gram", remaining="270,50 gram"
    )
    (check,) = barang_bukti.check_ledger([entry])
    assert not check.balanced
    assert check.difference == Decimal("0.10")
    used = LedgerEntry(
        "shabu",
        received="1.216,57 gram",
        destroyed="945,97 gram",
        used="0,10 gram",
        remaining="270,50 gram",
    )
    assert barang_bukti.check_ledger([used])[0].balanced


@pytest.mark.parametrize(
    "make",
    [
        lambda: Quantity(-1, "gram"),
        lambda: Quantity(1, ""),
        lambda: Quantity(1, 5),
        lambda: Quantity("1,5", "gram"),
        lambda: Quantity.parse("945,97"),
        lambda: Quantity.parse("1.216 gram"),  # ambiguous separator
        lambda: Quantity(1, "gram") - Quantity(2, "gram"),
        lambda: Quantity(1, "gram") + 1,
        lambda: EvidenceRecord("", "1 gram"),
        lambda: EvidenceRecord("shabu", 1),
        lambda: EvidencePair("LKN", received="1 gram", released="1 gram"),
        lambda: barang_bukti.score(["pair"]),
        lambda: barang_bukti.score([], tolerance={"gram": -1}, empty=100),
        lambda: barang_bukti.score([], tolerance={"gram": 1, "Gram": 2}, empty=100),
        lambda: barang_bukti.score([], empty=-5),
        lambda: barang_bukti.check_ledger(report_entries() + report_entries()[:1]),
        lambda: barang_bukti.check_ledger(["shabu"]),
        lambda: EvidencePair(
            7,
            received=EvidenceRecord("ganja", "1 gram"),
            released=EvidenceRecord("ganja", "1 gram"),
        ),
    ],
)
def test_bad_input_raises(make: object) -> None:
    with pytest.raises(SakipError):
        make()  # type: ignore[operator]


# --- properties ---------------------------------------------------------------

amounts = st.integers(0, 10**9).map(lambda n: Decimal(n).scaleb(-2))
UNITS = ["gram", "butir"]
units = st.sampled_from(UNITS)
types = st.sampled_from(["shabu", "ganja", "ekstasi"])


@st.composite
def pairs_(draw: st.DrawFn) -> EvidencePair:
    kind, unit, amount = draw(types), draw(units), draw(amounts)
    received = EvidenceRecord(kind, Quantity(amount, unit))
    change = draw(st.sampled_from(["same", "less", "more", "type", "unit"]))
    if change == "same":
        released = received
    elif change == "less":
        taken = draw(st.integers(0, int(amount * 100)).map(lambda n: Decimal(n).scaleb(-2)))
        released = EvidenceRecord(kind, Quantity(amount - taken, unit))
    elif change == "more":
        extra = draw(st.integers(1, 10**4).map(lambda n: Decimal(n).scaleb(-2)))
        released = EvidenceRecord(kind, Quantity(amount + extra, unit))
    elif change == "type":
        released = EvidenceRecord(kind + " (lain)", Quantity(amount, unit))
    else:
        other = "butir" if unit == "gram" else "gram"
        released = EvidenceRecord(kind, Quantity(amount, other))
    return EvidencePair(draw(st.text(max_size=5)), received=received, released=released)


tolerances = st.dictionaries(units, amounts, max_size=2)


@given(st.lists(pairs_(), min_size=1, max_size=30), tolerances)
def test_value_bounds_and_counts(pairs: list[EvidencePair], tolerance: dict[str, Decimal]) -> None:
    result = barang_bukti.score(pairs, tolerance=tolerance)
    assert Decimal(0) <= result.value <= Decimal(100)
    assert result.matched + len(result.mismatches) == result.pairs == len(pairs)
    assert (result.value == 100) == (not result.mismatches)
    assert [m.pair for m in result.mismatches] == [pairs[m.index] for m in result.mismatches]


@given(st.lists(pairs_(), min_size=1, max_size=30), tolerances, st.randoms())
def test_order_does_not_matter(
    pairs: list[EvidencePair], tolerance: dict[str, Decimal], rng: random.Random
) -> None:
    shuffled = list(pairs)
    rng.shuffle(shuffled)
    first = barang_bukti.score(pairs, tolerance=tolerance)
    second = barang_bukti.score(shuffled, tolerance=tolerance)
    assert first.value == second.value
    assert sorted(map(repr, (m.pair for m in first.mismatches))) == sorted(
        map(repr, (m.pair for m in second.mismatches))
    )


@given(st.lists(pairs_(), min_size=1, max_size=30), tolerances, tolerances)
def test_more_tolerance_never_lowers_the_index(
    pairs: list[EvidencePair], low: dict[str, Decimal], extra: dict[str, Decimal]
) -> None:
    high = {unit: low.get(unit, Decimal(0)) + extra.get(unit, Decimal(0)) for unit in UNITS}
    assert (
        barang_bukti.score(pairs, tolerance=high).value
        >= barang_bukti.score(pairs, tolerance=low).value
    )


@given(amounts, amounts, amounts, units)
def test_a_ledger_built_to_balance_balances(
    destroyed: Decimal, used: Decimal, remaining: Decimal, unit: str
) -> None:
    received = Quantity(destroyed, unit) + Quantity(used, unit) + Quantity(remaining, unit)
    entry = LedgerEntry(
        "x",
        received=received,
        destroyed=Quantity(destroyed, unit),
        used=Quantity(used, unit),
        remaining=Quantity(remaining, unit),
    )
    (check,) = barang_bukti.check_ledger([entry])
    assert check.balanced
    assert received - Quantity(destroyed, unit) - Quantity(used, unit) == Quantity(remaining, unit)


@given(
    st.lists(st.lists(pairs_(), max_size=8), min_size=1, max_size=10),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_score_each_agrees_with_score(
    units_pairs: list[list[EvidencePair]], places: int, rounding: Rounding
) -> None:
    # The many-units path is the shared loop over score(): row i of the batch
    # is score(row i) under the same policy (units without pairs given empty=100).
    policy = RoundingPolicy(places, rounding)
    rows = [{"pairs": pairs, "empty": 100} for pairs in units_pairs]
    batch = score_each(barang_bukti.score, rows, policy=policy)
    assert batch.decimals() == [barang_bukti.score(**row).rounded(policy) for row in rows]
    assert batch.categories() == [None] * len(rows)


def test_old_batch_entry_point_is_gone() -> None:
    # 0.1.0: the numpy path of a unit-level instrument is replaced by score_each.
    assert not hasattr(barang_bukti, "score_batch")


# --- the instrument contract and the coercion front door (0.1.0) --------------


def test_result_is_frozen_hashable_and_rounds_under_a_policy() -> None:
    pairs = [
        EvidencePair(
            "LKN-1",
            received=EvidenceRecord("shabu", "10,50 gram"),
            released=EvidenceRecord("shabu", "10,48 gram"),
        )
    ] + [
        EvidencePair(
            "LKN-2",
            received=EvidenceRecord("ganja", "848,79 gram"),
            released=EvidenceRecord("ganja", "848,79 gram"),
        )
    ] * 2
    result = barang_bukti.score(pairs)
    assert hash(result) == hash(barang_bukti.score(tuple(pairs)))
    assert result.category is None
    assert result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)) == Decimal("66.66")
    assert result.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("66.67")
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        result.rounded("2")  # type: ignore[arg-type]


@pytest.mark.parametrize("function", [barang_bukti.score, barang_bukti.check_ledger])
def test_a_str_is_not_a_sequence_of_records(function: Callable[[object], object]) -> None:
    # Failed before 0.1.0 with a message about item [0] (the first character).
    with pytest.raises(InvalidTypeError, match="must be a sequence of values, not a str"):
        function("LKN-1")


def test_names_go_through_to_text() -> None:
    assert EvidenceRecord("  Shabu ", "1 gram").evidence_type == "shabu"
    with pytest.raises(InvalidTypeError, match="'case' must be a str"):
        EvidencePair(
            1,  # type: ignore[arg-type]
            received=EvidenceRecord("shabu", "1 gram"),
            released=EvidenceRecord("shabu", "1 gram"),
        )
    with pytest.raises(InvalidValueError, match="'unit' must not be empty"):
        Quantity(1, "   ")


def test_empty_and_tolerance_take_any_number_form() -> None:
    assert barang_bukti.score([], empty="100").value == Decimal(100)
    pair = EvidencePair(
        "LKN-1",
        received=EvidenceRecord("shabu", "10,50 gram"),
        released=EvidenceRecord("shabu", "10,48 gram"),
    )
    for tolerance in ("0.02", Decimal("0.02"), 0.02):
        assert barang_bukti.score([pair], tolerance={"gram": tolerance}).value == 100
    with pytest.raises(InvalidValueError, match="'empty' must lie in"):
        barang_bukti.score([], empty=-1)


@given(st.integers(-(10**9), -1).map(lambda n: Decimal(n).scaleb(-2)), units)
def test_negative_quantities_always_raise(amount: Decimal, unit: str) -> None:
    with pytest.raises(SakipError):
        Quantity(amount, unit)
    with pytest.raises(SakipError):
        Quantity(0, unit) - Quantity(-amount, unit)
