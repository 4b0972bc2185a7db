"""Tests of sakip.instruments.ikm (PermenPANRB 14/2017) against the LKIP 2024 and by properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.instruments import ikm
from sakip.likert import MissingPolicy
from sakip.numbers import Rounding, RoundingPolicy, exact_sum, percent, round_to
from sakip.schemes import IKM_MUTU, IKM_MUTU_CONVERTED


def close(value: Decimal, exact: Fraction) -> bool:
    return abs(Fraction(value) - exact) < Fraction(1, 10**50)


# -- known values -----------------------------------------------------------------------------


def test_every_answer_4_gives_4_and_100_grade_a() -> None:
    # Issue 4; PermenPANRB 14/2017: NRR 4 on every unsur -> IKM 4, konversi 100, mutu A.
    result = ikm.score([[4] * 9] * 25)
    assert result.value == 4
    assert result.converted == 100
    assert (result.mutu, result.kinerja) == ("A", "Sangat Baik")
    assert result.nrr == (Decimal(4),) * 9
    assert all(close(w, Fraction(4, 9)) for w in result.weighted_nrr)


def test_every_answer_1_gives_1_and_25_grade_d() -> None:
    # PermenPANRB 14/2017: the lowest interval value 1,00 converts to 25,00, mutu D.
    result = ikm.score([[1] * 9] * 3)
    assert (result.value, result.converted, result.mutu, result.kinerja) == (
        1,
        25,
        "D",
        "Tidak Baik",
    )


def test_weight_is_exactly_one_ninth_not_0_111() -> None:
    # formulas.md section 4: 10 respondents, total score 318 -> IKM = 318 / 90 = 3,5333...,
    # konversi 88,333... >= 88,31: mutu A. With the printed weight 0,111 the index would be
    # 318 / 10 x 0,111 = 3,5298 -> 88,245: mutu B. The exact weight decides.
    rows = [[4] * 9] * 5 + [[4, 4, 4, 3, 3, 3, 3, 3, 3]] + [[3] * 9] * 4
    assert sum(map(sum, rows)) == 318
    result = ikm.score(rows)
    assert close(result.value, Fraction(318, 90))
    assert close(result.converted, Fraction(318 * 25, 90))
    assert result.mutu == "A"
    assert exact_sum(result.unsur_totals) == 318


# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 8 (indeks kepuasan layanan klinik
# rehabilitasi): unit, target, realisasi and printed capaian. The capaian column is
# truncated (3,69 / 3,28 = 112,5 prints 112, half up would give 113). The mutu column is
# PermenPANRB 14/2017's table on realisasi x 25 (the report prints no mutu).
REPORT_CAPAIAN = [
    ("BNN Provinsi Kalteng", "3.60", "3.70", 2, "102.77", "A"),
    ("BNNK Palangka Raya", "3.29", "3.71", 0, "112", "A"),
    ("BNNK Kotawaringin Barat", "3.28", "3.69", 0, "112", "A"),
    # same section, table "target dan realisasi ... beberapa tahun terakhir"
    ("BNNP 2022", "3.4", "3.469", 0, "102", "B"),  # 86,725 < 88,31
    ("BNNP 2023", "3.4", "3.81", 0, "112", "A"),
]


@pytest.mark.parametrize(
    ("unit", "target", "realisasi", "places", "printed", "mutu"), REPORT_CAPAIAN
)
def test_report_capaian_and_mutu(
    unit: str, target: str, realisasi: str, places: int, printed: str, mutu: str
) -> None:
    capaian = percent(realisasi, target, part_field="realisasi", whole_field="target")
    assert round_to(capaian, places, Rounding.TRUNCATE) == Decimal(printed), unit
    assert ikm.classify(realisasi).grade == mutu, unit


def test_report_half_up_would_misprint_kotawaringin_barat() -> None:
    # 3,69 / 3,28 x 100 = 112,5 exactly: only truncation gives the printed 112.
    assert percent("3.69", "3.28") == Decimal("112.5")
    assert round_to(percent("3.69", "3.28"), 0, Rounding.HALF_UP) == 113


def test_annual_index_is_respondent_weighted() -> None:
    # LKIP 2024 BAB III A sasaran 8, definisi operasional: "jumlah total skor penilaian
    # semester 1 dan 2 dibagi jumlah total responden". Semester 1: 10 respondents all 4;
    # semester 2: 30 respondents all 3 -> (10 x 36 + 30 x 27) / (40 x 9) = 3,25 (mutu B),
    # not (4 + 3) / 2 = 3,5.
    s1 = ikm.score([[4] * 9] * 10)
    s2 = ikm.score([[3] * 9] * 30)
    year = ikm.pool([s1, s2])
    assert year.value == Decimal("3.25")
    assert year.converted == Decimal("81.25")
    assert (year.mutu, year.kinerja) == ("B", "Baik")
    assert year.respondents == 40
    assert ikm.pool_indices(respondents=[10, 30], indices=[4, 3]) == Decimal("3.25")


def test_classify_and_from_nrr_are_exact_beyond_60_digits() -> None:
    # 3,5324 is the lower bound of mutu A (88,31 converted); an index just below it, written
    # with 66 decimals, must stay in B: rounding x 25 to 60 digits would lift it to 88,31.
    below = Decimal("3.5323" + "9" * 62)
    assert ikm.classify(below).grade == "B"
    assert ikm.classify("3.5324").grade == "A"
    result = ikm.from_nrr(respondents=3, nrr=[below])
    assert Fraction(result.unsur_totals[0]) == 3 * Fraction(below)


def test_pool_from_aggregates() -> None:
    # The same two semesters given as aggregates: totals per unsur and NRR per unsur.
    s1 = ikm.from_totals(respondents=10, unsur_totals=[40] * 9)
    s2 = ikm.from_nrr(respondents=30, nrr=[3] * 9)
    assert ikm.pool([s1, s2]).value == Decimal("3.25")


def test_missing_answers_raise_or_are_excluded_per_unsur() -> None:
    rows: list[list[int | None]] = [[4] * 9, [2] * 9]
    rows[1][0] = None
    with pytest.raises(InvalidValueError, match="missing answer"):
        ikm.score(rows)
    result = ikm.score(rows, missing=MissingPolicy.EXCLUDE)
    # Unsur 1: NRR 4/1 = 4 (not (4 + 0) / 2 = 2); the others (4 + 2) / 2 = 3.
    assert result.unsur_answers == (1,) + (2,) * 8
    assert result.nrr == (Decimal(4),) + (Decimal(3),) * 8
    assert close(result.value, Fraction(4 + 8 * 3, 9))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: ikm.score([[4] * 8]), InvalidValueError),
        (lambda: ikm.score([[4] * 9 + [5]], unsur=None), InvalidValueError),
        (lambda: ikm.score([[4] * 9], scheme="A"), InvalidTypeError),
        (lambda: ikm.from_totals(respondents=0, unsur_totals=[1]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[9]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[1]), InvalidValueError),
        (lambda: ikm.from_totals(respondents=2, unsur_totals=[]), InvalidValueError),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers=[3]),
            InvalidValueError,
        ),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers=[1, 2]),
            InvalidValueError,
        ),
        (lambda: ikm.from_totals(respondents=True, unsur_totals=[4]), InvalidTypeError),
        (lambda: ikm.from_nrr(respondents=5, nrr=["4.01"]), InvalidValueError),
        (lambda: ikm.from_nrr(respondents=5, nrr=["3,60"]), InvalidValueError),
        (lambda: ikm.pool([]), InvalidValueError),
        (lambda: ikm.pool(["3.70"]), InvalidTypeError),
        (
            lambda: ikm.pool([ikm.score([[4] * 9]), ikm.score([[4] * 3], unsur=3)]),
            InvalidValueError,
        ),
        (lambda: ikm.pool_indices(respondents=[1], indices=[]), InvalidValueError),
        (lambda: ikm.pool_indices(respondents=[0], indices=[3]), InvalidValueError),
        (lambda: ikm.pool_indices(respondents=[1], indices=[5]), InvalidValueError),
        (lambda: ikm.classify("0.99"), InvalidValueError),
        # A str is not a sequence of figures: "35" must not be read as unsur totals 3 and 5.
        (lambda: ikm.from_totals(respondents=1, unsur_totals="3"), InvalidTypeError),
        (
            lambda: ikm.from_totals(respondents=2, unsur_totals=[4], unsur_answers="2"),
            InvalidTypeError,
        ),
        (lambda: ikm.from_nrr(respondents=5, nrr="3"), InvalidTypeError),
        (lambda: ikm.pool_indices(respondents=[1], indices="3"), InvalidTypeError),
        (lambda: ikm.pool_indices(respondents="1", indices=[3]), InvalidTypeError),
        # unsur must be a positive int: True is not 1 column.
        (lambda: ikm.score([[4]], unsur=True), InvalidTypeError),
        (lambda: ikm.score([[4] * 9], unsur=0), InvalidValueError),
    ],
)
def test_bad_arguments_raise(call: object, error: type[SakipError]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


# -- properties -------------------------------------------------------------------------------


@st.composite
def surveys(draw: st.DrawFn, max_rows: int = 12) -> list[list[int]]:
    n = draw(st.integers(1, max_rows))
    return [[draw(st.integers(1, 4)) for _ in range(9)] for _ in range(n)]


def exact_index(rows: list[list[int]]) -> Fraction:
    return Fraction(sum(map(sum, rows)), 9 * len(rows))


@given(surveys())
def test_index_is_total_over_nine_respondents_and_bounded(rows: list[list[int]]) -> None:
    result = ikm.score(rows)
    assert close(result.value, exact_index(rows))
    assert 1 <= result.value <= 4
    assert 25 <= result.converted <= 100
    assert close(result.converted, exact_index(rows) * 25)


@given(surveys())
def test_interval_and_converted_tables_agree(rows: list[list[int]]) -> None:
    result = ikm.score(rows)
    band = IKM_MUTU.classify(result.value)
    assert (band.grade, band.label) == (result.mutu, result.kinerja)
    assert IKM_MUTU_CONVERTED.classify(result.converted).grade == result.mutu


@given(surveys(), st.data())
def test_raising_one_answer_never_lowers_the_index(
    rows: list[list[int]], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(rows) - 1))
    j = data.draw(st.integers(0, 8))
    raised = [list(r) for r in rows]
    raised[i][j] = data.draw(st.integers(rows[i][j], 4))
    before, after = ikm.score(rows), ikm.score(raised)
    assert after.value >= before.value
    assert after.nrr[j] >= before.nrr[j]
    assert "DCBA".index(after.mutu) >= "DCBA".index(before.mutu)


@given(surveys(), st.randoms(use_true_random=False))
def test_respondent_order_invariance(rows: list[list[int]], rng: object) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert ikm.score(rows) == ikm.score(shuffled)


@given(surveys())
def test_list_and_int8_array_agree(rows: list[list[int]]) -> None:
    assert ikm.score(rows) == ikm.score(np.array(rows, dtype=np.int8))


@given(st.lists(surveys(max_rows=6), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_pooling_equals_scoring_everything_at_once(
    periods: list[list[list[int]]], rng: object
) -> None:
    parts = [ikm.score(p) for p in periods]
    whole = ikm.score([row for p in periods for row in p])
    assert ikm.pool(parts) == whole
    rng.shuffle(parts)  # type: ignore[attr-defined]
    assert ikm.pool(parts) == whole
    # With no missing answer, the (respondents, IKM) shortcut gives the same index.
    pooled = ikm.pool_indices(
        respondents=[p.respondents for p in parts], indices=[p.value for p in parts]
    )
    assert close(pooled, exact_index([row for p in periods for row in p]))


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-1, 6), st.floats()), min_size=9, max_size=9),
        min_size=1,
        max_size=4,
    )
)
def test_bad_input_always_raises_sakip_error(rows: list[list[object]]) -> None:
    clean = all(isinstance(v, int) and 1 <= v <= 4 for r in rows for v in r)
    if clean:
        assert 1 <= ikm.score(rows).value <= 4
    else:
        with pytest.raises(SakipError):
            ikm.score(rows)


# -- issue 11: one coercion, the same answer for the same input --------------------------------


def test_sentinel_in_a_list_marks_a_missing_answer_as_in_an_array() -> None:
    # Issue 11: sentinel= was ignored for plain lists (the scale was checked first).
    rows = [[4, 3, 3, 4, 3, 4, 4, 3, 4], [3, 0, 4, 4, 3, 4, 4, 3, 3]]
    from_list = ikm.score(rows, sentinel=0, missing=MissingPolicy.EXCLUDE)
    from_array = ikm.score(
        np.array(rows, dtype=np.int8), sentinel=0, missing=MissingPolicy.EXCLUDE
    )
    assert from_list == from_array
    assert from_list.unsur_answers[1] == 1
    assert from_list.nrr[1] == Decimal(3)


def test_respondents_given_as_a_numeral_string_is_a_count() -> None:
    # Issue 11: from_nrr(respondents="22") raised where every other count takes "22".
    assert ikm.from_nrr(respondents="22", nrr=["3.5"] * 9) == ikm.from_nrr(
        respondents=22, nrr=["3.5"] * 9
    )
    assert ikm.from_totals(respondents="2", unsur_totals=[7], unsur_answers=["2"]) == (
        ikm.from_totals(respondents=2, unsur_totals=[7], unsur_answers=[2])
    )
    assert ikm.pool_indices(respondents=["10", 30], indices=[4, 3]) == Decimal("3.25")


# -- the contract: category, rounded, score_batch ----------------------------------------------


def test_category_is_the_band_of_the_converted_value() -> None:
    # PermenPANRB 14/2017: konversi 87,5 lies in 76,61-88,30, mutu B, kinerja Baik.
    result = ikm.from_totals(respondents=10, unsur_totals=[35, 36, 34, 38, 33, 37, 36, 35, 31])
    assert result.category is IKM_MUTU_CONVERTED.bands[2]
    assert (result.category.grade, result.category.label) == (result.mutu, result.kinerja)
    assert result.rounded(RoundingPolicy(1, Rounding.TRUNCATE)) == Decimal("3.5")
    hash(result)


@given(
    st.lists(
        st.lists(st.one_of(st.integers(1, 4), st.none()), min_size=9, max_size=9),
        min_size=1,
        max_size=12,
    ).filter(
        lambda rows: (
            all(any(v is not None for v in row) for row in rows)
            and all(any(row[j] is not None for row in rows) for j in range(9))
        )
    ),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_score_batch_row_is_the_respondent_alone(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    # Row i of score_batch is score() of respondent i alone (answers given, unsur=None when
    # some are missing): rounded index and mutu band, exactly.
    policy = RoundingPolicy(places, rounding)
    batch = ikm.score_batch(rows, policy=policy, missing=MissingPolicy.EXCLUDE)
    decimals, categories = batch.decimals(), batch.categories()
    for i, row in enumerate(rows):
        given_answers = [v for v in row if v is not None]
        one = ikm.score([given_answers], unsur=None if len(given_answers) < 9 else 9)
        assert decimals[i] == one.rounded(policy)
        assert categories[i] == one.category


def test_score_batch_needs_a_policy_and_nine_unsur() -> None:
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        ikm.score_batch([[4] * 9], policy="2")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="9 unsur"):
        ikm.score_batch([[4] * 8], policy=RoundingPolicy(2, Rounding.HALF_UP))
