"""One front door for every argument: numbers, counts, enums, flags, sequences, arrays.

Every public function of :mod:`sakip` turns its arguments into the types its
formulas use through the functions of this module, so that the same input
gets the same answer (or the same :class:`~sakip.errors.SakipError`) in every
module:

- numbers: :func:`~sakip.numbers.to_decimal` (``int``, ``Decimal``, plain
  numeral ``str``, ``float`` through ``str``), :func:`to_count`,
  :func:`to_positive_int`, :func:`to_bounded`;
- enums: :func:`to_enum` takes the member or its value, nothing else;
- flags: :func:`to_bool` takes ``True`` or ``False`` only (``"no"`` is not
  ``True``);
- sequences: :func:`to_sequence` refuses a ``str`` (never walked character by
  character), a mapping and a bare scalar;
- arrays: :func:`to_array` is the array front door (dtype, mask, shape and
  overflow rules, see its docstring); :func:`same_shape` checks that arrays
  given together agree.

The type aliases :data:`NumberLike` and :data:`ArrayLike` annotate public
parameters, so a caller's type checker learns what each one takes.

Examples
--------
>>> from sakip.numbers import Rounding
>>> to_enum("truncate", Rounding, field="rounding")
<Rounding.TRUNCATE: 'truncate'>
>>> to_sequence("1234", field="quarters")
Traceback (most recent call last):
...
sakip.errors.InvalidTypeError: 'quarters' must be a sequence of values, not a str: '1234'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt

from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import NumberLike, to_count, to_decimal

__all__ = [
    "INT64_SAFE",
    "ArrayLike",
    "NumberLike",
    "same_shape",
    "to_array",
    "to_bool",
    "to_bounded",
    "to_count",
    "to_enum",
    "to_positive_int",
    "to_sequence",
    "to_text",
]

#: What every array parameter accepts: a numpy array (masked arrays included),
#: or a (nested) sequence of :data:`NumberLike`.
ArrayLike: TypeAlias = "npt.ArrayLike | Iterable[Any]"

#: Magnitudes below this are exact in float64 and leave int64 headroom for a
#: sum, a product by 100 and a product by ``10**places`` (``places <= 3``):
#: ``10**15 * 100 * 1000 < 2**63``.
INT64_SAFE = 10**15

E = TypeVar("E", bound=enum.Enum)


def to_enum(value: object, enum_type: type[E], *, field: str) -> E:
    """An enum member, given as the member itself or as its value.

    Parameters
    ----------
    value : enum member or its value
        ``Rounding.TRUNCATE`` or ``"truncate"``; the member's *name* is not
        accepted (one spelling per member).
    enum_type : type of enum.Enum
        The enum.
    field : str
        Name used in error messages.

    Raises
    ------
    InvalidValueError
        Any other value; the message lists the accepted values.

    Examples
    --------
    >>> from sakip.numbers import Rounding
    >>> to_enum(Rounding.HALF_UP, Rounding, field="rounding")
    <Rounding.HALF_UP: 'half_up'>
    >>> to_enum("displayed", Rounding, field="rounding")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'rounding' must be one of ['truncate', 'half_up', 'half_even']: 'displayed'
    """
    if isinstance(value, enum_type):
        return value
    if not isinstance(value, enum.Enum | bool):
        for member in enum_type:
            if type(member.value) is type(value) and member.value == value:
                return member
    accepted = [member.value for member in enum_type]
    raise InvalidValueError(field, f"must be one of {accepted}", value)


def to_bool(value: object, *, field: str) -> bool:
    """``True`` or ``False`` (numpy's ``bool_`` too), and nothing else.

    Examples
    --------
    >>> to_bool(False, field="floor_at_zero")
    False
    >>> to_bool("no", field="floor_at_zero")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'floor_at_zero' must be True or False: 'no'
    """
    if isinstance(value, bool | np.bool_):
        return bool(value)
    raise InvalidTypeError(field, "must be True or False", value)


def to_positive_int(value: object, *, field: str) -> int:
    """A whole number ``>= 1`` (respondents, items, places of a scale).

    Examples
    --------
    >>> to_positive_int("22", field="respondents")
    22
    >>> to_positive_int(0, field="respondents")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'respondents' must be >= 1: 0
    """
    count = to_count(value, field=field)
    if count < 1:
        raise InvalidValueError(field, "must be >= 1", count)
    return count


def to_bounded(
    value: object,
    *,
    field: str,
    low: object = None,
    high: object = None,
) -> Decimal:
    """An exact number inside the closed interval ``[low, high]`` (either end optional).

    Examples
    --------
    >>> to_bounded("59.5", field="pengungkit", low=0, high=60)
    Decimal('59.5')
    >>> to_bounded(61, field="pengungkit", low=0, high=60)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'pengungkit' must lie in [0, 60]: 61
    """
    number = to_decimal(value, field=field)
    lower = None if low is None else to_decimal(low, field="low")
    upper = None if high is None else to_decimal(high, field="high")
    if (lower is not None and number < lower) or (upper is not None and number > upper):
        if upper is None:
            rule = f"must be >= {lower}"
        elif lower is None:
            rule = f"must be <= {upper}"
        else:
            rule = f"must lie in [{lower}, {upper}]"
        raise InvalidValueError(field, rule, number)
    return number


def to_text(value: object, *, field: str) -> str:
    """A ``str`` (names, labels, units of measure), stripped of surrounding blanks.

    Examples
    --------
    >>> to_text("  Palangka Raya ", field="name")
    'Palangka Raya'
    >>> to_text(7, field="name")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'name' must be a str: 7
    """
    if not isinstance(value, str):
        raise InvalidTypeError(field, "must be a str", value)
    return value.strip()


def to_sequence(value: object, *, field: str) -> tuple[Any, ...]:
    """The items of a list, tuple, 1-d array or other iterable, as a tuple.

    A ``str`` or ``bytes`` (which Python would walk character by
    character), a mapping (which would give its keys) and a scalar are
    refused.

    Examples
    --------
    >>> to_sequence([1, 2], field="answers"), to_sequence(range(2), field="answers")
    ((1, 2), (0, 1))
    >>> to_sequence(5, field="answers")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'answers' must be a sequence of values: 5
    """
    if isinstance(value, str | bytes):
        raise InvalidTypeError(
            field, f"must be a sequence of values, not a {type(value).__name__}", value
        )
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, "must be a sequence of values", value)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        raise InvalidTypeError(field, "must be a sequence of values", value)
    return tuple(value)


def to_array(
    values: object,
    *,
    field: str,
    ndim: int | None = None,
    allow_mask: bool = False,
) -> np.ndarray[Any, Any]:
    """The array front door: every array argument of :mod:`sakip` passes here first.

    Parameters
    ----------
    values : array_like
        A numpy array (any integer or float dtype, ``bool`` refused), a
        masked array, an object array of ``Decimal``/``int``/``str``, or a
        (nested) sequence of numbers. A ``str`` is refused.
    field : str
        Name used in error messages.
    ndim : int, optional
        The number of dimensions required.
    allow_mask : bool, default False
        Whether masked elements may be present. When ``False`` a masked array
        with any masked element is refused (a mask is never dropped); when
        ``True`` the masked array is returned as it is, for the caller to
        honour its mask.

    Returns
    -------
    numpy.ndarray
        The array (no copy where none is needed). Plain sequences whose items
        are not all ``int`` or ``float`` become object arrays, each item kept
        as given, so that ``Decimal("0.1")`` stays exact.

    Raises
    ------
    InvalidTypeError
        A ``str``, a ``bool`` array, a complex, text or datetime array.
    InvalidValueError
        The wrong number of dimensions, or masked elements where none are
        allowed.

    Examples
    --------
    >>> to_array([1, 2, 3], field="target").dtype.kind
    'i'
    >>> to_array(np.ma.array([1.0, 2.0], mask=[0, 1]), field="target")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must have no masked elements: 1
    """
    if isinstance(values, str | bytes):
        raise InvalidTypeError(field, "must be an array of numbers, not a str", values)
    if isinstance(values, np.ma.MaskedArray):
        masked = int(np.count_nonzero(np.ma.getmaskarray(values)))
        if masked and not allow_mask:
            raise InvalidValueError(field, "must have no masked elements", masked)
        array: np.ndarray[Any, Any] = values if masked else np.asarray(values.data)
    elif isinstance(values, np.ndarray):
        array = values
    else:
        try:
            array = np.asarray(values)
        except (ValueError, TypeError) as error:
            raise InvalidValueError(
                field, "must be a rectangular array of numbers", str(error)
            ) from None
        if array.dtype.kind in "USO" and array.size:
            # Mixed input such as [Decimal("0.1"), 2]: keep each item as given.
            array = np.empty(array.shape, dtype=object)
            array[...] = values
    kind = array.dtype.kind
    if kind == "b":
        raise InvalidTypeError(field, "must be an array of numbers, not of bools", array.dtype)
    if kind not in "iufO":
        raise InvalidTypeError(field, "must be an array of numbers", array.dtype)
    if ndim is not None and array.ndim != ndim:
        raise InvalidValueError(field, f"must have {ndim} dimension(s)", array.ndim)
    return array


def same_shape(**arrays: np.ndarray[Any, Any]) -> tuple[int, ...]:
    """The common shape of arrays given together, or an error naming the first that differs.

    Examples
    --------
    >>> same_shape(target=np.zeros(3), realization=np.zeros(3))
    (3,)
    >>> same_shape(target=np.zeros(3), realization=np.zeros(2))
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'realization' must have the shape of 'target' (3,): (2,)
    """
    names = list(arrays)
    first = names[0]
    shape: tuple[int, ...] = arrays[first].shape
    for name in names[1:]:
        if arrays[name].shape != shape:
            raise InvalidValueError(
                name, f"must have the shape of {first!r} {shape}", arrays[name].shape
            )
    return shape
