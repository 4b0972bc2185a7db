"""Staffing against the DSP (kepegawaian): report table, printed figures, properties."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import score_each
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.findings import Finding
from sakip.instruments import kepegawaian
from sakip.instruments.kepegawaian import EmploymentStatus, UnitStaff
from sakip.numbers import Rounding, RoundingPolicy, round_to

PNS, POLRI, PPNP, PPK = EmploymentStatus

# LKIP BNNP Kalimantan Tengah 2024, BAB I, staff table (spec lines 173-177), "-" = 0,
# with the DSP requirements of the paragraph after it (lines 179-181): 153 for the
# BNNP and 74 for each BNNK (the report divides each BNNK's staff by 74).
REPORT_UNITS = [
    UnitStaff(
        "BNN Provinsi Kalimantan Tengah",
        {"PNS": 35, "POLRI": 13, "PPNP": 20, "PPK": 0},
        required=153,
    ),
    UnitStaff("BNNK Palangka Raya", {"PNS": 12, "POLRI": 4, "PPNP": 14, "PPK": 1}, required=74),
    UnitStaff("BNNK Kotawaringin Barat", {PNS: 7, POLRI: 3, PPNP: 12}, required=74),
]
# The table's printed TOTAL column and TOTAL row (same lines).
PRINTED_UNIT_TOTALS = {
    "BNN Provinsi Kalimantan Tengah": 68,
    "BNNK Palangka Raya": 31,
    "BNNK Kotawaringin Barat": 22,
}
PRINTED_STATUS_TOTALS = {PNS: 54, POLRI: 20, PPNP: 46, PPK: 1}
PRINTED_GRAND_TOTAL = 121  # the table
PRINTED_TEXT_TOTAL = 119  # "saat ini 119 orang" (line 171)


def test_report_table_totals() -> None:
    result = kepegawaian.score(REPORT_UNITS)
    assert {u.unit: u.filled for u in result.units} == PRINTED_UNIT_TOTALS
    assert {s: result.count(s) for s in EmploymentStatus} == PRINTED_STATUS_TOTALS
    assert result.filled == PRINTED_GRAND_TOTAL
    assert result.required == 153 + 74 + 74


def test_report_text_total_is_a_finding() -> None:
    result = kepegawaian.score(REPORT_UNITS)
    assert kepegawaian.check_total(result, printed=PRINTED_GRAND_TOTAL) is None
    finding = kepegawaian.check_total(
        result, printed=PRINTED_TEXT_TOTAL, location="BAB I, text before the staff table"
    )
    assert finding == Finding(
        "BAB I, text before the staff table: total staff",
        Decimal(119),
        Decimal(121),
        "sum of staff over all units and statuses",
    )


# Same paragraph (lines 179-181): (unit, printed %, printed places,
# roundings that reproduce the printed figure from the exact quotient).
# 68/153 = 44,44..; 31/74 = 41,8918..; 22/74 = 29,7297.. (half up: 41,892 and 29,730).
PRINTED_FULFILMENT = [
    ("BNN Provinsi Kalimantan Tengah", "44", 0, set(Rounding)),
    ("BNNK Palangka Raya", "41.891", 3, {Rounding.TRUNCATE}),
    ("BNNK Kotawaringin Barat", "29.729", 3, {Rounding.TRUNCATE}),
]


@pytest.mark.parametrize(("unit", "printed", "places", "consistent"), PRINTED_FULFILMENT)
def test_report_fulfilment_and_its_rounding(
    unit: str, printed: str, places: int, consistent: set[Rounding]
) -> None:
    result = kepegawaian.score(REPORT_UNITS)
    line = result.unit(unit)
    reproduces = {r for r in Rounding if round_to(line.fulfilment, places, r) == Decimal(printed)}
    assert reproduces == consistent
    for rounding in Rounding:
        finding = kepegawaian.check_fulfilment(
            result, unit=unit, printed=printed, policy=RoundingPolicy(places, rounding)
        )
        assert (finding is None) == (rounding in consistent)


def test_fulfilment_function_matches_the_report() -> None:
    # BAB I: 68 of 153 -> 44 %; 31 and 22 of 74 -> 41,891 % and 29,729 % (truncated).
    assert round_to(kepegawaian.fulfilment(filled=68, required=153), 0, Rounding.TRUNCATE) == 44
    assert round_to(
        kepegawaian.fulfilment(filled=31, required=74), 3, Rounding.TRUNCATE
    ) == Decimal("41.891")
    assert round_to(
        kepegawaian.fulfilment(filled=22, required=74), 3, Rounding.TRUNCATE
    ) == Decimal("29.729")


def test_score_each_matches_the_report() -> None:
    # BAB I: 44 % (68 / 153 = 44,444...: 44,444 at 3 places), 41,891 % and 29,729 %,
    # one set of one unit per row of the shared loop over score().
    rows = [{"units": [unit]} for unit in REPORT_UNITS]
    batch = score_each(kepegawaian.score, rows, policy=RoundingPolicy(3, Rounding.TRUNCATE))
    assert batch.decimals() == [Decimal("44.444"), Decimal("41.891"), Decimal("29.729")]


@pytest.mark.parametrize(
    "make",
    [
        lambda: kepegawaian.fulfilment(filled=1, required=0),
        lambda: kepegawaian.fulfilment(filled=-1, required=5),
        lambda: kepegawaian.fulfilment(filled="1.5", required=5),
        lambda: kepegawaian.fulfilment(filled=True, required=5),
        lambda: UnitStaff("A", {"PNS": 1}, required=0),
        lambda: UnitStaff("A", {"TNI": 1}, required=5),
        lambda: UnitStaff("A", {"PNS": 1, "pns": 2}, required=5),
        lambda: UnitStaff("A", [("PNS", 1)], required=5),
        lambda: UnitStaff("A", {"PNS": -1}, required=5),
        lambda: UnitStaff(["A"], {"PNS": 1}, required=5),
        lambda: kepegawaian.score([]),
        lambda: kepegawaian.score([REPORT_UNITS[0], REPORT_UNITS[0]]),
        lambda: kepegawaian.score(["BNNP"]),
        lambda: kepegawaian.score(REPORT_UNITS).unit("BNNK Kapuas"),
        lambda: kepegawaian.check_total(kepegawaian.score(REPORT_UNITS), printed="119 orang"),
        lambda: kepegawaian.check_total("121", printed=121),
        lambda: kepegawaian.check_total(kepegawaian.score(REPORT_UNITS), printed=1, location=1),
    ],
)
def test_bad_input_raises(make: object) -> None:
    with pytest.raises(SakipError):
        make()  # type: ignore[operator]


def test_a_required_of_zero_names_its_field() -> None:
    with pytest.raises(InvalidValueError, match="'required'"):
        kepegawaian.fulfilment(filled=0, required=0)


# --- properties ---------------------------------------------------------------

staff_maps = st.fixed_dictionaries({}, optional={s: st.integers(0, 500) for s in EmploymentStatus})


@st.composite
def unit_lists(draw: st.DrawFn) -> list[UnitStaff]:
    count = draw(st.integers(1, 8))
    return [
        UnitStaff(f"unit {i}", draw(staff_maps), required=draw(st.integers(1, 1000)))
        for i in range(count)
    ]


@given(unit_lists())
def test_totals_agree_by_row_and_by_column(units: list[UnitStaff]) -> None:
    result = kepegawaian.score(units)
    assert sum(line.filled for line in result.units) == result.filled
    assert sum(count for _, count in result.by_status) == result.filled
    for status in EmploymentStatus:
        assert result.count(status) == sum(dict(u.staff)[status] for u in units)


@given(unit_lists())
def test_overall_lies_between_the_units(units: list[UnitStaff]) -> None:
    result = kepegawaian.score(units)
    shares = [line.fulfilment for line in result.units]
    assert min(shares) <= result.value <= max(shares)


@given(unit_lists(), st.randoms())
def test_unit_order_does_not_matter(units: list[UnitStaff], rng: random.Random) -> None:
    shuffled = list(units)
    rng.shuffle(shuffled)
    first, second = kepegawaian.score(units), kepegawaian.score(shuffled)
    assert (first.value, first.by_status, first.filled) == (
        second.value,
        second.by_status,
        second.filled,
    )


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_fulfilment_is_monotone(filled: int, required: int) -> None:
    value = kepegawaian.fulfilment(filled=filled, required=required)
    assert kepegawaian.fulfilment(filled=filled + 1, required=required) > value
    assert kepegawaian.fulfilment(filled=filled, required=required + 1) <= value
    assert (value == 100) == (filled == required)
    assert value >= 0


@given(
    st.lists(unit_lists(), min_size=1, max_size=10),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_score_each_agrees_with_score(
    sets: list[list[UnitStaff]], places: int, rounding: Rounding
) -> None:
    policy = RoundingPolicy(places, rounding)
    rows = [{"units": units} for units in sets]
    batch = score_each(kepegawaian.score, rows, policy=policy)
    assert batch.decimals() == [kepegawaian.score(**row).rounded(policy) for row in rows]
    assert batch.categories() == [None] * len(rows)


def test_old_batch_entry_point_is_gone() -> None:
    # 0.1.0: the numpy path of a unit-level instrument is replaced by score_each.
    assert not hasattr(kepegawaian, "fulfilment_batch")


# --- the instrument contract and the coercion front door (0.1.0) --------------


def test_result_is_frozen_hashable_and_rounds_under_a_policy() -> None:
    result = kepegawaian.score(REPORT_UNITS)
    assert hash(result) == hash(kepegawaian.score(tuple(REPORT_UNITS)))
    assert result.category is None
    # 121 / 301 x 100 = 40,199..
    assert result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)) == Decimal("40.19")
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        result.rounded(None)  # type: ignore[arg-type]


def test_status_takes_the_member_or_its_value_only() -> None:
    # Before 0.1.0 a status was upper-cased and stripped ("pns", " Polri "); the
    # one coercion rule takes the member or its exact value, like every enum.
    assert UnitStaff("A", {PNS: 2}, required=5) == UnitStaff("A", {"PNS": 2}, required=5)
    for wrong in ("pns", " PNS", "Pns", 0, None):
        with pytest.raises(InvalidValueError, match="'staff' must be one of"):
            UnitStaff("A", {wrong: 1}, required=5)  # type: ignore[dict-item]
        with pytest.raises(InvalidValueError, match="'status' must be one of"):
            REPORT_UNITS[0].count(wrong)  # type: ignore[arg-type]
    assert kepegawaian.score(REPORT_UNITS).count("POLRI") == 20


def test_counts_are_read_alike_from_int_str_and_decimal() -> None:
    expected = UnitStaff("A", {"PNS": 31}, required=74)
    assert UnitStaff("A", {"PNS": "31"}, required="74") == expected
    assert UnitStaff("A", {"PNS": Decimal("31.0")}, required=Decimal(74)) == expected
    assert kepegawaian.fulfilment(filled="31", required="74") == kepegawaian.fulfilment(
        filled=31, required=74
    )


def test_a_str_is_not_a_sequence_of_units() -> None:
    # Failed before 0.1.0 with a message about "units[0]" (the first character).
    with pytest.raises(InvalidTypeError, match="'units' must be a sequence of values, not a str"):
        kepegawaian.score("BNNP")  # type: ignore[arg-type]


def test_unit_names_go_through_to_text() -> None:
    result = kepegawaian.score([UnitStaff(" BNNK Palangka Raya ", {"PNS": 31}, required=74)])
    assert result.unit("BNNK Palangka Raya ").filled == 31
    with pytest.raises(InvalidTypeError, match="'unit' must be a str"):
        result.unit(7)  # type: ignore[arg-type]


@given(st.integers(-(10**6), -1) | st.just(0), st.integers(0, 10**6))
def test_bad_requirements_and_counts_always_raise(required: int, filled: int) -> None:
    with pytest.raises(SakipError):
        kepegawaian.fulfilment(filled=filled, required=required)
    with pytest.raises(SakipError):
        kepegawaian.fulfilment(filled=-filled - 1, required=10)
