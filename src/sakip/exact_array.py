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
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import EXACT, Rounding, to_decimal, to_percentage

__all__ = [
    "InexactArrayError",
    "count_array",
    "divide_round",
    "percent_array",
    "scaled_from_decimals",
    "scaled_from_floats",
    "scaled_to_decimals",
]

Int64Array = npt.NDArray[np.int64]

# Scaled magnitudes below 10**15 have at most 15 significant digits, so the
# float nearest to them identifies the decimal uniquely (DBL_DIG = 15).
_MAX_SCALED_FROM_FLOAT = 10**15
_INT64_MAX = 2**63 - 1


class InexactArrayError(InvalidValueError):
    """An array the exact batch path cannot represent (too many decimals, too large)."""


def scaled_from_floats(values: npt.ArrayLike, places: int, *, field: str = "values") -> Int64Array:
    """Scale floats that carry at most ``places`` decimals to exact ``int64``.

    Parameters
    ----------
    values : array_like of float or int
        Each element must be the float nearest to a decimal with at most
        ``places`` decimals and fewer than 15 significant digits once scaled.
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
        An element with more decimals than ``places``, or too large.
    InvalidValueError
        NaN or infinity.

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
    sakip.exact_array.InexactArrayError: 'values' must have at most 2 decimal places: 0.30000000000000004
    """
    array = np.asarray(values)
    if array.dtype.kind in "iu":
        return scaled_from_decimals(array.ravel().tolist(), places, field=field).reshape(
            array.shape
        )
    if array.dtype.kind != "f":
        raise InvalidTypeError(field, "must be a float or int array", array.dtype)
    array = array.astype(np.float64, copy=False)
    if not np.isfinite(array).all():
        raise InvalidValueError(field, "must be finite numbers", array[~np.isfinite(array)][0])
    factor = np.float64(10**places)
    scaled = np.rint(array * factor)
    if array.size and np.abs(scaled).max() >= _MAX_SCALED_FROM_FLOAT:
        raise InexactArrayError(field, "must be below 10**15 once scaled", np.abs(array).max())
    mismatch = (scaled / factor) != array
    if mismatch.any():
        raise InexactArrayError(
            field, f"must have at most {places} decimal places", array[mismatch][0].item()
        )
    return scaled.astype(np.int64)


def scaled_from_decimals(
    values: Iterable[object], places: int, *, field: str = "values"
) -> Int64Array:
    """Scale exact numbers (Decimal, int, str) to ``int64`` with ``places`` decimals.

    Parameters
    ----------
    values : iterable of int, str or Decimal
        Converted with :func:`~sakip.numbers.to_decimal`.
    places : int
        Decimal places to keep; an element with more raises.

    Returns
    -------
    numpy.ndarray of int64

    Raises
    ------
    InexactArrayError
        An element with more decimals than ``places``, or beyond ``int64``.

    Examples
    --------
    >>> scaled_from_decimals([Decimal("2.89"), "2.5", 7], 2).tolist()
    [289, 250, 700]
    """
    out = []
    for value in values:
        number = to_decimal(value, field=field)
        scaled = EXACT.multiply(number, Decimal(10) ** places)
        if scaled != scaled.to_integral_value():
            raise InexactArrayError(field, f"must have at most {places} decimal places", number)
        integer = int(scaled)
        if abs(integer) > _INT64_MAX:
            raise InexactArrayError(field, "must fit in int64 once scaled", number)
        out.append(integer)
    return np.array(out, dtype=np.int64)


def scaled_to_decimals(scaled: npt.ArrayLike, places: int) -> list[Decimal]:
    """Turn scaled integers back into exact Decimals with ``places`` decimals.

    Examples
    --------
    >>> scaled_to_decimals(np.array([10277, -5]), 2)
    [Decimal('102.77'), Decimal('-0.05')]
    """
    return [Decimal(int(item)).scaleb(-places, context=EXACT) for item in np.ravel(scaled)]


def divide_round(
    numerator: npt.ArrayLike,
    denominator: npt.ArrayLike,
    places: int,
    rounding: Rounding,
) -> Int64Array:
    """``round(numerator / denominator, places)`` for integer arrays, exactly, scaled.

    Parameters
    ----------
    numerator, denominator : array_like of int
        Integers (broadcast together); no denominator may be zero.
    places : int
        Decimal places of the result.
    rounding : Rounding
        The same policies as :func:`~sakip.numbers.round_to`.

    Returns
    -------
    numpy.ndarray of int64
        The rounded quotient times ``10**places``: element for element what
        ``round_to(Decimal(n) / Decimal(d), places, rounding)`` gives, scaled.

    Raises
    ------
    InvalidValueError
        A zero denominator.
    InexactArrayError
        ``numerator x 10**places`` would overflow ``int64``.

    Examples
    --------
    Capaian 3,70 / 3,60 and NKA (100,00 + 99,95) / 2, from scaled inputs:

    >>> divide_round([370 * 100], [360], 2, Rounding.TRUNCATE).tolist()
    [10277]
    >>> divide_round([10000 + 9995], [200], 2, Rounding.HALF_UP).tolist()
    [9998]
    """
    num = np.asarray(numerator)
    den = np.asarray(denominator)
    if num.dtype.kind not in "iu" or den.dtype.kind not in "iu":
        raise InvalidTypeError("numerator", "must be integer arrays", (num.dtype, den.dtype))
    num = num.astype(np.int64, copy=False)
    den = den.astype(np.int64, copy=False)
    if (den == 0).any():
        raise InvalidValueError("denominator", "must not be zero", 0)
    factor = 10**places
    if num.size and int(np.abs(num).max()) * factor * 2 > _INT64_MAX:
        raise InexactArrayError("numerator", "overflows int64 once scaled", int(np.abs(num).max()))
    negative = (num < 0) != (den < 0)
    top = np.abs(num) * np.int64(factor)
    bottom = np.abs(den)
    quotient, remainder = np.divmod(top, bottom)
    if rounding is Rounding.HALF_UP:
        quotient += 2 * remainder >= bottom
    elif rounding is Rounding.HALF_EVEN:
        twice = 2 * remainder
        quotient += (twice > bottom) | ((twice == bottom) & (quotient % 2 == 1))
    elif rounding is not Rounding.TRUNCATE:
        raise InvalidTypeError("rounding", "must be a Rounding", rounding)
    result: Int64Array = np.where(negative, -quotient, quotient)
    return result


def count_array(values: npt.ArrayLike, *, field: str = "values") -> Int64Array:
    """Check an array of counts (integers, ``>= 0``, below ``10**15``) and view it as int64.

    Parameters
    ----------
    values : array_like of int
        Counts of people, incidents, records...
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
    array = np.asarray(values)
    if array.dtype.kind not in "iu":
        raise InvalidTypeError(field, "must be an integer array", array.dtype)
    if array.size and array.min() < 0:
        raise InvalidValueError(field, "must be >= 0", int(array.min()))
    if array.size and int(array.max()) >= _MAX_SCALED_FROM_FLOAT:
        raise InexactArrayError(field, "must be below 10**15 in arrays", int(array.max()))
    result: Int64Array = array.astype(np.int64, copy=False)
    return result


def percent_array(
    part: npt.ArrayLike,
    whole: npt.ArrayLike,
    places: int,
    rounding: Rounding,
    *,
    empty: object = None,
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
    top, bottom = np.broadcast_arrays(
        count_array(part, field=part_field), count_array(whole, field=whole_field)
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
