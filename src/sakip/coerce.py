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
    "INT64_MAX",
    "INT64_SAFE",
    "ArrayLike",
    "NumberLike",
    "at",
    "broadcast",
    "float_values",
    "same_shape",
    "to_array",
    "to_bool",
    "to_bounded",
    "to_count",
    "to_enum",
    "to_integers",
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


def _verified(value: bool) -> bool:
    """The ``verified`` flag of a rule, a table or a weighting: :func:`to_bool` as an attrs converter.

    One named function shared by every class with such a flag (mypy's attrs
    plugin takes only named functions as converters).

    Examples
    --------
    >>> _verified(False)
    False
    >>> _verified("yes")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'verified' must be True or False: 'yes'
    """
    return to_bool(value, field="verified")


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
    low: NumberLike | None = None,
    high: NumberLike | None = None,
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


def at(field: str, index: int, shape: tuple[int, ...]) -> str:
    """The name of one element of an array argument, for error messages.

    Examples
    --------
    >>> at("target", 3, (5,)), at("scores", 4, (2, 3)), at("value", 0, ())
    ('target[3]', 'scores[1, 1]', 'value')
    """
    if not shape:
        return field
    where = np.unravel_index(index, shape)
    return f"{field}[{', '.join(str(int(i)) for i in where)}]"


def to_array(
    values: object,
    *,
    field: str,
    ndim: int | None = None,
    allow_mask: bool = False,
    allow_nan: bool = False,
) -> np.ndarray[Any, Any]:
    """The array front door: every array argument of :mod:`sakip` passes here first.

    Parameters
    ----------
    values : array_like
        A numpy array of any integer width (``int8`` to ``uint64``) or float
        width (``float16``, ``float32``, ``float64``), a masked array, an
        object array of ``Decimal``/``int``/``float``/``str``, or a (nested)
        sequence of numbers. A ``str``, a ``bool`` array and complex, text
        or datetime arrays are refused.
    field : str
        Name used in error messages.
    ndim : int, optional
        The number of dimensions required.
    allow_mask : bool, default False
        Whether masked elements may be present. When ``False`` a masked array
        with any masked element is refused (a mask is never dropped); when
        ``True`` the masked array is returned as it is, for the caller to
        honour its mask.
    allow_nan : bool, default False
        Whether NaN elements of a float array pass (for callers where NaN
        means "no answer", as in Likert matrices); infinities never pass.

    Returns
    -------
    numpy.ndarray
        The array (no copy where none is needed), or the masked array when
        ``allow_mask`` and some element is masked. Plain sequences whose items
        are not all ``int`` or ``float`` become object arrays, each item kept
        as given, so that ``Decimal("0.1")`` stays exact.

    Raises
    ------
    InvalidTypeError
        A ``str``, a ``bool`` array, a complex, text or datetime array.
    InvalidValueError
        The wrong number of dimensions, masked elements where none are
        allowed, a ragged sequence, or a NaN or infinite float element (not
        masked); the field names the element's position (``'target[2]'``).

    Notes
    -----
    A float element means the number its shortest ``repr`` in its own dtype
    writes (``str(np.float32(88.31))`` is ``'88.31'``), exactly as
    :func:`~sakip.numbers.to_decimal` reads a float scalar; use
    :func:`float_values` to get those numbers as ``float64``, never the
    binary value of a ``float32`` widened.

    Examples
    --------
    >>> to_array([1, 2, 3], field="target").dtype.kind
    'i'
    >>> to_array(np.ma.array([1.0, 2.0], mask=[0, 1]), field="target")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must have no masked elements: 1
    >>> to_array([1.5, float("nan")], field="target")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target[1]' must be a finite number: nan
    """
    if isinstance(values, str | bytes):
        raise InvalidTypeError(field, "must be an array of numbers, not a str", values)
    mask: np.ndarray[Any, Any] | None = None
    if isinstance(values, np.ma.MaskedArray):
        full = np.ma.getmaskarray(values)
        masked = int(np.count_nonzero(full))
        if masked and not allow_mask:
            raise InvalidValueError(field, "must have no masked elements", masked)
        array: np.ndarray[Any, Any] = values if masked else np.asarray(values.data)
        if masked:
            mask = full
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
            try:
                array[...] = values
            except (ValueError, TypeError) as error:
                raise InvalidValueError(
                    field, "must be a rectangular array of numbers", str(error)
                ) from None
    kind = array.dtype.kind
    if kind == "b":
        raise InvalidTypeError(field, "must be an array of numbers, not of bools", array.dtype)
    if kind not in "iufO":
        raise InvalidTypeError(field, "must be an array of numbers", array.dtype)
    if ndim is not None and array.ndim != ndim:
        raise InvalidValueError(field, f"must have {ndim} dimension(s)", array.ndim)
    if kind == "f":
        data = np.asarray(array)
        finite = np.isfinite(data)
        if mask is not None:
            finite |= mask
        if allow_nan:
            finite |= np.isnan(data)
        if not finite.all():
            first = int(np.flatnonzero(~finite.ravel())[0])
            raise InvalidValueError(
                at(field, first, data.shape), "must be a finite number", data.ravel()[first].item()
            )
    return array


