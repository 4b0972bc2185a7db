"""Detainee security index (tahanan): report figures, formula properties, score_each agreement."""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_FLOOR, Context, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import score_each
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.instruments import tahanan
from sakip.instruments.tahanan import Incident, IncidentKind
from sakip.numbers import Rounding, RoundingPolicy, round_to

YEAR_2024 = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31)}

# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 12,
# "3. Hasil pengukuran" (spec lines 1281-1284): (row, detainees, printed nilai).
REPORT_ROWS = [
    ("Tahanan Masuk", 22, Decimal("100")),
    ("Tahanan Keluar", 14, Decimal("100")),
]


@pytest.mark.parametrize(("row", "detainees", "printed"), REPORT_ROWS)
def test_report_rows_without_incidents(row: str, detainees: int, printed: Decimal) -> None:
    result = tahanan.score(detainees=detainees)
    assert result.value == printed, row
    assert result.incidents == 0
    assert not result.empty


def test_report_from_an_empty_incident_log() -> None:
    # Same section: 22 detainees in 2024, no escape, fight or death recorded -> 100.
    result = tahanan.score_incidents([], detainees=22, **YEAR_2024)
    assert result.value == Decimal("100")


# Worked by hand from the report's formula (N - (a + b + c)) / N x 100.
HAND_VALUES = [
    # (N, a, b, c, expected, places, rounding)
    (20, 1, 0, 0, Decimal("95"), 0, Rounding.TRUNCATE),
    (22, 1, 0, 0, Decimal("95.45"), 2, Rounding.TRUNCATE),  # 2100 / 22 = 95,4545...
    (22, 1, 0, 0, Decimal("95.45"), 2, Rounding.HALF_UP),
    (3, 0, 0, 1, Decimal("66.66"), 2, Rounding.TRUNCATE),  # 200 / 3
    (3, 0, 0, 1, Decimal("66.67"), 2, Rounding.HALF_UP),
    (4, 1, 1, 1, Decimal("25"), 0, Rounding.TRUNCATE),
    (5, 2, 2, 1, Decimal("0"), 0, Rounding.TRUNCATE),
]


@pytest.mark.parametrize(("n", "a", "b", "c", "expected", "places", "rounding"), HAND_VALUES)
def test_hand_values(
    n: int, a: int, b: int, c: int, expected: Decimal, places: int, rounding: Rounding
) -> None:
    value = tahanan.score(detainees=n, escapes=a, serious_fights=b, negligent_deaths=c).value
    assert round_to(value, places, rounding) == expected


def test_incident_kinds_are_counted_apart() -> None:
    log = [
        Incident(IncidentKind.KABUR, datetime.date(2024, 2, 1)),
        Incident("perkelahian_berat", datetime.date(2024, 3, 1)),
        Incident("perkelahian_berat", datetime.date(2024, 4, 1)),
        Incident("kematian_kelalaian", datetime.date(2024, 12, 31)),
    ]
    result = tahanan.score_incidents(log, detainees=10, **YEAR_2024)
    assert (result.escapes, result.serious_fights, result.negligent_deaths) == (1, 2, 1)
    assert result.value == Decimal("60")


def test_empty_period_rule() -> None:
    with pytest.raises(InvalidValueError, match="empty="):
        tahanan.score(detainees=0)
    result = tahanan.score(detainees=0, empty=100)
    assert result.value == Decimal("100")
    assert result.empty
    with pytest.raises(InvalidValueError):
        tahanan.score(detainees=0, empty=101)
    # N = 0 with an incident is an error whatever `empty` says.
    with pytest.raises(InvalidValueError):
        tahanan.score(detainees=0, escapes=1, empty=100)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"detainees": -1},
        {"detainees": 5, "escapes": -1},
        {"detainees": 5, "escapes": 6},
        {"detainees": 5, "escapes": 2, "serious_fights": 2, "negligent_deaths": 2},
        {"detainees": "2.5"},
        {"detainees": 22.5},
        {"detainees": True},
        {"detainees": None},
        {"detainees": "22 tahanan"},
    ],
)
def test_bad_counts_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(SakipError):
        tahanan.score(**kwargs)


