"""Likert score matrices: validation, sums, counts and exact means.

A questionnaire answered on a Likert scale is a *respondents x items* matrix
of integer scores on a declared scale (1-4, 1-5, ...). This module checks
such a matrix once (integers only, every answer on the scale, rectangular,
no empty row) and gives its row and column sums and counts, from which every
mean is an exact rational number:

- scalar path: :class:`~decimal.Decimal` means through :func:`sakip.divide`;
- batch path: integer sums and counts, rounded means through
  :func:`sakip.exact_array.divide_round` and categories through
  :meth:`sakip.bands.BandScheme.classify_ratio_array` or a small lookup
  table decided by the scalar path, so that both paths agree exactly.

Missing answers are never counted as 0: they either raise
(:attr:`MissingPolicy.RAISE`, the default) or are left out of every sum and
count (:attr:`MissingPolicy.EXCLUDE`). They are given as ``None`` in nested
lists, as a boolean ``missing_mask``, as a ``sentinel`` value outside the
scale, as the mask of a :class:`numpy.ma.MaskedArray`, or as NaN in a float
array.

Integer arrays are used as they are (an ``int8`` matrix stays ``int8``;
sums use ``dtype=`` rather than a converted copy), so a 1,000,000 x 10
matrix is validated and summed in a few passes over its bytes.

This module knows nothing of any agency: the instruments that use it
(KPKK, IKM, WHOQOL-BREF) live in :mod:`sakip.instruments`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal
from numbers import Integral
from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import BandScheme, as_scheme
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike, to_array, to_enum
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.exact_array import divide_round
from sakip.numbers import NumberLike, Rounding, RoundingPolicy, divide, to_decimal

__all__ = [
    "LIKERT_1_4",
    "LIKERT_1_5",
    "LikertScale",
    "MissingPolicy",
    "ScoreMatrix",
    "score_matrix",
    "validated_scores",
]

IntArray: TypeAlias = npt.NDArray[np.integer[Any]]
BoolArray: TypeAlias = npt.NDArray[np.bool_]

# Lookup tables for row means/categories are built while they stay this small;
# beyond it the batch path classifies the rows directly.
_MAX_TABLE_ENTRIES = 20_000


def _whole(value: NumberLike, *, field: str) -> int:
    """A whole number of either sign (scale bounds, sentinels).

    :func:`sakip.coerce.to_count` takes only numbers ``>= 0``; a sentinel
    may be ``-1`` and a scale may start below 0.
    """
    number = to_decimal(value, field=field)
    if number != number.to_integral_value():
        raise InvalidValueError(field, "must be a whole number", number)
    return int(number)


def _low(value: NumberLike) -> int:
    return _whole(value, field="low")


def _high(value: NumberLike) -> int:
    return _whole(value, field="high")


@attrs.frozen
class LikertScale:
    """The closed range of integer scores a questionnaire allows.

    Parameters
    ----------
    low, high : int
        Lowest and highest score, ``low < high``, both within -127..127 so
        that a matrix of answers fits in ``int8``. Any whole number
        :func:`sakip.numbers.to_decimal` reads is taken (``"1"``, ``4.0``).

    Raises
    ------
    InvalidTypeError
        A bound that is not a number (a bool included).
    InvalidValueError
        A fractional bound, ``low >= high`` or a bound outside -127..127.

    Examples
    --------
    >>> LikertScale(1, 4)
    LikertScale(low=1, high=4)
    >>> LikertScale(1, 4).contains(5)
    False
    >>> LikertScale(4, 1)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'scale' must have low < high: (4, 1)
    """

    low: int = attrs.field(converter=_low)
    high: int = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low >= self.high:
            raise InvalidValueError("scale", "must have low < high", (self.low, self.high))
        if self.low < -127 or self.high > 127:
            raise InvalidValueError("scale", "must lie within -127..127", (self.low, self.high))

    def contains(self, score: int) -> bool:
        """Whether ``score`` is on the scale."""
        return self.low <= score <= self.high

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"


LIKERT_1_4 = LikertScale(1, 4)
"""The four-point scale of KPKK and of the IKM/SKM questionnaire (PermenPANRB 14/2017)."""

LIKERT_1_5 = LikertScale(1, 5)
"""The five-point scale of the WHOQOL-BREF items."""


class MissingPolicy(enum.Enum):
    """What a :class:`ScoreMatrix` does with a missing answer.

    Attributes
    ----------
    RAISE
        A missing answer is an error (the default everywhere).
    EXCLUDE
        A missing answer is left out of its row's and its column's sum and
        count, so means are over the answers given. A row or a column with
        no answer at all still raises: it has no mean.
    """

    RAISE = "raise"
    EXCLUDE = "exclude"


def _position(index: npt.NDArray[np.intp]) -> str:
    return f"row {int(index[0])}, column {int(index[1])}"


def _from_rows(
    data: Sequence[object],
    scale: LikertScale,
    field: str,
    sentinel: int | None,
    skip: BoolArray | None = None,
) -> tuple[IntArray, BoolArray | None]:
    """Nested lists -> (int8 matrix with 0 in missing cells, answered mask or None).

    ``None`` and the ``sentinel`` mark a missing answer; the sentinel is
    recognised *before* the scale is checked, as in the array path.
    """
    if len(data) == 0:
        raise InvalidValueError(field, "must have at least one respondent (row)", data)
    width: int | None = None
    flat: list[int] = []
    missing: list[tuple[int, int]] = []
    for i, row in enumerate(data):
        if not isinstance(row, list | tuple | np.ndarray):
            raise InvalidTypeError(field, f"row {i} must be a list or tuple of scores", row)
        if len(row) == 0:
            raise InvalidValueError(field, f"row {i} must not be empty", row)
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise InvalidValueError(
                field,
                f"must be rectangular: row {i} has {len(row)} items, row 0 has {width}",
                len(row),
            )
        for j, value in enumerate(row):
            if value is None or (skip is not None and skip[i, j]):
                missing.append((i, j))
                flat.append(0)
                continue
            if isinstance(value, bool | np.bool_) or not isinstance(value, Integral):
                raise InvalidTypeError(
                    field, f"must hold int scores or None (row {i}, column {j})", value
                )
            score = int(value)
            if score == sentinel:
                missing.append((i, j))
                flat.append(0)
                continue
            if not scale.contains(score):
                raise InvalidValueError(
                    field, f"must be on the scale {scale} (row {i}, column {j})", score
                )
            flat.append(score)
    assert width is not None
    scores = np.array(flat, dtype=np.int8).reshape(len(data), width)
    if not missing:
        return scores, None
    answered = np.ones(scores.shape, dtype=bool)
    rows, cols = zip(*missing, strict=True)
    answered[list(rows), list(cols)] = False
    return scores, answered


def _from_floats(
    array: npt.NDArray[np.floating[Any]], scale: LikertScale, field: str, sentinel: int | None
) -> tuple[IntArray, BoolArray | None]:
    """Float matrix with NaN (or the sentinel) for missing -> (int8 matrix, answered mask or None)."""
    nan = np.isnan(array)
    # Compare only a sentinel the dtype holds exactly (cast, 2**24 + 1 would match
    # a float32 16777216.0 and 2**40 overflow float16): no cell holds another.
    if (
        sentinel is not None
        and abs(sentinel) <= float(np.finfo(array.dtype).max)
        and int(array.dtype.type(sentinel)) == sentinel
    ):
        nan |= array == sentinel
    answered = ~nan
    given = array[answered]
    if not np.isfinite(given).all():
        bad = np.argwhere(answered & ~np.isfinite(array))[0]
        raise InvalidValueError(field, f"must be finite ({_position(bad)})", array[tuple(bad)])
    outside = answered & ((array < scale.low) | (array > scale.high))
    if outside.any():
        bad = np.argwhere(outside)[0]
        raise InvalidValueError(
            field, f"must be on the scale {scale} ({_position(bad)})", array[tuple(bad)].item()
        )
    fractional = answered & (array != np.floor(np.where(nan, 0.0, array)))
    if fractional.any():
        bad = np.argwhere(fractional)[0]
        raise InvalidValueError(
            field, f"must hold integer scores ({_position(bad)})", array[tuple(bad)].item()
        )
    scores = np.where(nan, 0.0, array).astype(np.int8)
    return scores, (answered if nan.any() else None)


def validated_scores(
    data: ArrayLike,
    *,
    scale: LikertScale,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    field: str = "scores",
) -> tuple[IntArray, BoolArray | None]:
    """Check a respondents x items matrix of scores; return it with its answered mask.

    Parameters
    ----------
    data : array_like
        Nested lists or tuples of ``int`` (``None`` = missing), or a 2-D
        numpy array, which passes :func:`sakip.coerce.to_array` first: an
        integer array is used as it is (no copy); a float array may hold
        NaN for missing answers and integral values elsewhere (it is
        converted to ``int8``); a :class:`numpy.ma.MaskedArray` marks
        missing answers by its mask (a masked cell may hold anything).
    scale : LikertScale
        The allowed scores.
    missing_mask : array_like of bool, optional
        Same shape as ``data``; ``True`` marks a missing answer (whatever
        the cell holds).
    sentinel : int, optional
        A value outside the scale (such as 0 or -1) that marks a missing
        answer, in a list exactly as in an array: the sentinel is
        recognised before the scale is checked.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    scores : numpy.ndarray of int
        The matrix (2-D). Cells of missing answers hold an unspecified
        value: always read them through the mask.
    answered : numpy.ndarray of bool or None
        ``True`` where an answer was given; ``None`` when every answer was.

    Raises
    ------
    InvalidTypeError
        A non-integer score in a list (floats included), a row that is not a
        list, a bool or other non-numeric array, a non-bool mask.
    InvalidValueError
        No row, an empty row, ragged rows, a non-2-D array, a score outside
        the scale (the message gives its row and column, counting from 0), a
        fractional or infinite float, a sentinel inside the scale, a mask of
        another shape.

    Notes
    -----
    Missing answers are only *recorded* here; :func:`score_matrix` decides
    whether they raise or are excluded.

    Examples
    --------
    >>> scores, answered = validated_scores([[4, 3], [2, None]], scale=LIKERT_1_4)
    >>> scores.dtype, answered.tolist()
    (dtype('int8'), [[True, True], [True, False]])
    >>> validated_scores([[4, 3], [2, 0]], scale=LIKERT_1_4, sentinel=0)[1].tolist()
    [[True, True], [True, False]]
    >>> validated_scores([[4, 5]], scale=LIKERT_1_4)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'scores' must be on the scale 1-4 (row 0, column 1): 5
    >>> validated_scores([[4, 3], [2]], scale=LIKERT_1_4)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'scores' must be rectangular: row 1 has 1 items, row 0 has 2: 1
    """
    if not isinstance(scale, LikertScale):
        raise InvalidTypeError("scale", "must be a LikertScale", scale)
    marker = None if sentinel is None else _whole(sentinel, field="sentinel")
    if marker is not None and scale.contains(marker):
        raise InvalidValueError("sentinel", f"must lie outside the scale {scale}", marker)
    answered: BoolArray | None = None
    if isinstance(data, list | tuple):
        skip = None
        if missing_mask is not None and data and isinstance(data[0], list | tuple | np.ndarray):
            # Cells under the mask are not read, as in an array (ragged rows still raise).
            width = len(data[0])
            if all(
                isinstance(row, list | tuple | np.ndarray) and len(row) == width for row in data
            ):
                skip = _mask(missing_mask, (len(data), width))
        scores, answered = _from_rows(data, scale, field, marker, skip)
    elif isinstance(data, np.ndarray):
        if missing_mask is not None and data.dtype.kind == "f":
            # Cells under the mask are not read (an inf included), as under a masked array's.
            hidden = _mask(missing_mask, data.shape) | np.ma.getmaskarray(data)
            data = np.ma.array(data, mask=hidden)
        array: npt.NDArray[Any] = to_array(data, field=field, allow_mask=True, allow_nan=True)
        if isinstance(array, np.ma.MaskedArray):
            mask = np.ma.getmaskarray(array)
            array = np.ma.getdata(array)
            answered = ~mask if mask.any() else None
        if array.ndim != 2:
            raise InvalidValueError(
                field, "must be a 2-D respondents x items matrix", f"{array.ndim}-D"
            )
        if array.shape[0] == 0:
            raise InvalidValueError(field, "must have at least one respondent (row)", array.shape)
        if array.shape[1] == 0:
            raise InvalidValueError(field, "rows must not be empty", array.shape)
        if missing_mask is not None:
            given_mask = _mask(missing_mask, array.shape)
            answered = ~given_mask if answered is None else answered & ~given_mask
            missing_mask = None
        kind = array.dtype.kind
        if kind == "O":
            # Read each cell as a list cell (ints and None); the mask stays a mask.
            skip = None if answered is None else ~answered
            scores, from_cells = _from_rows(array.tolist(), scale, field, marker, skip)
            if from_cells is not None:
                answered = from_cells if answered is None else answered & from_cells
        elif kind == "f":
            if answered is not None:
                array = np.where(answered, array, np.nan)
            scores, answered = _from_floats(array, scale, field, marker)
        else:
            scores = array
    else:
        raise InvalidTypeError(field, "must be a list of rows or a 2-D numpy array", data)

    if missing_mask is not None:
        given_mask = _mask(missing_mask, scores.shape)
        answered = ~given_mask if answered is None else answered & ~given_mask
    if marker is not None and scores.dtype.kind in "iu":
        is_sentinel = scores == marker
        if is_sentinel.any():
            answered = ~is_sentinel if answered is None else answered & ~is_sentinel

    low, high = int(scores.min()), int(scores.max())
    if answered is not None and (low < scale.low or high > scale.high):
        # Cells of missing answers may hold anything (a sentinel): look only
        # at the answers given (slower, so only when the whole matrix fails).
        given = scores[answered]  # not min(initial=scale.low): -3 does not fit a uint8
        if given.size:
            low, high = int(given.min()), int(given.max())
        else:
            low, high = scale.low, scale.high
    if low < scale.low or high > scale.high:
        outside = (scores < scale.low) | (scores > scale.high)
        if answered is not None:
            outside &= answered
        bad = np.argwhere(outside)[0]
        raise InvalidValueError(
            field, f"must be on the scale {scale} ({_position(bad)})", int(scores[tuple(bad)])
        )
    if answered is not None and answered.all():
        answered = None
    return scores, answered


def _mask(missing_mask: ArrayLike, shape: tuple[int, ...]) -> BoolArray:
    """The caller's ``missing_mask``: a bool array of the matrix's shape."""
    if isinstance(missing_mask, np.ma.MaskedArray):
        raise InvalidTypeError("missing_mask", "must be a plain bool array", "masked array")
    mask = np.asarray(missing_mask)
    if mask.dtype != np.bool_:
        raise InvalidTypeError("missing_mask", "must be a bool array", mask.dtype)
    if mask.shape != shape:
        raise InvalidValueError("missing_mask", f"must have the shape {shape}", mask.shape)
    return mask


def _sum_dtype(bound: int) -> type[np.signedinteger[Any]]:
    if bound < 2**15:
        return np.int16
    if bound < 2**31:
        return np.int32
    return np.int64


@attrs.frozen(eq=False)
class ScoreMatrix:
    """A validated respondents x items score matrix with its sums and counts.

    Build it with :func:`score_matrix`. Every mean is exact: a row's mean is
    ``row_sums[i] / row_counts[i]`` as a rational number.

    The matrix is frozen: every array is read-only (``scores`` is a
    read-only view of an integer array given, never a copy) and the object
    is hashable by identity.

    Attributes
    ----------
    scores : numpy.ndarray of int
        The matrix as given (a read-only view, not a copy, when it was an
        integer array).
    answered : numpy.ndarray of bool or None
        ``True`` where an answer was given; ``None`` when every answer was.
    scale : LikertScale
        The allowed scores.
    row_sums, row_counts : numpy.ndarray of int
        Per respondent: sum of the answers given and their number (``int16``
        while it cannot overflow).
    col_sums, col_counts : numpy.ndarray of int64
        Per item: sum of the answers given and their number.
    """

    scores: IntArray
    answered: BoolArray | None
    scale: LikertScale
    row_sums: IntArray
    row_counts: IntArray
    col_sums: npt.NDArray[np.int64]
    col_counts: npt.NDArray[np.int64]

    @property
    def n_respondents(self) -> int:
        """Number of rows."""
        return int(self.scores.shape[0])

    @property
    def n_items(self) -> int:
        """Number of columns."""
        return int(self.scores.shape[1])

    @property
    def total(self) -> int:
        """Sum of every answer given."""
        return int(self.col_sums.sum())

    @property
    def count(self) -> int:
        """Number of answers given."""
        return int(self.col_counts.sum())

    def mean(self) -> Decimal:
        """Overall mean: sum of every answer over the number of answers.

        Examples
        --------
        >>> score_matrix([[4, 3], [2, 3]], scale=LIKERT_1_4).mean()
        Decimal('3')
        """
        return divide(self.total, self.count, numerator_field="total", denominator_field="count")

    def row_mean(self, row: int) -> Decimal:
        """Exact mean of one respondent's answers.

        Parameters
        ----------
        row : int
            The respondent, from 0 to ``n_respondents - 1``.

        Raises
        ------
        InvalidValueError
            A row that does not exist (negative indices included).

        Examples
        --------
        >>> m = score_matrix([[4, 3], [2, 3]], scale=LIKERT_1_4)
        >>> m.row_mean(1)
        Decimal('2.5')
        >>> m.row_mean(2)
        Traceback (most recent call last):
        ...
        sakip.errors.InvalidValueError: 'row' must be from 0 to 1: 2
        """
        last = self.n_respondents - 1
        if (
            isinstance(row, bool | np.bool_)
            or not isinstance(row, Integral)
            or not 0 <= row <= last
        ):
            raise InvalidValueError("row", f"must be from 0 to {last}", row)
        return divide(int(self.row_sums[row]), int(self.row_counts[row]))

    def row_means(self) -> tuple[Decimal, ...]:
        """Exact mean of each respondent's answers (a Python loop: for small matrices).

        Examples
        --------
        >>> score_matrix([[4, 3], [2, 3]], scale=LIKERT_1_4).row_means()
        (Decimal('3.5'), Decimal('2.5'))
        """
        return tuple(
            divide(int(s), int(c)) for s, c in zip(self.row_sums, self.row_counts, strict=True)
        )

    def col_means(self) -> tuple[Decimal, ...]:
        """Exact mean of each item's answers.

        Examples
        --------
        >>> score_matrix([[4, 3], [2, 3]], scale=LIKERT_1_4).col_means()
        (Decimal('3'), Decimal('3'))
        """
        return tuple(
            divide(int(s), int(c)) for s, c in zip(self.col_sums, self.col_counts, strict=True)
        )

    # -- batch path ------------------------------------------------------------------------

    def _table_grid(self) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """Feasible (sum, count) pairs of a row, or None when there are too many."""
        k = self.n_items
        counts = [k] if self.answered is None else list(range(1, k + 1))
        width = self.scale.high - self.scale.low
        if sum(width * c + 1 for c in counts) > _MAX_TABLE_ENTRIES:
            return None
        sums_list: list[npt.NDArray[np.int64]] = []
        counts_list: list[npt.NDArray[np.int64]] = []
        for c in counts:
            span = np.arange(self.scale.low * c, self.scale.high * c + 1, dtype=np.int64)
            sums_list.append(span)
            counts_list.append(np.full(span.shape, c, dtype=np.int64))
        offset = min(self.scale.low, 0) * k
        return offset, np.concatenate(sums_list), np.concatenate(counts_list)

    def _lookup(
        self,
        table_values: npt.NDArray[Any],
        sums: npt.NDArray[np.int64],
        counts: npt.NDArray[np.int64],
        offset: int,
        fill: int,
    ) -> npt.NDArray[Any]:
        """Scatter table values into a (count, sum) grid and read one entry per row."""
        k = self.n_items
        span = max(self.scale.high, 0) * k - offset + 1
        grid = np.full((k + 1, span), fill, dtype=table_values.dtype)
        grid[counts, sums - offset] = table_values
        row_sums = self.row_sums if offset == 0 else self.row_sums.astype(np.intp) - offset
        if self.answered is None:
            result: npt.NDArray[Any] = grid[k][row_sums]
        else:
            result = grid[self.row_counts, row_sums]
        return result

    def row_means_scaled(self, places: int, rounding: Rounding) -> npt.NDArray[np.int64]:
        """Each respondent's mean rounded to ``places``, as integers scaled by ``10**places``.

        Parameters
        ----------
        places : int
            Decimal places.
        rounding : Rounding
            How to reach them.

        Returns
        -------
        numpy.ndarray of int64
            Element ``i`` equals ``round_to(row_mean(i), places, rounding) * 10**places``.

        Notes
        -----
        A row mean depends only on the row's (sum, count), which take few
        values, so the rounded means are computed once per feasible pair
        with :func:`~sakip.exact_array.divide_round` and looked up.

        Examples
        --------
        >>> m = score_matrix([[4, 3, 3], [2, 1, 1]], scale=LIKERT_1_4)
        >>> m.row_means_scaled(2, Rounding.HALF_UP).tolist()
        [333, 133]
        """
        grid = self._table_grid()
        if grid is None:
            return divide_round(self.row_sums, self.row_counts, places, rounding)
        offset, sums, counts = grid
        values = divide_round(sums, counts, places, rounding)
        return self._lookup(values, sums, counts, offset, 0).astype(np.int64, copy=False)

    def col_means_scaled(self, places: int, rounding: Rounding) -> npt.NDArray[np.int64]:
        """Each item's mean rounded to ``places``, scaled by ``10**places``.

        Examples
        --------
        >>> m = score_matrix([[4, 3, 3], [2, 1, 1]], scale=LIKERT_1_4)
        >>> m.col_means_scaled(2, Rounding.TRUNCATE).tolist()
        [300, 200, 200]
        """
        return divide_round(self.col_sums, self.col_counts, places, rounding)

    def row_positions(
        self, scheme: BandScheme, *, factor: int = 1
    ) -> npt.NDArray[np.integer[Any]]:
        """Band position (0 = lowest) of each respondent's exact mean, times ``factor``.

        Parameters
        ----------
        scheme : BandScheme
            The categories.
        factor : int, default 1
            A whole multiplier applied to the mean before it is classified
            (25 for the IKM's *nilai konversi*).

        Returns
        -------
        numpy.ndarray of int
            ``scheme.index(factor * row_mean(i))`` for every row (``int8``
            while the scheme has fewer than 127 bands).

        Raises
        ------
        OutOfBandError
            A row mean outside the scheme (or in a gap that raises), with the
            scalar path's message.

        Examples
        --------
        >>> from sakip.schemes import IKM_MUTU_CONVERTED, KPKK_LIKERT_4
        >>> m = score_matrix([[4, 4], [3, 2], [1, 1]], scale=LIKERT_1_4)
        >>> m.row_positions(KPKK_LIKERT_4).tolist()
        [3, 1, 0]
        >>> m.row_positions(IKM_MUTU_CONVERTED, factor=25).tolist()
        [3, 0, 0]
        """
        scheme = as_scheme(scheme)
        if isinstance(factor, bool) or not isinstance(factor, int) or factor < 1:
            raise InvalidValueError("factor", "must be an int >= 1", factor)
        grid = self._table_grid()
        if grid is None:
            sums = self.row_sums.astype(np.int64) * factor
            return scheme.classify_ratio_array(sums, self.row_counts)
        offset, sums, counts = grid
        dtype = np.int8 if len(scheme.bands) < 127 else np.intp
        try:
            values = scheme.classify_ratio_array(sums * factor, counts).astype(dtype)
        except OutOfBandError:
            # Some feasible mean is outside the scheme; only rows that reach it raise.
            values = np.empty(sums.shape, dtype=dtype)
            for n, (s, c) in enumerate(zip(sums.tolist(), counts.tolist(), strict=True)):
                try:
                    values[n] = scheme.index(divide(s * factor, c))
                except OutOfBandError:
                    values[n] = -1
        positions = self._lookup(values, sums, counts, offset, -1)
        if (positions < 0).any():
            first = int(np.flatnonzero(positions < 0)[0])
            # Raises with the scalar message.
            scheme.index(divide(int(self.row_sums[first]) * factor, int(self.row_counts[first])))
        return positions

    def row_scores(
        self, policy: RoundingPolicy, scheme: BandScheme, *, factor: int = 1
    ) -> ScoreBatch:
        """Each respondent's mean rounded under ``policy``, with its band, as a :class:`~sakip.batch.ScoreBatch`.

        Parameters
        ----------
        policy : RoundingPolicy
            How each mean is rounded.
        scheme : BandScheme
            The categories.
        factor : int, default 1
            The band is that of ``factor x mean`` (25 for the IKM's *nilai
            konversi*); the value stays the mean.

        Returns
        -------
        ScoreBatch
            ``scaled`` from :meth:`row_means_scaled`, ``positions`` from
            :meth:`row_positions`.

        Raises
        ------
        InvalidTypeError
            A ``policy`` that is not a :class:`~sakip.numbers.RoundingPolicy`
            or a ``scheme`` that is not a :class:`~sakip.bands.BandScheme`.
        OutOfBandError
            As :meth:`row_positions`.

        Examples
        --------
        >>> from sakip.numbers import RoundingPolicy
        >>> from sakip.schemes import KPKK_LIKERT_4
        >>> m = score_matrix([[4, 3, 3], [2, 1, 1]], scale=LIKERT_1_4)
        >>> batch = m.row_scores(RoundingPolicy(2, Rounding.HALF_UP), KPKK_LIKERT_4)
        >>> batch.decimals(), batch.labels()
        ([Decimal('3.33'), Decimal('1.33')], ['Sangat Baik', 'Buruk'])
        """
        if not isinstance(policy, RoundingPolicy):
            raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
        scheme = as_scheme(scheme)
        scaled = self.row_means_scaled(policy.places, policy.rounding)
        positions = self.row_positions(scheme, factor=factor)
        for fresh in (scaled, positions):
            fresh.setflags(write=False)  # handed over to the batch without a copy
        return ScoreBatch(scaled=scaled, policy=policy, positions=positions, scheme=scheme)

    def col_positions(self, scheme: BandScheme) -> npt.NDArray[np.intp]:
        """Band position of each item's exact mean.

        Examples
        --------
        >>> from sakip.schemes import KPKK_LIKERT_4
        >>> m = score_matrix([[4, 4], [3, 2], [1, 1]], scale=LIKERT_1_4)
        >>> m.col_positions(KPKK_LIKERT_4).tolist()
        [2, 1]
        """
        scheme = as_scheme(scheme)
        return scheme.classify_ratio_array(self.col_sums, self.col_counts)


def score_matrix(
    data: ArrayLike | ScoreMatrix,
    *,
    scale: LikertScale,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    field: str = "scores",
) -> ScoreMatrix:
    """Validate a respondents x items matrix and compute its sums and counts.

    Parameters
    ----------
    data : array_like or ScoreMatrix
        See :func:`validated_scores` (nested lists with ``None`` for
        missing, integer arrays, float arrays with NaN, masked arrays). A
        :class:`ScoreMatrix` already built is returned as it is, after its
        scale and its missing answers are checked against ``scale`` and
        ``missing`` (so that a pipeline validates a large matrix once).
    scale : LikertScale
        The allowed scores.
    missing : MissingPolicy or its value, default MissingPolicy.RAISE
        Whether a missing answer raises or is left out of sums and counts
        (``MissingPolicy.EXCLUDE`` or ``"exclude"``).
    missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside the scale marking a missing answer.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    ScoreMatrix

    Raises
    ------
    InvalidValueError
        As :func:`validated_scores`; a missing answer under
        :attr:`MissingPolicy.RAISE`; a row or a column without any answer
        under :attr:`MissingPolicy.EXCLUDE`.
        A ``missing`` that is not a :class:`MissingPolicy` or its value; a
        :class:`ScoreMatrix` of another scale, or given with
        ``missing_mask`` or ``sentinel``.
    InvalidTypeError
        As :func:`validated_scores`.

    Notes
    -----
    ``row_sums[i] = sum of the answers of row i``, ``row_counts[i]`` their
    number; the same per column. A missing answer is never counted as 0.

    Examples
    --------
    >>> m = score_matrix([[4, 3], [2, None]], scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    >>> m.row_sums.tolist(), m.row_counts.tolist(), m.row_means()
    ([7, 2], [2, 1], (Decimal('3.5'), Decimal('2')))
    >>> score_matrix([[4, 3], [2, None]], scale=LIKERT_1_4)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'scores' has a missing answer at row 1, column 1 (pass missing=MissingPolicy.EXCLUDE to leave it out): None
    """
    missing = to_enum(missing, MissingPolicy, field="missing")
    if isinstance(data, ScoreMatrix):
        return _checked_matrix(data, scale, missing, missing_mask, sentinel, field)
    scores, answered = validated_scores(
        data, scale=scale, missing_mask=missing_mask, sentinel=sentinel, field=field
    )
    n, k = scores.shape
    if answered is not None:
        if missing is MissingPolicy.RAISE:
            first = np.argwhere(~answered)[0]
            raise InvalidValueError(
                field,
                f"has a missing answer at {_position(first)} "
                "(pass missing=MissingPolicy.EXCLUDE to leave it out)",
                None,
            )
        empty_rows = ~answered.any(axis=1)
        if empty_rows.any():
            row = int(np.flatnonzero(empty_rows)[0])
            raise InvalidValueError(field, f"row {row} has no answer at all", row)
        empty_cols = ~answered.any(axis=0)
        if empty_cols.any():
            col = int(np.flatnonzero(empty_cols)[0])
            raise InvalidValueError(field, f"column {col} has no answer at all", col)
    row_dtype = _sum_dtype(max(abs(scale.low), abs(scale.high)) * k)
    if answered is None:
        row_sums = scores.sum(axis=1, dtype=row_dtype)
        row_counts: IntArray = np.broadcast_to(row_dtype(k), (n,))
        col_sums = scores.sum(axis=0, dtype=np.int64)
        col_counts = np.full(k, n, dtype=np.int64)
    else:
        row_sums = scores.sum(axis=1, dtype=row_dtype, where=answered)
        row_counts = answered.sum(axis=1, dtype=row_dtype)
        col_sums = scores.sum(axis=0, dtype=np.int64, where=answered)
        col_counts = answered.sum(axis=0, dtype=np.int64)
    return ScoreMatrix(
        scores=_read_only(scores),
        answered=None if answered is None else _read_only(answered),
        scale=scale,
        row_sums=_read_only(row_sums),
        row_counts=_read_only(row_counts),
        col_sums=_read_only(col_sums),
        col_counts=_read_only(col_counts),
    )


def _read_only(array: npt.ArrayLike) -> npt.NDArray[Any]:
    """A read-only view (no copy): the caller's own array stays writable."""
    view = np.asarray(array).view()
    view.setflags(write=False)
    return view


def _checked_matrix(
    matrix: ScoreMatrix,
    scale: LikertScale,
    missing: MissingPolicy,
    missing_mask: npt.ArrayLike | None,
    sentinel: int | None,
    field: str,
) -> ScoreMatrix:
    """A ScoreMatrix given again: the same scale, and a missing answer still raises under RAISE."""
    if matrix.scale != scale:
        raise InvalidValueError(field, f"must be a ScoreMatrix on the scale {scale}", matrix.scale)
    if missing_mask is not None or sentinel is not None:
        raise InvalidValueError(
            "missing_mask" if missing_mask is not None else "sentinel",
            "must not be given with a ScoreMatrix (its missing answers are recorded)",
            "mask" if missing_mask is not None else sentinel,
        )
    if matrix.answered is not None and missing is MissingPolicy.RAISE:
        first = np.argwhere(~matrix.answered)[0]
        raise InvalidValueError(
            field,
            f"has a missing answer at {_position(first)} "
            "(pass missing=MissingPolicy.EXCLUDE to leave it out)",
            None,
        )
    return matrix