def float_values(array: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The numbers a float array's elements write, as ``float64``.

    A ``float64`` array is returned as it is. A ``float16`` or ``float32``
    element means its shortest ``repr`` in its own dtype (``88.31`` for
    ``np.float32(88.31)``, as :func:`~sakip.numbers.to_decimal` reads it),
    never the binary value widened (``88.30999755859375``); that decimal
    has at most 9 significant digits, so its nearest ``float64`` stands for
    it exactly in every comparison with a decimal of at most 15 digits.

    Examples
    --------
    >>> float_values(np.array([88.31], dtype=np.float32)).tolist()
    [88.31]
    >>> np.array([88.31], dtype=np.float32).astype(np.float64).tolist()
    [88.30999755859375]
    """
    if array.dtype == np.float64:
        return array
    if array.dtype.kind != "f" or array.dtype.itemsize > 8:
        raise InvalidTypeError(
            "values", "must be a float16, float32 or float64 array", array.dtype
        )
    return np.asarray(np.asarray(array).astype(str), dtype=np.float64)


#: Largest magnitude an ``int64`` holds on both sides (``-2**63`` has no
#: ``int64`` negation, so it is refused as a magnitude).
INT64_MAX = 2**63 - 1


def to_integers(values: object, *, field: str, allow_mask: bool = False) -> np.ndarray[Any, Any]:
    """An integer array as ``int64``, or as Python ints where ``int64`` would not hold it.

    Every integer dtype (``int8`` to ``uint64``) and object arrays of ints
    are accepted. Elements whose magnitude fits in ``int64``
    (``|x| <= 2**63 - 1``) give an ``int64`` array (no copy for ``int64``
    input), so that negating any element cannot wrap; otherwise the result
    is an object array of exact Python ints, never a wrapped value.

    Raises
    ------
    InvalidTypeError
        Floats, bools or non-integer objects (a count of 2.0 is a data error);
        masked elements of an object array are not looked at (they become 0
        under the mask).

    Examples
    --------
    >>> to_integers(np.array([-128, 127], dtype=np.int8), field="n").dtype
    dtype('int64')
    >>> to_integers(np.array([2**64 - 1], dtype=np.uint64), field="n").tolist()
    [18446744073709551615]
    >>> to_integers([1.5], field="n")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'n' must be an array of integers: dtype('float64')
    """
    array = to_array(values, field=field, allow_mask=allow_mask)
    mask = np.ma.getmask(array) if isinstance(array, np.ma.MaskedArray) else None
    data = np.asarray(array.data if isinstance(array, np.ma.MaskedArray) else array)
    kind = data.dtype.kind
    ints: list[int] | None
    result: np.ndarray[Any, Any]
    if kind == "O":
        flat = data.ravel()
        if mask is not None and mask is not np.ma.nomask:
            # Masked elements are not looked at (they may hold anything).
            flat = np.where(np.ravel(mask), 0, flat)
        for index, item in enumerate(flat):
            if isinstance(item, bool | np.bool_) or not isinstance(item, int | np.integer):
                raise InvalidTypeError(at(field, index, data.shape), "must be an integer", item)
        ints = [int(item) for item in flat]
    elif kind in "iu":
        if data.dtype == np.int64 and (not data.size or int(data.min()) >= -INT64_MAX):
            ints = None
            result = data
        elif data.size and (int(data.max()) > INT64_MAX or int(data.min()) < -INT64_MAX):
            ints = [int(item) for item in data.ravel()]
        else:
            ints = None
            result = data.astype(np.int64)
    else:
        raise InvalidTypeError(field, "must be an array of integers", data.dtype)
    if ints is not None:
        if all(-INT64_MAX <= item <= INT64_MAX for item in ints):
            result = np.array(ints, dtype=np.int64).reshape(data.shape)
        else:
            result = np.array(ints, dtype=object).reshape(data.shape)
    if mask is not None and mask is not np.ma.nomask:
        return np.ma.MaskedArray(result, mask=mask)
    return result


def broadcast(**arrays: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], ...]:
    """Arrays given together, broadcast to one shape, or an error naming the one that does not fit.

    Examples
    --------
    >>> [a.tolist() for a in broadcast(part=np.array([1, 2]), whole=np.array(3))]
    [[1, 2], [3, 3]]
    >>> broadcast(part=np.zeros(3), whole=np.zeros(2))
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'whole' must broadcast with 'part' (3,): (2,)
    """
    names = list(arrays)
    try:
        return tuple(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shape: tuple[int, ...] = ()
        for number, name in enumerate(names):
            try:
                shape = np.broadcast_shapes(shape, arrays[name].shape)
            except ValueError:
                raise InvalidValueError(
                    name,
                    f"must broadcast with {', '.join(repr(n) for n in names[:number])} {shape}",
                    arrays[name].shape,
                ) from None
        raise


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
