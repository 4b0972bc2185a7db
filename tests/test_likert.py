"""Tests of sakip.likert: validation, sums, exact means and the batch paths."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.bands import Band, BandScheme
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SakipError
from sakip.likert import (
    LIKERT_1_4,
    LIKERT_1_5,
    LikertScale,
    MissingPolicy,
    score_matrix,
    validated_scores,
)
from sakip.numbers import Rounding, round_to
from sakip.schemes import KPKK_LIKERT_4

# -- strategies -------------------------------------------------------------------------------


@st.composite
def matrices(
    draw: st.DrawFn,
    scale: LikertScale = LIKERT_1_4,
    max_rows: int = 12,
    max_cols: int = 8,
    with_missing: bool = False,
) -> list[list[int | None]]:
    """Rectangular score matrices on ``scale``; with_missing leaves every row/column answered."""
    n = draw(st.integers(1, max_rows))
    k = draw(st.integers(1, max_cols))
    cell = st.integers(scale.low, scale.high)
    rows: list[list[int | None]] = [[draw(cell) for _ in range(k)] for _ in range(n)]
    if with_missing:
        holes = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, k - 1))))
        for i, j in holes:
            rows[i][j] = None
        for i in range(n):
            if all(v is None for v in rows[i]):
                rows[i][0] = draw(cell)
        for j in range(k):
            if all(rows[i][j] is None for i in range(n)):
                rows[0][j] = draw(cell)
    return rows


def exact_mean(values: list[int]) -> Fraction:
    return Fraction(sum(values), len(values))


def close(value: Decimal, exact: Fraction) -> bool:
    """A 60-significant-digit Decimal equals the exact rational to well past any printed place."""
    return abs(Fraction(value) - exact) < Fraction(1, 10**50)


# -- scales -----------------------------------------------------------------------------------


def test_scale_rejects_bad_bounds() -> None:
    with pytest.raises(InvalidValueError):
        LikertScale(3, 3)
    with pytest.raises(InvalidValueError):
        LikertScale(1, 200)
    with pytest.raises(InvalidValueError, match="whole number"):
        LikertScale(1.5, 4)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        LikertScale(True, 4)
    # Bounds pass sakip.numbers.to_decimal like every count: "1" and 4.0 are 1 and 4.
    assert LikertScale("1", 4.0) == LIKERT_1_4  # type: ignore[arg-type]
    assert str(LIKERT_1_5) == "1-5"


# -- validation -------------------------------------------------------------------------------


BAD_INPUTS = [
    # (data, error type, words that the message must contain)
    ([], InvalidValueError, "at least one respondent"),
    ([[]], InvalidValueError, "row 0 must not be empty"),
    ([[1, 2], [3]], InvalidValueError, "rectangular"),
    ([[1, 5]], InvalidValueError, "scale 1-4 (row 0, column 1)"),
    ([[0, 1]], InvalidValueError, "scale 1-4 (row 0, column 0)"),
    ([[1, 2.5]], InvalidTypeError, "int scores"),
    ([[1, 2.0]], InvalidTypeError, "int scores"),
    ([[1, True]], InvalidTypeError, "int scores"),
    ([[1, "3"]], InvalidTypeError, "int scores"),
    ([[1, Decimal("3")]], InvalidTypeError, "int scores"),
    (["1234"], InvalidTypeError, "row 0 must be a list"),
    ("1234", InvalidTypeError, "list of rows"),
    (np.array([1, 2, 3]), InvalidValueError, "2-D"),
    (np.zeros((0, 3), dtype=np.int8), InvalidValueError, "at least one respondent"),
    (np.zeros((3, 0), dtype=np.int8), InvalidValueError, "must not be empty"),
    (np.array([[1, 9]], dtype=np.int8), InvalidValueError, "scale 1-4 (row 0, column 1)"),
    (np.array([[1.0, 2.5]]), InvalidValueError, "integer scores"),
    (np.array([[1.0, np.inf]]), InvalidValueError, "finite"),
    (np.array([[True, False]]), InvalidTypeError, "not of bools"),
    (np.array([["1", "2"]]), InvalidTypeError, "array of numbers"),
]


@pytest.mark.parametrize(("data", "error", "words"), BAD_INPUTS)
def test_bad_input_raises(data: object, error: type[SakipError], words: str) -> None:
    with pytest.raises(error) as info:
        validated_scores(data, scale=LIKERT_1_4)
    assert words in str(info.value)
    assert isinstance(info.value, SakipError)


def test_missing_forms_agree() -> None:
    # None in lists, a mask, a sentinel, a masked array and NaN all mark the same cell.
    rows = [[4, 3, 2], [1, None, 4]]
    expected = [[True, True, True], [True, False, True]]
    _, from_list = validated_scores(rows, scale=LIKERT_1_4)
    array = np.array([[4, 3, 2], [1, 0, 4]], dtype=np.int8)
    _, from_sentinel = validated_scores(array, scale=LIKERT_1_4, sentinel=0)
    _, from_mask = validated_scores(
        np.array([[4, 3, 2], [1, 3, 4]], dtype=np.int8),
        scale=LIKERT_1_4,
        missing_mask=~np.array(expected),
    )
    _, from_masked = validated_scores(
        np.ma.masked_array(array, mask=~np.array(expected)), scale=LIKERT_1_4
    )
    _, from_nan = validated_scores(np.array([[4, 3, 2], [1, np.nan, 4]]), scale=LIKERT_1_4)
    for answered in (from_list, from_sentinel, from_mask, from_masked, from_nan):
        assert answered is not None
        assert answered.tolist() == expected


def test_masked_object_array_keeps_its_mask() -> None:
    # An object-dtype masked array (as pandas can give) once lost its mask: the masked 3
    # was counted as an answer.
    data = np.ma.masked_array(np.array([[4, 3], [2, 1]], dtype=object), mask=[[0, 1], [0, 0]])
    _, answered = validated_scores(data, scale=LIKERT_1_4)
    assert answered is not None and answered.tolist() == [[True, False], [True, True]]
    m = score_matrix(data, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    assert m.row_means() == (Decimal(4), Decimal("1.5"))
    # Combined with a missing_mask, both marks count.
    extra = np.array([[False, False], [False, True]])
    _, both = validated_scores(data, scale=LIKERT_1_4, missing_mask=extra)
    assert both is not None and both.tolist() == [[True, False], [True, False]]


def test_masked_cell_may_hold_anything() -> None:
    # A value outside the scale is fine where the mask says the answer is missing.
    data = np.array([[4, 99]], dtype=np.int16)
    _, answered = validated_scores(data, scale=LIKERT_1_4, missing_mask=np.array([[False, True]]))
    assert answered is not None and answered.tolist() == [[True, False]]


def test_sentinel_inside_scale_raises() -> None:
    with pytest.raises(InvalidValueError, match="outside the scale"):
        validated_scores(np.array([[1, 2]]), scale=LIKERT_1_4, sentinel=2)


def test_mask_of_wrong_shape_or_type_raises() -> None:
    with pytest.raises(InvalidValueError, match="shape"):
        validated_scores([[1, 2]], scale=LIKERT_1_4, missing_mask=np.array([True]))
    with pytest.raises(InvalidTypeError, match="bool"):
        validated_scores([[1, 2]], scale=LIKERT_1_4, missing_mask=np.array([[0, 1]]))


def test_int8_input_is_not_copied() -> None:
    array = np.array([[1, 2], [3, 4]], dtype=np.int8)
    m = score_matrix(array, scale=LIKERT_1_4)
    assert np.shares_memory(m.scores, array) and m.scores.dtype == np.int8
    assert m.row_sums.dtype == np.int16


def test_missing_raises_by_default_and_is_never_zero() -> None:
    with pytest.raises(InvalidValueError, match="missing answer at row 0, column 1"):
        score_matrix([[4, None]], scale=LIKERT_1_4)
    m = score_matrix([[4, None], [2, 2]], scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    # Counting the missing answer as 0 would give 2 for row 0 and 3 for column 1... not 4 and 2.
    assert m.row_means() == (Decimal(4), Decimal(2))
    assert m.col_means() == (Decimal(3), Decimal(2))
    assert close(m.mean(), Fraction(8, 3))


def test_empty_row_or_column_under_exclude_raises() -> None:
    with pytest.raises(InvalidValueError, match="row 1 has no answer"):
        score_matrix([[4, 3], [None, None]], scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    with pytest.raises(InvalidValueError, match="column 1 has no answer"):
        score_matrix([[4, None], [3, None]], scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)


def test_missing_policy_takes_the_member_or_its_value_only() -> None:
    # Issue 11: enums through coerce.to_enum, the member or its value, nothing else.
    by_value = score_matrix(
        [[1, None], [2, 3]],
        scale=LIKERT_1_4,
        missing="exclude",  # type: ignore[arg-type]
    )
    assert by_value.row_means() == (Decimal(1), Decimal("2.5"))
    for wrong in ("EXCLUDE", "excluded", True, None):
        with pytest.raises(InvalidValueError, match="'missing' must be one of"):
            score_matrix([[1]], scale=LIKERT_1_4, missing=wrong)  # type: ignore[arg-type]


def test_sentinel_marks_missing_in_lists_as_in_arrays() -> None:
    # Issue 11: the list path checked the scale before it applied the sentinel, so a list
    # holding the sentinel raised while the same numpy array worked.
    rows = [[4, 0, 2], [1, 3, -1]]
    for sentinel, expected in ((0, [[True, False, True], [True, True, True]]), (-1, None)):
        if sentinel == -1:
            rows_used = [[4, 2, 2], [1, 3, -1]]
            expected = [[True, True, True], [True, True, False]]
        else:
            rows_used = [[4, 0, 2], [1, 3, 2]]
        _, from_list = validated_scores(rows_used, scale=LIKERT_1_4, sentinel=sentinel)
        _, from_array = validated_scores(
            np.array(rows_used, dtype=np.int8), scale=LIKERT_1_4, sentinel=sentinel
        )
        assert from_list is not None and from_array is not None
        assert from_list.tolist() == from_array.tolist() == expected
    # A value outside the scale that is not the sentinel still raises, located.
    with pytest.raises(InvalidValueError, match=r"scale 1-4 \(row 1, column 2\)"):
        validated_scores(rows, scale=LIKERT_1_4, sentinel=0)


def test_row_mean_of_a_row_that_does_not_exist_raises_sakip_error() -> None:
    # Issue 12: row_mean(99) gave a bare IndexError.
    m = score_matrix([[4, 3], [2, 3]], scale=LIKERT_1_4)
    for row in (2, 99, -1):
        with pytest.raises(InvalidValueError, match="'row' must be from 0 to 1"):
            m.row_mean(row)


def test_matrix_arrays_are_read_only() -> None:
    array = np.array([[1, 2], [3, 4]], dtype=np.int8)
    m = score_matrix(array, scale=LIKERT_1_4)
    for name in ("scores", "row_sums", "row_counts", "col_sums", "col_counts"):
        assert not getattr(m, name).flags.writeable, name
    assert array.flags.writeable  # the caller's array is left as it was
    hash(m)


# -- properties -------------------------------------------------------------------------------


@given(matrices(with_missing=True))
def test_sums_counts_and_means_are_exact(rows: list[list[int | None]]) -> None:
    m = score_matrix(rows, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    for i, row in enumerate(rows):
        given_answers = [v for v in row if v is not None]
        assert int(m.row_sums[i]) == sum(given_answers)
        assert int(m.row_counts[i]) == len(given_answers)
        assert close(m.row_mean(i), exact_mean(given_answers))
        assert LIKERT_1_4.low <= m.row_mean(i) <= LIKERT_1_4.high
    for j in range(len(rows[0])):
        column = [row[j] for row in rows if row[j] is not None]
        assert int(m.col_sums[j]) == sum(column)
        assert int(m.col_counts[j]) == len(column)
    assert m.total == sum(v for row in rows for v in row if v is not None)


@given(
    matrices(with_missing=True),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_batch_means_agree_with_scalar(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    m = score_matrix(rows, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    scale = 10**places
    batch_rows = m.row_means_scaled(places, rounding).tolist()
    batch_cols = m.col_means_scaled(places, rounding).tolist()
    assert batch_rows == [int(round_to(v, places, rounding) * scale) for v in m.row_means()]
    assert batch_cols == [int(round_to(v, places, rounding) * scale) for v in m.col_means()]


@given(matrices(with_missing=True))
def test_batch_categories_agree_with_scalar(rows: list[list[int | None]]) -> None:
    m = score_matrix(rows, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    assert m.row_positions(KPKK_LIKERT_4).tolist() == [
        KPKK_LIKERT_4.index(v) for v in m.row_means()
    ]
    assert m.col_positions(KPKK_LIKERT_4).tolist() == [
        KPKK_LIKERT_4.index(v) for v in m.col_means()
    ]


@pytest.mark.parametrize("table_limit", [20_000, 0])
@given(rows=matrices(scale=LIKERT_1_5, max_cols=30, with_missing=True))
def test_row_categories_out_of_scheme_raise_like_scalar(
    table_limit: int, rows: list[list[int | None]]
) -> None:
    # A scheme that stops at 3: only rows whose mean passes 3 raise, with the scalar message;
    # table_limit=0 forces the direct (no lookup table) path.
    scheme = BandScheme(
        "to 3", [Band("low", 1, 2), Band("high", 2, 3, upper_closed=True)], source="test"
    )
    m = score_matrix(rows, scale=LIKERT_1_5, missing=MissingPolicy.EXCLUDE)
    means = m.row_means()
    with patch("sakip.likert._MAX_TABLE_ENTRIES", table_limit):
        assert m.row_means_scaled(3, Rounding.HALF_UP).tolist() == [
            int(round_to(v, 3, Rounding.HALF_UP) * 1000) for v in means
        ]
        if all(v <= 3 for v in means):
            assert m.row_positions(scheme).tolist() == [scheme.index(v) for v in means]
        else:
            first = next(v for v in means if v > 3)
            with pytest.raises(OutOfBandError) as info:
                m.row_positions(scheme)
            assert info.value.value == first


@given(matrices(), st.randoms(use_true_random=False))
def test_respondent_order_does_not_change_column_figures(
    rows: list[list[int | None]], rng: object
) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    a = score_matrix(rows, scale=LIKERT_1_4)
    b = score_matrix(shuffled, scale=LIKERT_1_4)
    assert a.col_sums.tolist() == b.col_sums.tolist()
    assert a.mean() == b.mean()
    assert sorted(a.row_means()) == sorted(b.row_means())


@given(matrices(), st.data())
def test_raising_one_answer_never_lowers_a_mean(
    rows: list[list[int | None]], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(rows) - 1))
    j = data.draw(st.integers(0, len(rows[0]) - 1))
    value = rows[i][j]
    assert value is not None
    raised = [list(r) for r in rows]
    raised[i][j] = data.draw(st.integers(value, LIKERT_1_4.high))
    before = score_matrix(rows, scale=LIKERT_1_4)
    after = score_matrix(raised, scale=LIKERT_1_4)
    assert after.row_mean(i) >= before.row_mean(i)
    assert after.col_means()[j] >= before.col_means()[j]
    assert after.mean() >= before.mean()


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-200, 200), st.floats()), min_size=1),
        min_size=1,
    )
)
def test_arbitrary_input_either_validates_or_raises_sakip_error(rows: list[list[object]]) -> None:
    try:
        scores, answered = validated_scores(rows, scale=LIKERT_1_4)
    except SakipError:
        return
    given_cells = scores if answered is None else scores[answered]
    assert ((given_cells >= 1) & (given_cells <= 4)).all()


def test_a_score_matrix_is_taken_again_as_it_is() -> None:
    m = score_matrix([[4, None], [2, 3]], scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    assert score_matrix(m, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE) is m
    # Its missing answer still raises under RAISE; another scale or a second mask is refused.
    with pytest.raises(InvalidValueError, match="missing answer at row 0, column 1"):
        score_matrix(m, scale=LIKERT_1_4)
    with pytest.raises(InvalidValueError, match="on the scale 1-5"):
        score_matrix(m, scale=LIKERT_1_5, missing=MissingPolicy.EXCLUDE)
    with pytest.raises(InvalidValueError, match="'sentinel' must not be given"):
        score_matrix(m, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE, sentinel=0)


def test_masked_object_cell_may_hold_anything() -> None:
    # A masked cell of an object array is missing whatever it holds, as in an integer array.
    data = np.ma.masked_array(np.array([[4, "x"], [2, 99]], dtype=object), mask=[[0, 1], [0, 1]])
    _, answered = validated_scores(data, scale=LIKERT_1_4)
    assert answered is not None and answered.tolist() == [[True, False], [True, False]]


def test_sentinel_in_a_float_array() -> None:
    data = np.array([[4.0, -1.0], [2.0, 3.0]])
    _, answered = validated_scores(data, scale=LIKERT_1_4, sentinel=-1)
    assert answered is not None and answered.tolist() == [[True, False], [True, True]]