def test_bad_incident_records_raise() -> None:
    with pytest.raises(InvalidValueError):
        Incident("pelarian", datetime.date(2024, 1, 1))
    with pytest.raises(InvalidTypeError):
        Incident("kabur", datetime.datetime(2024, 1, 1, 8, 0))
    with pytest.raises(InvalidTypeError):
        Incident("kabur", "2024-01-01")  # type: ignore[arg-type]
    outside = [Incident("kabur", datetime.date(2023, 12, 31))]
    with pytest.raises(InvalidValueError, match="period"):
        tahanan.score_incidents(outside, detainees=22, **YEAR_2024)
    with pytest.raises(InvalidTypeError):
        tahanan.score_incidents(["kabur"], detainees=22, **YEAR_2024)  # type: ignore[list-item]
    with pytest.raises(InvalidValueError):
        tahanan.score_incidents(
            [], detainees=22, start=datetime.date(2024, 12, 31), end=datetime.date(2024, 1, 1)
        )


# --- properties ---------------------------------------------------------------


@st.composite
def counts(draw: st.DrawFn, max_n: int = 10_000) -> tuple[int, int, int, int]:
    """(N, a, b, c) with a + b + c <= N and N >= 1."""
    n = draw(st.integers(1, max_n))
    a = draw(st.integers(0, n))
    b = draw(st.integers(0, n - a))
    c = draw(st.integers(0, n - a - b))
    return n, a, b, c


@given(counts())
def test_value_is_a_percentage_and_100_only_without_incidents(
    case: tuple[int, int, int, int],
) -> None:
    n, a, b, c = case
    value = tahanan.score(detainees=n, escapes=a, serious_fights=b, negligent_deaths=c).value
    assert Decimal(0) <= value <= Decimal(100)
    assert (value == 100) == (a + b + c == 0)
    assert (value == 0) == (a + b + c == n)


@given(counts(), st.sampled_from(["escapes", "serious_fights", "negligent_deaths"]))
def test_one_more_incident_lowers_the_index(case: tuple[int, int, int, int], kind: str) -> None:
    n, a, b, c = case
    if a + b + c == n:
        n += 1  # room for one more incident
    before = {"escapes": a, "serious_fights": b, "negligent_deaths": c}
    after = dict(before, **{kind: before[kind] + 1})
    assert tahanan.score(detainees=n, **after).value < tahanan.score(detainees=n, **before).value


@given(counts(max_n=60), st.randoms(use_true_random=False))
def test_incident_log_order_does_not_matter(
    case: tuple[int, int, int, int], rng: random.Random
) -> None:
    n, a, b, c = case
    day = datetime.date(2024, 6, 15)
    log = (
        [Incident("kabur", day)] * a
        + [Incident("perkelahian_berat", day)] * b
        + [Incident("kematian_kelalaian", day)] * c
    )
    shuffled = list(log)
    rng.shuffle(shuffled)
    expected = tahanan.score(detainees=n, escapes=a, serious_fights=b, negligent_deaths=c)
    assert tahanan.score_incidents(shuffled, detainees=n, **YEAR_2024) == expected


