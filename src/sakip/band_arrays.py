"""The array side of :class:`~sakip.bands.BandScheme`: exact band positions of whole arrays.

The public entry points are the scheme's methods
(:meth:`~sakip.bands.BandScheme.classify_array`,
:meth:`~sakip.bands.BandScheme.classify_scaled_array`,
:meth:`~sakip.bands.BandScheme.classify_ratio_array`), which check their
arguments through :mod:`sakip.coerce` and call the functions here on plain
(unmasked) arrays. Every function gives, element by element, what
:meth:`~sakip.bands.BandScheme.index` gives on the exact value, or raises
its error; ``tests/test_oracle_foundation.py`` holds them to it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from sakip.coerce import at, broadcast, float_values
from sakip.errors import InvalidValueError, OutOfBandError
from sakip.exact_array import CHUNK, chunks
from sakip.numbers import EXACT, UNBOUNDED, divide, to_decimal

if TYPE_CHECKING:
    from sakip.bands import BandScheme

__all__: list[str] = []

# Integers below this have at most 15 significant digits: as float64 they
# compare with every bound exactly (the DBL_DIG argument of sakip.bands).
_EXACT_INT_IN_FLOAT = 10**15


def classify_plain(scheme: BandScheme, array: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
    """:meth:`classify_array` of a checked array without a mask."""
    if array.dtype.kind in "iu":
        if array.size and not (
            int(array.min()) > -_EXACT_INT_IN_FLOAT and int(array.max()) < _EXACT_INT_IN_FLOAT
        ):
            return classify_each(scheme, array)
        array = array.astype(np.float64)
    elif array.dtype.kind == "f":
        if not scheme._floats_exact:
            return classify_each(scheme, array)
        array = float_values(array)
    else:
        return classify_each(scheme, array)
    lowers, uppers = scheme._float_lowers, scheme._float_uppers
    lower_open = np.array([not b.lower_closed for b in scheme.bands])
    upper_closed = np.array([b.upper_closed for b in scheme.bands])
    position = np.searchsorted(lowers, array, side="right") - 1
    clipped = np.clip(position, 0, None)
    # On an open lower bound the value belongs below that band.
    on_open_lower = (position >= 0) & lower_open[clipped] & (array == lowers[clipped])
    position = position - on_open_lower
    clipped = np.clip(position, 0, None)
    inside = (array < uppers[clipped]) | (upper_closed[clipped] & (array == uppers[clipped]))
    below = position < 0
    above = (position == len(scheme.bands) - 1) & ~inside
    if below.any() or above.any():
        first = array[below | above][0]
        scheme.index(Decimal(str(first)))  # raises with the scalar path's message
    in_gap = ~inside & ~below & ~above
    if in_gap.any() and not scheme.gaps_take_lower:
        scheme.index(Decimal(str(array[in_gap][0])))
    result: npt.NDArray[np.intp] = np.asarray(position, dtype=np.intp)
    return result


def classify_each(scheme: BandScheme, array: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
    """The scalar path, element by element (exact for any input, slower)."""
    flat = [
        scheme.index(to_decimal(item, field=at("values", i, array.shape)))
        for i, item in enumerate(array.ravel())
    ]
    return np.array(flat, dtype=np.intp).reshape(array.shape)


def key_thresholds(
    scheme: BandScheme, places: int
) -> tuple[list[int], list[int | None], list[int]]:
    """Integer thresholds for keys ``2 x value x 10**places (+1 just above, -1 just below)``.

    Returns the lower thresholds of the bands that have a lower bound
    (a key passes one when ``key >= threshold``), the upper threshold of
    each band (``key < threshold`` inside; None when unbounded) and the
    positions of the bands whose lower bound is finite.
    """
    lowers: list[int] = []
    uppers: list[int | None] = []
    bounded: list[int] = []
    for position, band in enumerate(scheme.bands):
        if band.lower is not None:
            twice = 2 * int(band.lower.scaleb(places, context=EXACT))
            lowers.append(twice if band.lower_closed else twice + 1)
            bounded.append(position)
        if band.upper is None:
            uppers.append(None)
        else:
            twice = 2 * int(band.upper.scaleb(places, context=EXACT))
            uppers.append(twice + 1 if band.upper_closed else twice)
    return lowers, uppers, bounded


def positions_from_keys(
    scheme: BandScheme,
    keys: npt.NDArray[np.int64],
    thresholds: tuple[list[int], list[int | None], list[int]],
    out: npt.NDArray[np.intp],
    passed: npt.NDArray[np.bool_],
    count: npt.NDArray[np.int16],
) -> npt.NDArray[np.bool_] | None:
    """Band positions of exact keys (see :meth:`classify_scaled_array`), in ``out``.

    ``passed`` and ``count`` are work space of the keys' shape. Returns a
    mask of the keys that fall outside every band (below the first,
    above the last, or in a gap whose policy raises), or None when there
    is none.
    """
    lowers, uppers, bounded = thresholds
    first_unbounded = scheme.bands[0].lower is None
    # Bands are sorted, so the lower thresholds increase and the position
    # is the number of them passed: a searchsorted on integers, done with
    # one comparison per bound while there are few.
    if len(lowers) <= 16:
        count.fill(0 if first_unbounded else -1)
        for threshold in lowers:
            np.greater_equal(keys, threshold, out=passed)
            np.add(count, passed, out=count)
        np.copyto(out, count)
    else:
        out[...] = np.searchsorted(np.array(lowers, dtype=np.int64), keys, side="right")
        if not first_unbounded:
            out -= 1
    outside: npt.NDArray[np.bool_] | None = None
    last = uppers[-1]
    if last is not None:
        outside = keys >= last
    if not first_unbounded:
        below = out < 0
        outside = below if outside is None else outside | below
    if scheme.gaps and not scheme.gaps_take_lower:
        for position in range(len(scheme.bands) - 1):
            upper = uppers[position]
            next_lower = lowers[bounded.index(position + 1)]
            assert upper is not None
            if upper < next_lower:
                in_gap = (keys >= upper) & (keys < next_lower)
                outside = in_gap if outside is None else outside | in_gap
    if outside is not None and not outside.any():
        return None
    return outside


def classify_scaled(
    scheme: BandScheme,
    array: npt.NDArray[Any],
    places: int,
    extra: npt.NDArray[Any] | None,
) -> npt.NDArray[np.intp]:
    """:meth:`classify_scaled_array` of checked integer arrays without a mask."""
    shift = 0
    if extra is not None:
        array, extra = broadcast(scaled=array, residual=extra)
    else:
        shift = max(0, scheme.places - places)
    key_places = places + shift
    bounds = [b for band in scheme.bands for b in (band.lower, band.upper) if b is not None]
    bound_max = max((abs(int(b.scaleb(key_places, context=EXACT))) for b in bounds), default=0)
    value_max = max(-int(array.min(initial=0)), int(array.max(initial=0))) * 10**shift
    if (
        array.dtype != np.int64
        or (extra is not None and extra.dtype.kind != "i")
        or 2 * max(bound_max, value_max) + 2 > 2**62
    ):
        # Keys beyond int64: the scalar path, element by element (exact).
        return classify_scaled_each(scheme, array, places, extra)
    shape = array.shape
    flat = array.ravel()
    flat_extra = None if extra is None else extra.ravel()
    out = np.empty(flat.shape, dtype=np.intp)
    size = min(CHUNK, flat.size)
    keys = np.empty(size, dtype=np.int64)
    passed = np.empty(size, dtype=bool)
    count = np.empty(size, dtype=np.int16)
    thresholds = key_thresholds(scheme, key_places)
    multiplier = 2 * 10**shift
    for part in chunks(flat.size):
        n = part.stop - part.start
        k = keys[:n]
        np.multiply(flat[part], multiplier, out=k, casting="unsafe")
        if flat_extra is not None:
            np.add(k, flat_extra[part], out=k, casting="unsafe")
        outside = positions_from_keys(scheme, k, thresholds, out[part], passed[:n], count[:n])
        if outside is not None:
            first = part.start + int(np.flatnonzero(outside)[0])
            classify_scaled_one(
                scheme,
                int(flat[first]),
                places,
                0 if flat_extra is None else int(flat_extra[first]),
            )
            raise AssertionError("unreachable: the scalar path raises")
    return out.reshape(shape)


def classify_scaled_one(scheme: BandScheme, scaled: int, places: int, residual: int) -> int:
    """The band of one scaled value (just above or below it with a residual)."""
    value = Decimal(scaled).scaleb(-places, context=UNBOUNDED)
    if residual == 0:
        return scheme.index(value)
    # Every bound has at most ``places`` decimals, so one band holds the whole
    # open unit on that side: the value half a unit away decides it.
    half = Decimal(5 * (2 * scaled + residual)).scaleb(-(places + 1), context=UNBOUNDED)
    try:
        return scheme.index(half)
    except OutOfBandError:
        side = "above" if residual > 0 else "below"
        raise OutOfBandError(scheme.name, f"has no band for a value just {side}", value) from None


def classify_scaled_each(
    scheme: BandScheme, array: npt.NDArray[Any], places: int, extra: npt.NDArray[Any] | None
) -> npt.NDArray[np.intp]:
    """:meth:`classify_scaled_array` with Python integers (any size, slower)."""
    flat_extra = None if extra is None else extra.ravel()
    positions = [
        classify_scaled_one(
            scheme, int(item), places, 0 if flat_extra is None else int(flat_extra[i])
        )
        for i, item in enumerate(array.ravel())
    ]
    return np.array(positions, dtype=np.intp).reshape(array.shape)


def classify_ratio(
    scheme: BandScheme, num: npt.NDArray[Any], den: npt.NDArray[Any]
) -> npt.NDArray[np.intp]:
    """:meth:`classify_ratio_array` of checked integer arrays without a mask."""
    zero = den == 0
    if zero.any():
        first = int(np.flatnonzero(zero.ravel())[0])
        raise InvalidValueError(at("denominator", first, den.shape), "must not be zero", 0)
    if num.dtype != np.int64 or den.dtype != np.int64:
        # Python integers: exact at any size (to_integers gives int64 only
        # where every magnitude fits, so negation below never wraps).
        num, den = num.astype(object), den.astype(object)
    num = np.where(den < 0, -num, num)
    den = np.where(den < 0, -den, den)
    wide = num.dtype == object
    num_max = max(-int(num.min(initial=0)), int(num.max(initial=0)))
    den_max = int(den.max(initial=1))

    def compare(bound: Decimal) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        exponent = bound.as_tuple().exponent
        assert isinstance(exponent, int)
        shift = max(0, -exponent)
        scaled_bound = int(bound.scaleb(shift, context=UNBOUNDED))
        limit = max(num_max * 10**shift, abs(scaled_bound) * den_max)
        if wide or limit > 2**62:
            # Beyond int64: Python integers, exact and slower (figures of
            # tens of billions with many decimals; never report figures).
            wide_left = num.astype(object) * 10**shift
            wide_right = den.astype(object) * scaled_bound
            return (
                np.asarray(wide_left > wide_right, dtype=bool),
                np.asarray(wide_left == wide_right, dtype=bool),
            )
        left = num * np.int64(10**shift)
        right = np.int64(scaled_bound) * den
        return left > right, left == right

    passed = np.zeros(num.shape, dtype=np.intp)
    uppers_inside: list[npt.NDArray[np.bool_] | None] = []
    for band in scheme.bands:
        if band.lower is None:
            passed += 1
        else:
            greater, equal = compare(band.lower)
            passed += greater | (equal & band.lower_closed)
        if band.upper is None:
            uppers_inside.append(None)
        else:
            greater, equal = compare(band.upper)
            uppers_inside.append(~greater & (~equal | band.upper_closed))
    position = passed - 1
    # Inside the band passed: a loop over the bands (np.choose stops at 32).
    inside = np.zeros(num.shape, dtype=bool)
    for number, upper_inside in enumerate(uppers_inside):
        here = position == number
        inside |= here if upper_inside is None else here & upper_inside
    if not inside.all():
        outside = ~inside
        below_first = position < 0
        above_last = (position == len(scheme.bands) - 1) & outside
        strict = below_first | above_last
        if not scheme.gaps_take_lower:
            strict = outside
        if strict.any():
            first = np.flatnonzero(strict.ravel())[0]
            scheme.index(divide(int(num.ravel()[first]), int(den.ravel()[first])))
    result: npt.NDArray[np.intp] = position.astype(np.intp, copy=False)
    return result


def unmasked(
    mask: npt.NDArray[np.bool_],
    arrays: tuple[npt.NDArray[Any], ...],
    classify: Callable[..., npt.NDArray[np.intp]],
) -> npt.NDArray[np.intp]:
    """Classify the elements not masked; masked ones stay masked, with data ``-1``."""
    out = np.full(mask.shape, -1, dtype=np.intp)
    valid = ~mask
    if valid.any():
        out[valid] = classify(*(np.asarray(a)[valid] for a in arrays))
    result: npt.NDArray[np.intp] = np.ma.MaskedArray(out, mask=mask.copy())
    return result
