"""The two exact routes of :func:`sakip.capaian.achievement_array` (private).

- :func:`block_path`: float64 blocks with the exact correction of
  :func:`~sakip.exact_array.floor_divmod`, for report-sized figures;
- :func:`exact_path`: exact integers, ``int64`` where no intermediate product
  can leave it and Python integers (object arrays) beyond, so that no value
  ever wraps.

Both return the arrays of an :class:`~sakip.capaian.AchievementArray`
(scaled, status, numerator, denominator, residual). A polarity arrives as
:data:`Formulas`: one code for all (:data:`HIGHER`, :data:`PERMEN`,
:data:`INVERSE`) or per-element masks of the two lower-is-better formulas.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from sakip.coerce import ArrayLike, to_array
from sakip.errors import InvalidValueError
from sakip.exact_array import (
    CHUNK,
    FLOAT_EXACT_LIMIT,
    InexactArrayError,
    chunks,
    floor_divmod,
    round_quotient,
)
from sakip.numbers import UNBOUNDED, Rounding, RoundingPolicy, to_decimal

HIGHER, PERMEN, INVERSE = 0, 1, 2
#: (one code for all, or None; PermenPANRB mask; inverse mask).
Formulas = tuple[int | None, npt.NDArray[np.bool_] | None, npt.NDArray[np.bool_] | None]
#: scaled, status, numerator, denominator, residual.
Arrays = tuple[npt.NDArray[Any], ...]

INT64_MAX = 2**63 - 1
#: Inputs of the batch path up to this magnitude (``10**30``) are computed
#: exactly; beyond it they are refused with :class:`InexactArrayError`.
_MAX_ADJUSTED = 30


def figures(values: ArrayLike, field: str) -> npt.NDArray[Any]:
    """The front door of a figure array: float16/32 read as typed, other floats as Decimals."""
    array = to_array(values, field=field)
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        # Each element's shortest decimal in its own dtype (what the user typed),
        # then the float64 nearest to it: str(float32(88.31)) is '88.31'.
        return array.astype(str).astype(np.float64)
    if array.dtype.kind == "f" and array.dtype != np.float64:
        return np.array(list(array.flat), dtype=object).reshape(array.shape)
    return array


def _decimal_scaled(value: Decimal, places: int, field: str) -> int:
    if value.is_zero():
        return 0
    if value.adjusted() >= _MAX_ADJUSTED:
        raise InexactArrayError(field, f"must be below 10**{_MAX_ADJUSTED} in an array", value)
    top, bottom = value.as_integer_ratio()
    top *= 10**places
    if top % bottom:
        raise InexactArrayError(field, f"must have at most {places} decimal places", value)
    return int(top // bottom)


def _scaled_exact(array: npt.NDArray[Any], places: int, field: str) -> npt.NDArray[Any]:
    """Each element times ``10**places`` as a Python integer (object array), exactly."""
    flat = array.ravel()
    kind = array.dtype.kind
    if kind in "iu":
        scaled: npt.NDArray[Any] = flat.astype(object) * 10**places
        return scaled.reshape(array.shape)
    out = np.empty(flat.shape, dtype=object)
    if kind == "f":
        finite = np.isfinite(flat)
        if not finite.all():
            index = int(np.flatnonzero(~finite)[0])
            raise InvalidValueError(
                f"{field}[{index}]", "must be a finite number", float(flat[index])
            )
        rest = np.arange(flat.size)
        if places <= 15:
            # The float nearest to n / 10**places (|n| < 10**15) comes back from
            # rint(x x 10**places) unchanged (exact_array.scaled_from_floats).
            factor = float(10**places)
            with np.errstate(over="ignore", invalid="ignore"):  # huge: per element below
                rough = np.rint(flat * factor)
            good = (np.abs(rough) < 1e15) & (rough / factor == flat)
            out[good] = rough[good].astype(np.int64).astype(object)
            rest = np.flatnonzero(~good)
        for index in rest.tolist():
            name = f"{field}[{index}]"
            out[index] = _decimal_scaled(to_decimal(flat[index], field=name), places, name)
        return out.reshape(array.shape)
    for index, item in enumerate(flat):
        name = f"{field}[{index}]"
        out[index] = _decimal_scaled(to_decimal(item, field=name), places, name)
    return out.reshape(array.shape)


def _raise_first(
    mask: npt.NDArray[np.bool_],
    field: str,
    rule: str,
    values: npt.NDArray[Any],
    places: int,
    error: type[InvalidValueError] = InvalidValueError,
) -> None:
    if mask.any():
        index = int(np.flatnonzero(mask)[0])
        value = Decimal(int(values.flat[index])).scaleb(-places, context=UNBOUNDED)
        raise error(f"{field}[{index}]", rule, value)


def exact_path(
    goal: npt.NDArray[Any],
    actual: npt.NDArray[Any],
    policy: RoundingPolicy,
    formulas: Formulas,
    limit: Decimal | None,
    floor: bool,
    input_places: int,
) -> Arrays:
    """The exact integer path: int64 where no product can overflow, Python integers beyond."""
    g = _scaled_exact(goal, input_places, "target")
    a = _scaled_exact(actual, input_places, "realization")
    g, a = np.broadcast_arrays(g, a)
    shape = g.shape
    code, permen, inverse = formulas
    if code is not None:
        permen = np.full(shape, code == PERMEN)
        inverse = np.full(shape, code == INVERSE)
    assert permen is not None
    if inverse is None:
        inverse = np.zeros(shape, dtype=bool)
    lower = permen | inverse
    _raise_first(g < 0, "target", "must be >= 0", g, input_places)
    _raise_first(a < 0, "realization", "must be >= 0", a, input_places)
    _raise_first(
        ~lower & (g == 0),
        "target",
        "must be > 0 for a higher-is-better indicator",
        g,
        input_places,
    )
    _raise_first(
        permen & (g == 0) & (a != 0),
        "target",
        "must be > 0 when the realization is above it (lower-is-better, (2T - R) / T)",
        g,
        input_places,
    )
    _raise_first(
        inverse & (a == 0) & (g != 0),
        "realization",
        "must be > 0 for the target / realization formula (its capaian is infinite)",
        a,
        input_places,
    )
    places = policy.places
    factor = 10**places
    largest = max(int(np.abs(g).max(initial=0)), int(np.abs(a).max(initial=0)))
    # |numerator x 10**places| <= 200 x largest x 10**places, and
    # |scaled x denominator| <= that plus the denominator: int64 when both fit.
    if limit is None and 201 * largest * factor < 2**62:
        g, a = g.astype(np.int64), a.astype(np.int64)
    numerator = np.where(inverse, g, np.where(permen, 2 * g - a, a)) * 100
    denominator = np.where(inverse, a, g)
    if floor:
        numerator = np.where(permen & (numerator < 0), 0, numerator)
    # What is left with a zero denominator is the stated rule 0 / 0 on target.
    on_target_by_rule = denominator == 0
    numerator = np.where(on_target_by_rule, 100, numerator)
    denominator = np.where(on_target_by_rule, 1, denominator)
    if limit is not None:
        cap_top, cap_bottom = limit.as_integer_ratio()
        numerator, denominator = numerator.astype(object), denominator.astype(object)
        capped = np.asarray(numerator * cap_bottom > denominator * cap_top, dtype=bool)
        numerator = np.where(capped, cap_top, numerator)
        denominator = np.where(capped, cap_bottom, denominator)
    wide = numerator.dtype == object

    def whole(mask: npt.NDArray[np.bool_]) -> npt.NDArray[Any]:
        return mask.astype(object) if wide else mask.astype(np.int64)

    top = numerator * factor
    negative = top < 0
    magnitude = np.where(negative, -top, top)
    quotient, remainder = magnitude // denominator, magnitude % denominator
    twice = 2 * remainder
    if policy.rounding is Rounding.HALF_UP:
        quotient = quotient + whole(twice >= denominator)
    elif policy.rounding is Rounding.HALF_EVEN:
        odd = (quotient % 2) == 1
        quotient = quotient + whole((twice > denominator) | ((twice == denominator) & odd))
    scaled = np.where(negative, -quotient, quotient)
    if scaled.size:
        outside = (scaled > INT64_MAX) | (scaled < -INT64_MAX)
        _raise_first(
            np.asarray(outside, dtype=bool),
            "capaian",
            f"must fit in int64 once scaled by 10**{places} (an array limit)",
            scaled,
            places,
            InexactArrayError,
        )
    residual = np.sign(top - scaled * denominator)
    status = np.sign(np.where(lower, g - a, a - g))
    if wide:
        common = np.gcd(numerator, denominator)
        numerator, denominator = numerator // common, denominator // common
        if max(abs(int(x)) for x in (*numerator.flat, *denominator.flat, 0)) <= INT64_MAX:
            numerator, denominator = numerator.astype(np.int64), denominator.astype(np.int64)
    return (
        scaled.astype(np.int64),
        status.astype(np.int8),
        numerator,
        denominator,
        residual.astype(np.int8),
    )


def block_path(
    goal: npt.NDArray[Any],
    actual: npt.NDArray[Any],
    policy: RoundingPolicy,
    formulas: Formulas,
    floor_at_zero: bool,
    input_places: int,
) -> Arrays | None:
    """The fast path of :func:`~sakip.capaian.achievement_array`, or None where it does not apply.

    Works in float64 blocks of :data:`~sakip.exact_array.CHUNK` elements on
    integer-valued floats (the scaled figures), dividing with the exact
    correction of :func:`~sakip.exact_array.floor_divmod`. It applies when
    target and realisation are float64 or int arrays of one shape with at
    most ``input_places`` decimals, one lower-is-better formula is in use,
    every target (every realisation, for the inverse formula) is above 0, no
    capaian is negative (floored, or above 0 anyway), there is no cap, and
    ``|figure| x 10**input_places`` stays below
    ``2**52 / (200 x 10**places + 1)``. Anything else returns None and the
    exact integer path decides, raising where the scalar path raises.
    """
    if (
        goal.shape != actual.shape
        or goal.dtype.kind not in "fiu"
        or actual.dtype.kind not in "fiu"
        or input_places > 15
    ):
        return None
    one, permen, inverse_mask = formulas
    lower: npt.NDArray[np.bool_] | None
    if one is not None:
        lower = None
        all_lower = one != HIGHER
        inverse = one == INVERSE
    else:
        assert permen is not None
        all_lower = False
        if inverse_mask is None or not inverse_mask.any():
            lower, inverse = permen.ravel(), False
        elif not permen.any():
            lower, inverse = inverse_mask.ravel(), True
        else:
            return None  # both lower formulas at once: the exact path
    places = policy.places
    shape = goal.shape
    goal, actual = goal.ravel(), actual.ravel()
    size = goal.size
    # Integer constants below 2**53: exact in float64, so the block path stays
    # exact (the argument is in exact_array.floor_divmod).
    unit = float(10**input_places)
    factor = float(100 * 10**places)
    # N + D < 2**53 for N = A x 100 x 10**places and D <= hi, A <= 2 hi.
    limit = float(FLOAT_EXACT_LIMIT * 2 // (200 * 10**places + 1))
    scaled = np.empty(size, dtype=np.int64)
    status = np.empty(size, dtype=np.int8)
    residual = np.empty(size, dtype=np.int8)
    numerator = np.empty(size, dtype=np.int64)
    denominator = np.empty(size, dtype=np.int64)
    block = min(CHUNK, size)
    pair, back = np.empty((2, block)), np.empty((2, block))
    same = np.empty((2, block), dtype=bool)
    a_f, d_f, n_f, q_f, r_f, w_f = (np.empty(block) for _ in range(6))
    up, flag = (np.empty(block, dtype=bool) for _ in range(2))
    rounding = policy.rounding
    for part in chunks(size):
        n = part.stop - part.start
        both, check, equal = pair[:, :n], back[:, :n], same[:, :n]
        t, r = both
        top, q, rem, w = n_f[:n], q_f[:n], r_f[:n], w_f[:n]
        raised, bit = up[:n], flag[:n]
        # Scale: the float nearest to a decimal with input_places decimals
        # comes back from rint(x x 10**places) / 10**places unchanged.
        with np.errstate(over="ignore"):  # a huge float: infinity, refused below
            np.multiply(goal[part], unit, out=t)
            np.multiply(actual[part], unit, out=r)
        np.rint(both, out=both)
        np.divide(both, unit, out=check)
        np.equal(check[0], goal[part], out=equal[0])
        np.equal(check[1], actual[part], out=equal[1])
        if not equal.all():
            return None
        if not (both.min() >= 0.0 and both.max() < limit):  # also NaN and infinity
            return None
        # A / D is the capaian over 100: R / T, (2T - R) / T or T / R. Mixed
        # polarities select by arithmetic on the 0/1 mask (exact on these
        # integers, and faster than masked copies): A = R + L (T - R) x 2 for
        # the PermenPANRB formula, A = R + L (T - R) and D = T - L (T - R)
        # for the inverse one.
        if lower is None and not all_lower:
            a, d = r, t
        elif lower is None and inverse:
            a, d = t, r
        elif lower is None:
            a, d = a_f[:n], t
            np.multiply(t, 2.0, out=a)
            np.subtract(a, r, out=a)
        else:
            a, d = a_f[:n], d_f[:n] if inverse else t
            np.subtract(t, r, out=w)
            np.multiply(w, lower[part], out=w)
            if inverse:
                np.subtract(t, w, out=d)
            else:
                np.multiply(w, 2.0, out=w)
            np.add(r, w, out=a)
        if not d.min() > 0.0:
            return None  # a zero denominator: the stated rules or an error
        # Status by polarity is the sign of A - D in every formula (D = T > 0
        # for the PermenPANRB formula, so flooring A at 0 keeps the sign).
        code = status[part]
        np.greater(a, d, out=code.view(np.bool_))
        np.less(a, d, out=bit)
        np.subtract(code, bit.view(np.int8), out=code)
        if not inverse and (lower is not None or all_lower):
            if floor_at_zero:
                np.maximum(a, 0.0, out=a)
            elif a.min() < 0.0:
                return None
        np.multiply(a, 100.0, out=numerator[part], casting="unsafe")
        np.copyto(denominator[part], d, casting="unsafe")
        np.multiply(a, factor, out=top)
        floor_divmod(top, d, q, rem, bit)
        round_quotient(q, rem, d, rounding, raised, w)
        np.copyto(scaled[part], q, casting="unsafe")
        # The exact value lies above the rounded one (+1), on it (0), or
        # below it (-1, when the rounding raised it).
        sign = residual[part]
        np.greater(rem, 0.0, out=sign.view(np.bool_))
        if rounding is not Rounding.TRUNCATE:
            np.subtract(sign, raised.view(np.int8), out=sign)
            np.subtract(sign, raised.view(np.int8), out=sign)
    return (
        scaled.reshape(shape),
        status.reshape(shape),
        numerator.reshape(shape),
        denominator.reshape(shape),
        residual.reshape(shape),
    )