@given(
    st.lists(counts(max_n=10**9), min_size=1, max_size=30),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_score_each_agrees_with_score(
    cases: list[tuple[int, int, int, int]], places: int, rounding: Rounding
) -> None:
    # The many-units path is the shared loop over score(): row i of the batch
    # is score(row i) under the same policy, and carries no category.
    policy = RoundingPolicy(places, rounding)
    rows = [
        {"detainees": n, "escapes": a, "serious_fights": b, "negligent_deaths": c}
        for n, a, b, c in cases
    ]
    batch = score_each(tahanan.score, rows, policy=policy)
    assert batch.decimals() == [tahanan.score(**row).rounded(policy) for row in rows]
    assert batch.categories() == [None] * len(rows)


def test_score_each_with_empty_units_and_a_bad_row() -> None:
    policy = RoundingPolicy(2, Rounding.TRUNCATE)
    rows: list[dict[str, object]] = [
        {"detainees": 22},
        {"detainees": 0, "empty": 100},
        {"detainees": 3, "escapes": 1},
    ]
    assert score_each(tahanan.score, rows, policy=policy).decimals() == [
        Decimal("100.00"),
        Decimal("100.00"),
        Decimal("66.66"),
    ]
    with pytest.raises(InvalidValueError, match=r"rows\[1\]\.detainees"):
        score_each(tahanan.score, [{"detainees": 3}, {"detainees": 0}], policy=policy)


def test_old_batch_entry_point_is_gone() -> None:
    # 0.1.0: the numpy path of a unit-level instrument is replaced by score_each.
    assert not hasattr(tahanan, "score_batch")


# --- the instrument contract and the coercion front door (0.1.0) --------------


def test_result_is_frozen_hashable_and_rounds_under_a_policy() -> None:
    result = tahanan.score(detainees=22, escapes=1)
    assert hash(result) == hash(tahanan.score(detainees=22, escapes=1))
    assert result.category is None
    assert result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)) == Decimal("95.45")
    assert result.rounded(RoundingPolicy(1, Rounding.HALF_UP)) == Decimal("95.5")
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        result.rounded(2)  # type: ignore[arg-type]


def test_counts_are_read_alike_from_int_str_and_decimal() -> None:
    expected = tahanan.score(detainees=22, escapes=1)
    assert tahanan.score(detainees="22", escapes="1") == expected
    assert tahanan.score(detainees=Decimal("22"), escapes=Decimal("1.0")) == expected


def test_incident_kind_takes_the_member_or_its_value_only() -> None:
    day = datetime.date(2024, 3, 5)
    assert Incident("kabur", day) == Incident(IncidentKind.KABUR, day)
    for wrong in ("KABUR", "Kabur", " kabur", 0, None):
        with pytest.raises(InvalidValueError, match="'kind' must be one of"):
            Incident(wrong, day)  # type: ignore[arg-type]


def test_a_str_is_not_an_incident_log() -> None:
    # Failed before 0.1.0 with a message about "incidents[0]" (the first
    # character of the string); the whole argument is refused now.
    with pytest.raises(
        InvalidTypeError, match="'incidents' must be a sequence of values, not a str"
    ):
        tahanan.score_incidents("kabur", detainees=22, **YEAR_2024)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'incidents' must be a sequence"):
        tahanan.score_incidents(None, detainees=22, **YEAR_2024)  # type: ignore[arg-type]


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.sampled_from(["a", "b", "c", "n"]))
def test_impossible_counts_always_raise(n: int, excess: int, where: str) -> None:
    counts_ = {"escapes": 0, "serious_fights": 0, "negligent_deaths": 0}
    if where == "n":
        with pytest.raises(SakipError):
            tahanan.score(detainees=-excess, **counts_)
        return
    key = {"a": "escapes", "b": "serious_fights", "c": "negligent_deaths"}[where]
    counts_[key] = n + excess  # more incidents than detainees
    with pytest.raises(SakipError):
        tahanan.score(detainees=n, empty=100, **counts_)
    counts_[key] = -excess
    with pytest.raises(SakipError):
        tahanan.score(detainees=n, empty=100, **counts_)


@given(counts(max_n=10**6), st.integers(1, 6))
def test_result_does_not_depend_on_the_decimal_context(
    case: tuple[int, int, int, int], precision: int
) -> None:
    n, a, b, c = case
    expected = tahanan.score(detainees=n, escapes=a, serious_fights=b, negligent_deaths=c)
    with localcontext(Context(prec=precision, rounding=ROUND_FLOOR)):
        got = tahanan.score(detainees=n, escapes=a, serious_fights=b, negligent_deaths=c)
        rounded = got.rounded(RoundingPolicy(2, Rounding.HALF_UP))
    assert got == expected
    assert rounded == expected.rounded(RoundingPolicy(2, Rounding.HALF_UP))
