"""Exact arithmetic on numpy arrays, with scaled integers.

The batch paths of :mod:`sakip` mirror the scalar :class:`~decimal.Decimal`
paths bit for bit after rounding. They do it by working on integers: a
figure with at most ``places`` decimals is held as ``value x 10**places`` in
an ``int64`` (a *scaled* integer), quotients are computed with integer
division and rounded with the same :class:`~sakip.numbers.Rounding`
policies, and only the final result is turned back into ``Decimal``.

Floats are accepted as input when each element is the float nearest to a
decimal with at most ``places`` decimals (as every figure read from a report
is); anything else raises :class:`InexactArrayError` instead of being
rounded silently.

Integer division is the slow part of that arithmetic in numpy, so
:func:`divide_round` divides in ``float64`` when every integer involved is
below ``2**52`` and corrects the quotient exactly (see :func:`floor_divmod`
for the proof); larger integers take the ``int64`` route. Long arrays are
processed in blocks of :data:`CHUNK` elements, so temporaries stay in the
processor's cache and never reach the size of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from sakip.coerce import ArrayLike, at, broadcast, float_values, to_array, to_enum, to_integers
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import (
    UNBOUNDED,
    NumberLike,
    Rounding,
    check_places,
    to_decimal,
    to_percentage,
)

__all__ = [
    "CHUNK",
    "FLOAT_EXACT_LIMIT",
    "InexactArrayError",
    "chunks",
    "count_array",
    "divide_round",
    "floor_divmod",
    "percent_array",
    "round_quotient",
    "scaled_from_decimals",
    "scaled_from_floats",
    "scaled_to_decimals",
]

Int64Array = npt.NDArray[np.int64]

# Scaled magnitudes below 10**15 have at most 15 significant digits, so the
# float nearest to them identifies the decimal uniquely (DBL_DIG = 15).
_MAX_SCALED_FROM_FLOAT = 10**15
_INT64_MAX = 2**63 - 1

#: Elements per block in the chunked batch loops: a few float64 blocks of this
#: size fit in a core's L2 cache, and the Python cost per block stays small.
CHUNK = 8192

#: Integers of magnitude below this, and sums of two of them, are exact in
#: float64 (``2**52 + 2**52 = 2**53``).
FLOAT_EXACT_LIMIT = 2**52


class InexactArrayError(InvalidValueError):
    """An array the exact batch path cannot represent (too many decimals, too large)."""


def scaled_from_floats(values: ArrayLike, places: int, *, field: str = "values") -> Int64Array:
    """Scale floats that carry at most ``places`` decimals to exact ``int64``.

    Parameters
    ----------
    values : array_like of float or int
        Each element must be the float nearest to a decimal with at most
        ``places`` decimals and fewer than 15 significant digits once scaled.
        A ``float32`` or ``float16`` element means its shortest ``repr`` in
        its own dtype (``np.float32(99.975)`` is 99.975), as in
        :func:`~sakip.numbers.to_decimal`; integer and ``Decimal`` object
        arrays go to :func:`scaled_from_decimals`. Masked elements are
        refused.
    places : int
        Decimal places to keep, ``>= 0``.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    numpy.ndarray of int64
        ``Decimal(str(x)) * 10**places`` for every element ``x``, exactly.

    Raises
    ------
    InexactArrayError
        An element with more decimals than ``places``, or too large; the
        field names its position (``'values[2]'``).
    InvalidValueError
        NaN or infinity, with the element's position.

    Notes
    -----
    For ``|n| < 10**15`` the float ``x`` nearest to ``n / 10**places``
    satisfies ``rint(x * 10**places) == n`` (the product is off by far less
    than one half) and ``n / 10**places == x`` in IEEE division; an element
    failing that check has more decimals than ``places``.

    Examples
    --------
    >>> scaled_from_floats([99.975, 3.7, 16.0], 3).tolist()
    [99975, 3700, 16000]
    >>> scaled_from_floats([0.1 + 0.2], 2)
    Traceback (most recent call last):
    ...
    sakip.exact_array.InexactArrayError: 'values[0]' must have at most 2 decimal places: 0.30000000000000004
    """
    check_places(places)
    array = to_array(values, field=field)
    if array.dtype.kind in "iuO":
        return scaled_from_decimals(array, places, field=field)
    array = float_values(array)
    factor = np.float64(10**places)
    with np.errstate(over="ignore"):  # an overflow gives inf, refused just below
        scaled = np.rint(array * factor)
    too_large = np.abs(scaled) >= _MAX_SCALED_FROM_FLOAT
    if too_large.any():
        first = int(np.flatnonzero(too_large.ravel())[0])
        raise InexactArrayError(
            at(field, first, array.shape),
            "must be below 10**15 once scaled",
            array.ravel()[first].item(),
        )
    mismatch = (scaled / factor) != array
    if mismatch.any():
        first = int(np.flatnonzero(mismatch.ravel())[0])
        raise InexactArrayError(
            at(field, first, array.shape),
            f"must have at most {places} decimal places",
            array.ravel()[first].item(),
        )
    return np.asarray(scaled, dtype=np.int64)


def scaled_from_decimals(
    values: ArrayLike | Iterable[Any], places: int, *, field: str = "values"
) -> Int64Array:
    """Scale exact numbers (Decimal, int, str) to ``int64`` with ``places`` decimals.

    Parameters
    ----------
    values : array_like or iterable of int, str or Decimal
        Checked by :func:`~sakip.coerce.to_array` (masked elements
        refused), each element converted with
        :func:`~sakip.numbers.to_decimal`; the result has the shape of
        ``values``.
    places : int
        Decimal places to keep; an element with more raises.

    Returns
    -------
    numpy.ndarray of int64

    Raises
    ------
    InexactArrayError
        An element with more decimals than ``places``, or beyond ``int64``;
        the field names its position.

    Examples
    --------
    >>> scaled_from_decimals([Decimal("2.89"), "2.5", 7], 2).tolist()
    [289, 250, 700]
    """
    check_places(places)
    items: object = values
    if isinstance(values, Iterable) and not isinstance(values, np.ndarray | Sequence):
        items = list(values)  # a generator or a set: to_array sees its items
    array = to_array(items, field=field)
    out = []
    for index, value in enumerate(array.ravel()):
        name = at(field, index, array.shape)
        number = to_decimal(value, field=name)
        scaled = number.scaleb(places, context=UNBOUNDED)  # exact: only the exponent moves
        if scaled != scaled.to_integral_value():
            raise InexactArrayError(name, f"must have at most {places} decimal places", number)
        integer = int(scaled)
        if abs(integer) > _INT64_MAX:
            raise InexactArrayError(name, "must fit in int64 once scaled", number)
        out.append(integer)
    return np.array(out, dtype=np.int64).reshape(array.shape)


def scaled_to_decimals(scaled: ArrayLike, places: int) -> list[Decimal]:
    """Turn scaled integers back into exact Decimals with ``places`` decimals.

    ``scaled`` is any integer array (floats are refused, never truncated;
    masked elements are refused); the list follows its elements in C order.

    Examples
    --------
    >>> scaled_to_decimals(np.array([10277, -5]), 2)
    [Decimal('102.77'), Decimal('-0.05')]
    """
    check_places(places)
    array = to_integers(scaled, field="scaled")
    return [Decimal(int(item)).scaleb(-places, context=UNBOUNDED) for item in array.ravel()]


def _int64_operand(values: ArrayLike, field: str) -> Int64Array:
    """An integer array argument as int64, every magnitude below ``2**63`` (else raise)."""
    if type(values) is np.ndarray and values.dtype == np.int64:
        array: npt.NDArray[Any] = values  # the fast path: no copy, no pass over the data
    else:
        array = to_integers(values, field=field)
    if array.dtype == object or (array.size and int(array.min()) < -_INT64_MAX):
        # uint64 beyond int64 would wrap, and -2**63 has no int64 magnitude.
        largest = max(abs(int(item)) for item in array.ravel())
        raise InexactArrayError(field, "must fit in int64", largest)
    return array


def divide_round(
    numerator: ArrayLike,
    denominator: ArrayLike,
    places: int,
    rounding: Rounding,
) -> Int64Array:
    """``round(numerator / denominator, places)`` for integer arrays, exactly, scaled.

    Parameters
    ----------
    numerator, denominator : array_like of int
        Integers of any width (broadcast together), magnitudes below
        ``2**63``; no denominator may be zero. Masked elements are refused.
    places : int
        Decimal places of the result.
    rounding : Rounding
        The same policies as :func:`~sakip.numbers.round_to` (member or
        value).

    Returns
    -------
    numpy.ndarray of int64
        The rounded quotient times ``10**places``: element for element what
        ``round_to(Decimal(n) / Decimal(d), places, rounding)`` gives, scaled.

    Raises
    ------
    InvalidValueError
        A zero denominator (with its position), or shapes that do not
        broadcast.
    InexactArrayError
        An operand beyond ``int64``, or ``numerator x 10**places`` that
        would overflow it; never a wrapped value.

    Notes
    -----
    While ``|numerator| x 10**places`` and ``|denominator|`` stay below
    :data:`FLOAT_EXACT_LIMIT` the division runs in float64 blocks with the
    exact correction of :func:`floor_divmod`; otherwise in ``int64``
    (``divmod``), which is slower but takes numerators up to ``2**62``.
    Both give the same integers.

    Examples
    --------
    Capaian 3,70 / 3,60 and NKA (100,00 + 99,95) / 2, from scaled inputs:

    >>> divide_round([370 * 100], [360], 2, Rounding.TRUNCATE).tolist()
    [10277]
    >>> divide_round([10000 + 9995], [200], 2, Rounding.HALF_UP).tolist()
    [9998]
    """
    num = _int64_operand(numerator, "numerator")
    den = _int64_operand(denominator, "denominator")
    check_places(places)
    if not isinstance(rounding, Rounding):
        rounding = to_enum(rounding, Rounding, field="rounding")
    if (den == 0).any():
        first = int(np.flatnonzero((den == 0).ravel())[0])
        raise InvalidValueError(at("denominator", first, den.shape), "must not be zero", 0)
    num, den = broadcast(numerator=num, denominator=den)
    factor = 10**places
    top_max = max(-int(num.min(initial=0)), int(num.max(initial=0)))
    bottom_max = max(-int(den.min(initial=0)), int(den.max(initial=0)))
    if top_max * factor < FLOAT_EXACT_LIMIT and bottom_max < FLOAT_EXACT_LIMIT:
        return _divide_round_floats(num, den, places, rounding)
    if bottom_max > _INT64_MAX:  # -2**63: no int64 magnitude
        raise InexactArrayError("denominator", "must fit in int64", bottom_max)
    if num.size and top_max * factor * 2 > _INT64_MAX:
        raise InexactArrayError("numerator", "overflows int64 once scaled", top_max)
    negative = (num < 0) != (den < 0)
    top = np.abs(num) * np.int64(factor)
    bottom = np.abs(den)
    quotient, remainder = np.divmod(top, bottom)
    if rounding is Rounding.HALF_UP:
        quotient += 2 * remainder >= bottom
    elif rounding is Rounding.HALF_EVEN:
        twice = 2 * remainder
        quotient += (twice > bottom) | ((twice == bottom) & (quotient % 2 == 1))
    result: Int64Array = np.where(negative, -quotient, quotient)
    return result


def chunks(size: int, chunk: int = CHUNK) -> list[slice]:
    """Slices that cover ``range(size)`` in blocks of at most ``chunk`` elements.

    Examples
    --------
    >>> chunks(5, 2)
    [slice(0, 2, None), slice(2, 4, None), slice(4, 5, None)]
    """
    return [slice(start, min(start + chunk, size)) for start in range(0, size, chunk)]


def floor_divmod(
    numerator: npt.NDArray[np.float64],
    denominator: npt.NDArray[np.float64],
    quotient: npt.NDArray[np.float64],
    remainder: npt.NDArray[np.float64],
    scratch: npt.NDArray[np.bool_],
) -> None:
    """Exact floor division of integer-valued float arrays, into given buffers.

    Parameters
    ----------
    numerator : numpy.ndarray of float64
        Integer values ``N`` with ``|N| + D < 2**53`` (for instance both below
        :data:`FLOAT_EXACT_LIMIT`).
    denominator : numpy.ndarray of float64
        Integer values ``D > 0``.
    quotient, remainder : numpy.ndarray of float64
        Receive ``floor(N / D)`` and ``N - D x floor(N / D)`` (in ``[0, D)``).
    scratch : numpy.ndarray of bool
        Work space of the same shape.

    Notes
    -----
    Let ``k = floor(N / D)``. ``k`` and ``k + 1`` are integers below
    ``2**53``, hence floats, and ``k <= N / D < k + 1``; IEEE division rounds
    monotonically, so ``k <= fl(N / D) <= k + 1`` and ``floor(fl(N / D))`` is
    ``k`` or ``k + 1``. Its product with ``D`` is at most ``N + D < 2**53``,
    an integer and so exact, and so is ``N`` minus it: a negative remainder
    says the estimate was ``k + 1``, and one step down corrects it. No
    result is ever rounded.

    Examples
    --------
    >>> n, d = np.array([37000.0, -7.0]), np.array([360.0, 2.0])
    >>> q, r, s = np.empty(2), np.empty(2), np.empty(2, dtype=bool)
    >>> floor_divmod(n, d, q, r, s)
    >>> q.tolist(), r.tolist()
    ([102.0, -4.0], [280.0, 1.0])
    """
    np.divide(numerator, denominator, out=quotient)
    np.floor(quotient, out=quotient)
    np.multiply(quotient, denominator, out=remainder)
    np.subtract(numerator, remainder, out=remainder)
    np.less(remainder, 0.0, out=scratch)
    if scratch.any():
        np.subtract(quotient, 1.0, out=quotient, where=scratch)
        np.add(remainder, denominator, out=remainder, where=scratch)


def round_quotient(
    quotient: npt.NDArray[np.float64],
    remainder: npt.NDArray[np.float64],
    denominator: npt.NDArray[np.float64],
    rounding: Rounding,
    up: npt.NDArray[np.bool_],
    scratch: npt.NDArray[np.float64],
) -> None:
    """Round a non-negative ``quotient + remainder / denominator`` to an integer, in place.

    Parameters
    ----------
    quotient, remainder, denominator : numpy.ndarray of float64
        As :func:`floor_divmod` leaves them (integer values, remainder in
        ``[0, denominator)``, everything below ``2**53``).
    rounding : Rounding
        The policy; :attr:`~sakip.numbers.Rounding.TRUNCATE` leaves the
        quotient as it is.
    up : numpy.ndarray of bool
        Receives whether the quotient was raised by one (the exact value is
        then below the rounded one).
    scratch : numpy.ndarray of float64
        Work space of the same shape.

    Notes
    -----
    ``2 x remainder`` is exact (a power-of-two scaling), so the comparison
    with the denominator that decides a tie is exact too.

    Examples
    --------
    9,995 (999 + 1/2) and 9,985 half even, scaled by 100:

    >>> q, r, d = np.array([999.0, 998.0]), np.array([1.0, 1.0]), np.array([2.0, 2.0])
    >>> up, work = np.empty(2, dtype=bool), np.empty(2)
    >>> round_quotient(q, r, d, Rounding.HALF_EVEN, up, work)
    >>> q.tolist(), up.tolist()
    ([1000.0, 998.0], [True, False])
    """
    if rounding is Rounding.TRUNCATE:
        up.fill(False)
        return
    np.multiply(remainder, 2.0, out=scratch)
    if rounding is Rounding.HALF_UP:
        np.greater_equal(scratch, denominator, out=up)
    elif rounding is Rounding.HALF_EVEN:
        tie = scratch == denominator
        np.greater(scratch, denominator, out=up)
        up |= tie & (np.fmod(quotient, 2.0) == 1.0)
    else:
        raise InvalidTypeError("rounding", "must be a Rounding", rounding)
    np.add(quotient, 1.0, out=quotient, where=up)


def _divide_round_floats(
    num: Int64Array, den: Int64Array, places: int, rounding: Rounding
) -> Int64Array:
    """:func:`divide_round` in float64 blocks; every integer is below FLOAT_EXACT_LIMIT."""
    shape = num.shape
    num, den = num.ravel(), den.ravel()
    out = np.empty(num.shape, dtype=np.int64)
    size = min(CHUNK, num.size)
    top, bottom, quotient, remainder, scratch = (np.empty(size) for _ in range(5))
    below, up, negative = (np.empty(size, dtype=bool) for _ in range(3))
    factor = float(10**places)
    for part in chunks(num.size):
        n = part.stop - part.start
        t, b, q, r, w = top[:n], bottom[:n], quotient[:n], remainder[:n], scratch[:n]
        neg = negative[:n]
        np.multiply(num[part], factor, out=t)
        np.copyto(b, den[part], casting="unsafe")
        np.less(t, 0.0, out=neg)
        neg ^= b < 0.0
        np.absolute(t, out=t)
        np.absolute(b, out=b)
        floor_divmod(t, b, q, r, below[:n])
        round_quotient(q, r, b, rounding, up[:n], w)
        np.negative(q, out=q, where=neg)
        np.copyto(out[part], q, casting="unsafe")
    return out.reshape(shape)


def count_array(values: ArrayLike, *, field: str = "values") -> Int64Array:
    """Check an array of counts (integers, ``>= 0``, below ``10**15``) and view it as int64.

    Parameters
    ----------
    values : array_like of int
        Counts of people, incidents, records... (any integer width, or
        Python ints; masked elements refused).
    field : str, optional
        Name used in error messages.

    Returns
    -------
    numpy.ndarray of int64
        The same counts; no copy when they already are int64.

    Raises
    ------
    InvalidTypeError
        Not an integer array (floats are refused: a count of 2.0 is a data error).
    InvalidValueError
        A negative count.
    InexactArrayError
        A count of ``10**15`` or more.

    Examples
    --------
    >>> count_array(np.array([22, 0], dtype=np.int8)).tolist()
    [22, 0]
    >>> count_array([3, -1], field="escapes")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'escapes' must be >= 0: -1
    """
    array = to_array(values, field=field)
    if array.dtype.kind not in "iuO":
        raise InvalidTypeError(field, "must be an integer array", array.dtype)
    array = to_integers(array, field=field)
    if array.size and array.min() < 0:
        raise InvalidValueError(field, "must be >= 0", int(array.min()))
    if array.size and int(array.max()) >= _MAX_SCALED_FROM_FLOAT:
        raise InexactArrayError(field, "must be below 10**15 in arrays", int(array.max()))
    result: Int64Array = array.astype(np.int64, copy=False)
    return result


def percent_array(
    part: ArrayLike,
    whole: ArrayLike,
    places: int,
    rounding: Rounding,
    *,
    empty: NumberLike | None = None,
    part_field: str = "part",
    whole_field: str = "whole",
) -> Int64Array:
    """``part / whole x 100`` of count arrays, rounded exactly, scaled by ``10**places``.

    The batch twin of ``round_to(percent(part, whole), places, rounding)``
    for counts where the part can never exceed the whole (records that
    match among all records, detainees without incident among all
    detainees).

    Parameters
    ----------
    part, whole : array_like of int
        Counts, broadcast together (see :func:`count_array`).
    places : int
        Decimal places of the result.
    rounding : Rounding
        As in :func:`~sakip.numbers.round_to`.
    empty : number, optional
        The value (0 to 100) to give where ``whole`` is 0; without it a zero
        whole raises, because no percentage exists.
    part_field, whole_field : str, optional
        Names used in error messages.

    Returns
    -------
    numpy.ndarray of int64

    Raises
    ------
    InvalidValueError
        A part above its whole, or a zero whole without ``empty``.

    Examples
    --------
    >>> percent_array([2, 22, 0], [3, 22, 0], 2, Rounding.HALF_UP, empty=100).tolist()
    [6667, 10000, 10000]
    """
    top, bottom = broadcast(
        **{
            part_field: count_array(part, field=part_field),
            whole_field: count_array(whole, field=whole_field),
        }
    )
    over = top > bottom
    if over.any():
        first = int(np.flatnonzero(over.ravel())[0])
        raise InvalidValueError(
            f"{part_field}[{first}]",
            f"must not exceed {whole_field} ({int(bottom.ravel()[first])})",
            int(top.ravel()[first]),
        )
    zero = bottom == 0
    if zero.any() and empty is None:
        raise InvalidValueError(
            whole_field, "must be > 0 (pass empty= to give the value when it is 0)", 0
        )
    scaled = divide_round(top * 100, np.where(zero, 1, bottom), places, rounding)
    if zero.any():
        fill = scaled_from_decimals([to_percentage(empty, field="empty")], places, field="empty")
        scaled = np.where(zero, fill[0], scaled)
    return scaled
