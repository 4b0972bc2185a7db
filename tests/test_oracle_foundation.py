"""The oracle of the foundation's array paths (issue 12).

For every public array function of the foundation modules (``numbers``,
``bands``, ``schemes``, ``exact_array``, ``findings``, ``errors``,
``coerce``, ``batch``), hypothesis draws arrays of every supported dtype
(``int8`` to ``uint64``, ``float16`` to ``float64``, object arrays of
``Decimal``, ``int`` and ``float``) with extreme values (the dtype's
limits, 0, -0, NaN, infinities, every bound of every built-in scheme, the
values just around it and the ties at the rounding digit), masks and shapes
(0-d to 2-d), under a random decimal context, and checks that each element
equals the answer of the exact scalar path, computed element by element in
the default context, or that the call raises a :class:`SakipError`. Where
the array path is exact for every input (the ``classify_*`` methods), it
must raise exactly when the scalar path raises for some element that is not
masked.

``test_every_public_array_function_is_in_the_oracle`` lists the public
functions and methods of those modules from their ``__all__``: a new one
fails it until it is either given an oracle here or declared as not taking
arrays.

Examples per property: at least 300 (``ci`` profile), 5,000 with
``HYPOTHESIS_PROFILE=long`` (see ``tests/conftest.py``).
"""

from __future__ import annotations

import decimal
import enum
import importlib
import inspect
import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sakip import coerce, exact_array
from sakip.bands import BandScheme, GapPolicy, scheme_from_lower_bounds
from sakip.errors import SakipError
from sakip.numbers import (
    Rounding,
    check_places,
    divide,
    percent,
    round_to,
    to_count,
    to_decimal,
    to_percentage,
)
from sakip.schemes import BUILTIN_SCHEMES, DEKTARI_2024

ORACLE = settings(max_examples=max(300, settings().max_examples), deadline=None)

FOUNDATION = (
    "sakip.numbers",
    "sakip.bands",
    "sakip.band_arrays",
    "sakip.schemes",
    "sakip.exact_array",
    "sakip.findings",
    "sakip.errors",
    "sakip.coerce",
    "sakip.batch",
)

#: Public functions and methods that take arrays, each with its oracle below.
ORACLE_COVERED = {
    "sakip.bands.BandScheme.classify_array": "test_classify_array",
    "sakip.bands.BandScheme.classify_scaled_array": "test_classify_scaled_array",
    "sakip.bands.BandScheme.classify_ratio_array": "test_classify_ratio_array",
    "sakip.exact_array.scaled_from_floats": "test_scaled_from_floats",
    "sakip.exact_array.scaled_from_decimals": "test_scaled_from_decimals",
    "sakip.exact_array.scaled_to_decimals": "test_scaled_to_decimals",
    "sakip.exact_array.count_array": "test_count_array",
    "sakip.exact_array.percent_array": "test_percent_array",
    "sakip.exact_array.divide_round": "test_divide_round",
    "sakip.coerce.to_array": "test_to_array",
    "sakip.coerce.to_integers": "test_to_integers",
    "sakip.coerce.float_values": "test_float_values",
    "sakip.coerce.broadcast": "test_broadcast_and_same_shape",
    "sakip.coerce.same_shape": "test_broadcast_and_same_shape",
}

#: Public functions and methods of the same modules that take no array (or
#: are buffer kernels reached only through an oracle-covered function).
NOT_ARRAY = {
    "sakip.exact_array.floor_divmod": "float64 buffer kernel of divide_round (covered there)",
    "sakip.exact_array.round_quotient": "float64 buffer kernel of divide_round (covered there)",
    "sakip.exact_array.chunks": "slices of a length",
    "sakip.bands.Gap": "data (labels and an interval)",
    "sakip.findings.Finding": "data (one printed figure; difference is scalar)",
    "sakip.batch.score_each": "a loop over an instrument's scalar score (rows are mappings)",
    "sakip.batch.ScoreBatch": "a result type (its arrays are checked when built)",
    "sakip.bands.BandScheme.index": "scalar",
    "sakip.bands.BandScheme.classify": "scalar",
    "sakip.bands.BandScheme.with_gap_policy": "scalar",
    "sakip.bands.Band.contains": "scalar",
    "sakip.bands.Band.above_lower": "scalar",
    "sakip.bands.Band.below_upper": "scalar",
    "sakip.bands.as_scheme": "scalar",
    "sakip.bands.scheme_from_lower_bounds": "scalar",
    "sakip.findings.check_printed": "scalar",
    "sakip.coerce.at": "an element's name",
    "sakip.coerce.to_bool": "scalar",
    "sakip.coerce.to_bounded": "scalar",
    "sakip.coerce.to_enum": "scalar",
    "sakip.coerce.to_positive_int": "scalar",
    "sakip.coerce.to_sequence": "a tuple of items, checked by each caller",
    "sakip.coerce.to_text": "scalar",
}
for _name in (
    "check_places",
    "divide",
    "exact_sum",
    "format_number",
    "parse_number",
    "percent",
    "round_to",
    "to_count",
    "to_decimal",
    "to_percentage",
    "RoundingPolicy.apply",
    "RoundingPolicy.agrees",
):
    NOT_ARRAY[f"sakip.numbers.{_name}"] = "scalar"


def _public_callables() -> set[str]:
    names: set[str] = set()
    for module_name in FOUNDATION:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj):
                if getattr(obj, "__module__", None) != module_name:
                    continue
                if issubclass(obj, BaseException | enum.Enum):
                    continue  # errors and enums take no arrays
                own = [
                    attr
                    for attr, value in vars(obj).items()
                    if not attr.startswith("_") and inspect.isfunction(value)
                ]
                if own and module_name != "sakip.batch":
                    names.update(f"{module_name}.{name}.{attr}" for attr in own)
                else:
                    names.add(f"{module_name}.{name}")
            elif inspect.isfunction(obj) and obj.__module__ == module_name:
                names.add(f"{module_name}.{name}")
    return names


def test_every_public_array_function_is_in_the_oracle() -> None:
    public = _public_callables()
    unlisted = sorted(public - set(ORACLE_COVERED) - set(NOT_ARRAY))
    assert not unlisted, f"give these an oracle here, or list them in NOT_ARRAY: {unlisted}"
    stale = sorted((set(ORACLE_COVERED) | set(NOT_ARRAY)) - public)
    assert not stale, f"no longer public: {stale}"
    for test in set(ORACLE_COVERED.values()):
        assert callable(globals()[test])


# ---------------------------------------------------------------------------
# Values: dtype limits, zeros, non-finite values, every bound of every
# built-in scheme and the values around it, ties at the rounding digit.

MANY_BANDS = scheme_from_lower_bounds(
    "70 bands", [(f"b{i}", i) for i in range(70)], source="test", top=70
)
SCHEMES = (*BUILTIN_SCHEMES, DEKTARI_2024.with_gap_policy(GapPolicy.NEAREST_LOWER), MANY_BANDS)

INT_DTYPES = [np.dtype(t) for t in ("int8", "int16", "int32", "int64")] + [
    np.dtype(t) for t in ("uint8", "uint16", "uint32", "uint64")
]
FLOAT_DTYPES = [np.dtype(t) for t in ("float16", "float32", "float64")]
OBJECT = np.dtype(object)


def _bound_values() -> list[Decimal]:
    values = {Decimal(0), Decimal("-0"), Decimal("99.995"), Decimal("228.57"), Decimal("0.005")}
    for scheme in BUILTIN_SCHEMES:
        for band in scheme.bands:
            for bound in (band.lower, band.upper):
                if bound is None:
                    continue
                for step in ("0.01", "0.005", "0.0001", "0.00005", "1"):
                    values.update({bound, bound + Decimal(step), bound - Decimal(step)})
    return sorted(values)


BOUNDS = _bound_values()


def _quietly(make: Callable[[], Any]) -> Any:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return make()


def _special_floats(dtype: np.dtype[Any]) -> list[float]:
    info = np.finfo(dtype)
    special = [0.0, -0.0, float("nan"), float("inf"), -float("inf")]
    special += [float(info.max), float(info.min), float(info.tiny), float(info.eps)]
    special += [float(_quietly(lambda b=b: dtype.type(str(b)))) for b in BOUNDS]
    return special


def _special_ints(dtype: np.dtype[Any]) -> list[int]:
    info = np.iinfo(dtype)
    special = [int(info.min), int(info.max), 0, 1, 22857, 9999, 10000, 2**53, 2**53 + 1]
    special += [int(b.scaleb(p)) for b in BOUNDS for p in (0, 2, 4) if b.scaleb(p) % 1 == 0]
    return [v for v in special if info.min <= v <= info.max]


def _elements(dtype: np.dtype[Any]) -> st.SearchStrategy[Any]:
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return st.one_of(
            st.sampled_from(_special_ints(dtype)), st.integers(int(info.min), int(info.max))
        )
    if dtype.kind == "f":
        return st.one_of(
            st.sampled_from(_special_floats(dtype)),
            hnp.from_dtype(dtype).map(float),
        )
    return st.one_of(
        st.sampled_from(BOUNDS),
        st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("1E+10001")]),
        st.decimals(
            allow_nan=False, allow_infinity=False, places=3, min_value=-(10**6), max_value=10**6
        ),
        st.integers(-(2**70), 2**70),
        st.floats(),
    )


@st.composite
def arrays(
    draw: st.DrawFn,
    dtypes: list[np.dtype[Any]] | None = None,
    masks: bool = True,
    shape: tuple[int, ...] | None = None,
) -> tuple[Any, np.ndarray[Any, Any] | None]:
    """An array (masked or not) of a drawn dtype, shape and extreme elements, and its mask."""
    dtype = draw(st.sampled_from(dtypes or [*INT_DTYPES, *FLOAT_DTYPES, OBJECT]))
    if shape is None:
        shape = draw(st.sampled_from([(), (0,), (1,), (3,), (6,), (2, 3), (3, 1)]))
    size = int(np.prod(shape, dtype=np.int64))
    items = draw(st.lists(_elements(dtype), min_size=size, max_size=size))
    if dtype == OBJECT:
        data = np.empty(size, dtype=object)
        data[:] = items
    else:
        data = _quietly(lambda: np.array(items, dtype=dtype))
    data = data.reshape(shape)
    mask = None
    if masks and size and draw(st.booleans()):
        mask = np.array(draw(st.lists(st.booleans(), min_size=size, max_size=size))).reshape(shape)
        return np.ma.MaskedArray(data, mask=mask), mask
    return data, mask


contexts = st.builds(
    lambda prec, rounding: decimal.Context(prec=prec, rounding=rounding),
    st.integers(1, 30),
    st.sampled_from([decimal.ROUND_FLOOR, decimal.ROUND_HALF_EVEN, decimal.ROUND_UP]),
)


def _scalar(compute: Callable[[], Any]) -> tuple[bool, Any]:
    """The scalar path's answer, ``(True, value)``, or ``(False, error)`` for a SakipError."""
    try:
        return True, compute()
    except SakipError as error:
        return False, error


def _call(context: decimal.Context, compute: Callable[[], Any]) -> tuple[bool, Any]:
    with decimal.localcontext(context):
        return _scalar(compute)


def _mask_of(mask: np.ndarray[Any, Any] | None, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    return np.zeros(shape, dtype=bool) if mask is None else np.broadcast_to(mask, shape)


def _check(
    result: tuple[bool, Any],
    expected: list[tuple[bool, Any] | None],
    *,
    strict: bool,
    mask: np.ndarray[Any, Any] | None = None,
    convert: Callable[[Any], Any] = lambda x: x,
) -> None:
    """Each element equals the scalar answer, or the call raised a SakipError.

    ``expected`` holds one scalar answer per element in C order (``None`` for
    a masked one). With ``strict`` the call must raise exactly when some
    scalar answer is an error.
    """
    ok, value = result
    scalar_fails = any(item is not None and not item[0] for item in expected)
    if not ok:
        if strict:
            assert scalar_fails, f"the array path refused what the scalar path takes: {value}"
        return
    assert not scalar_fails, "the array path answered where the scalar path raises"
    assert isinstance(value, np.ndarray | list), f"not an array: {value!r}"
    flat = np.ravel(np.ma.getdata(value)) if isinstance(value, np.ndarray) else value
    assert len(flat) == len(expected)
    if mask is not None and mask.any():
        assert isinstance(value, np.ma.MaskedArray)
        assert np.array_equal(np.ma.getmaskarray(value).ravel(), mask.ravel())
    for got, want in zip(flat, expected, strict=True):
        if want is not None:
            assert convert(got) == want[1]


# ---------------------------------------------------------------------------
# The classify_* methods: exact for every input, so strict.


@ORACLE
@given(st.sampled_from(SCHEMES), arrays(), contexts)
def test_classify_array(
    scheme: BandScheme, drawn: tuple[Any, np.ndarray[Any, Any] | None], context: decimal.Context
) -> None:
    values, mask = drawn
    data = np.ma.getdata(values)
    full = _mask_of(mask, data.shape)
    expected = [
        None if masked else _scalar(lambda item=item: scheme.index(item))
        for item, masked in zip(data.ravel(), full.ravel(), strict=True)
    ]
    result = _call(context, lambda: scheme.classify_array(values))
    _check(result, expected, strict=True, mask=mask, convert=int)


@ORACLE
@given(
    st.sampled_from(SCHEMES),
    arrays(dtypes=[*INT_DTYPES, OBJECT, *FLOAT_DTYPES], shape=(4,)),
    st.integers(0, 5),
    st.one_of(st.none(), st.lists(st.sampled_from([-1, 0, 1]), min_size=4, max_size=4)),
    contexts,
)
def test_classify_scaled_array(
    scheme: BandScheme,
    drawn: tuple[Any, np.ndarray[Any, Any] | None],
    places: int,
    residual: list[int] | None,
    context: decimal.Context,
) -> None:
    values, mask = drawn
    data = np.ma.getdata(values)
    full = _mask_of(mask, data.shape)
    sides = residual or [0] * data.size
    if data.dtype.kind == "f" or (residual is not None and scheme.places > places):
        # Scaled values are integers: a float array is refused, masked or not;
        # a residual needs every bound on the scaled grid.
        ok, _ = _call(
            context, lambda: scheme.classify_scaled_array(values, places, residual=residual)
        )
        assert not ok
        return

    def one(item: Any, side: int) -> int:
        if isinstance(item, bool) or not isinstance(item, int | np.integer):
            raise SakipError("scaled", "must be an integer", item)
        if residual is not None and scheme.places > places:
            raise SakipError("places", "too few for a residual", places)
        value = Decimal(int(item)).scaleb(-places)
        # An exact value strictly inside the unit on that side of the scaled one.
        return scheme.index(value + side * Decimal(1).scaleb(-places - 7))

    expected = [
        None if masked else _scalar(lambda item=item, side=side: one(item, side))
        for item, side, masked in zip(data.ravel(), sides, full.ravel(), strict=True)
    ]
    result = _call(
        context, lambda: scheme.classify_scaled_array(values, places, residual=residual)
    )
    _check(result, expected, strict=True, mask=mask, convert=int)


@ORACLE
@given(
    st.sampled_from(SCHEMES),
    arrays(dtypes=[*INT_DTYPES, OBJECT], shape=(4,)),
    arrays(dtypes=INT_DTYPES, shape=(4,)),
    contexts,
)
def test_classify_ratio_array(
    scheme: BandScheme,
    top: tuple[Any, np.ndarray[Any, Any] | None],
    bottom: tuple[Any, np.ndarray[Any, Any] | None],
    context: decimal.Context,
) -> None:
    (num, num_mask), (den, den_mask) = top, bottom
    full = _mask_of(num_mask, (4,)) | _mask_of(den_mask, (4,))
    own = _mask_of(num_mask, (4,))
    if any(
        isinstance(n, bool) or not isinstance(n, int | np.integer)
        for n, masked in zip(np.ma.getdata(num).ravel(), own.ravel(), strict=True)
        if not masked
    ):
        # Not an integer array (its own mask aside): refused as a whole.
        ok, _ = _call(context, lambda: scheme.classify_ratio_array(num, den))
        assert not ok
        return

    def one(n: Any, d: Any) -> int:
        if isinstance(n, bool) or not isinstance(n, int | np.integer):
            raise SakipError("numerator", "must be an integer", n)
        return scheme.index(divide(int(n), int(d)))

    expected = [
        None if masked else _scalar(lambda n=n, d=d: one(n, d))
        for n, d, masked in zip(
            np.ma.getdata(num).ravel(), np.ma.getdata(den).ravel(), full.ravel(), strict=True
        )
    ]
    result = _call(context, lambda: scheme.classify_ratio_array(num, den))
    _check(result, expected, strict=True, mask=full if full.any() else None, convert=int)


# ---------------------------------------------------------------------------
# Scaled conversions and exact division: may refuse (InexactArrayError, a
# masked element), never answer wrongly.


def _no_mask_or_raises(values: Any, call: Callable[[], Any], context: decimal.Context) -> bool:
    """A masked element must be refused; True when the caller should go on."""
    if isinstance(values, np.ma.MaskedArray) and np.ma.getmaskarray(values).any():
        ok, _ = _call(context, call)
        assert not ok, "a masked element was dropped"
        return False
    return True


def _scaled(item: Any, places: int, *, floats_only: bool) -> int:
    number = to_decimal(item)
    scaled = number.scaleb(places, context=decimal.Context(prec=decimal.MAX_PREC))
    if scaled != scaled.to_integral_value() or abs(scaled) > 2**63 - 1:
        raise SakipError("values", "inexact", number)
    if floats_only and abs(scaled) >= 10**15:
        raise SakipError("values", "too large for a float", number)
    return int(scaled)


@ORACLE
@given(arrays(), st.integers(0, 4), contexts)
def test_scaled_from_floats(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], places: int, context: decimal.Context
) -> None:
    values, _ = drawn
    call = lambda: exact_array.scaled_from_floats(values, places)  # noqa: E731
    if not _no_mask_or_raises(values, call, context):
        return
    data = np.asarray(values)
    floats = data.dtype.kind == "f"
    expected = [
        _scalar(lambda item=item: _scaled(item, places, floats_only=floats))
        for item in data.ravel()
    ]
    result = _call(context, call)
    if result[0]:
        assert result[1].shape == data.shape and result[1].dtype == np.int64
    _check(result, expected, strict=False, convert=int)


@ORACLE
@given(arrays(), st.integers(0, 4), contexts)
def test_scaled_from_decimals(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], places: int, context: decimal.Context
) -> None:
    values, _ = drawn
    call = lambda: exact_array.scaled_from_decimals(values, places)  # noqa: E731
    if not _no_mask_or_raises(values, call, context):
        return
    data = np.asarray(values)
    expected = [
        _scalar(lambda item=item: _scaled(item, places, floats_only=False))
        for item in data.ravel()
    ]
    result = _call(context, call)
    # Exact for every element the scalar path takes: strict.
    _check(result, expected, strict=True, convert=int)


@ORACLE
@given(arrays(), st.integers(0, 6), contexts)
def test_scaled_to_decimals(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], places: int, context: decimal.Context
) -> None:
    values, _ = drawn
    call = lambda: exact_array.scaled_to_decimals(values, places)  # noqa: E731
    if not _no_mask_or_raises(values, call, context):
        return
    data = np.asarray(values)

    def one(item: Any) -> Decimal:
        if isinstance(item, bool) or not isinstance(item, int | np.integer):
            raise SakipError("scaled", "must be an integer", item)
        return Decimal(int(item)).scaleb(-places, context=decimal.Context(prec=decimal.MAX_PREC))

    expected = [_scalar(lambda item=item: one(item)) for item in data.ravel()]
    result = _call(context, call)
    if data.dtype.kind == "f":
        assert not result[0], "a float array was read as scaled integers"
        return
    _check(result, expected, strict=True)
    if result[0]:
        # Equal values and the same printed form (the places are kept).
        assert [str(d) for d in result[1]] == [str(e[1]) for e in expected]


@ORACLE
@given(arrays(), contexts)
def test_count_array(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], context: decimal.Context
) -> None:
    values, _ = drawn
    call = lambda: exact_array.count_array(values)  # noqa: E731
    if not _no_mask_or_raises(values, call, context):
        return
    data = np.asarray(values)

    def one(item: Any) -> int:
        count = to_count(item)
        if count >= 10**15:
            raise SakipError("values", "too large", count)
        return count

    expected = [_scalar(lambda item=item: one(item)) for item in data.ravel()]
    result = _call(context, call)
    if data.dtype.kind in "iu":
        _check(result, expected, strict=True, convert=int)
    else:
        _check(result, expected, strict=False, convert=int)


def _rounded(value: Decimal, places: int, rounding: Rounding) -> int:
    return int(round_to(value, places, rounding).scaleb(places))


@ORACLE
@given(
    arrays(dtypes=INT_DTYPES, shape=(5,)),
    arrays(dtypes=INT_DTYPES, shape=(5,)),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
    contexts,
)
def test_divide_round(
    top: tuple[Any, np.ndarray[Any, Any] | None],
    bottom: tuple[Any, np.ndarray[Any, Any] | None],
    places: int,
    rounding: Rounding,
    context: decimal.Context,
) -> None:
    (num, _), (den, _) = top, bottom
    call = lambda: exact_array.divide_round(num, den, places, rounding)  # noqa: E731
    if not _no_mask_or_raises(num, call, context) or not _no_mask_or_raises(den, call, context):
        return
    expected = [
        _scalar(lambda n=n, d=d: _rounded(divide(int(n), int(d)), places, rounding))
        for n, d in zip(np.asarray(num).ravel(), np.asarray(den).ravel(), strict=True)
    ]
    _check(_call(context, call), expected, strict=False, convert=int)


@ORACLE
@given(
    arrays(dtypes=[*INT_DTYPES, OBJECT], shape=(4,)),
    arrays(dtypes=INT_DTYPES, shape=(4,)),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
    st.sampled_from([None, 0, 100, "50.5"]),
    contexts,
)
def test_percent_array(
    part: tuple[Any, np.ndarray[Any, Any] | None],
    whole: tuple[Any, np.ndarray[Any, Any] | None],
    places: int,
    rounding: Rounding,
    empty: object,
    context: decimal.Context,
) -> None:
    (top, _), (bottom, _) = part, whole
    call = lambda: exact_array.percent_array(top, bottom, places, rounding, empty=empty)  # noqa: E731
    if not _no_mask_or_raises(top, call, context) or not _no_mask_or_raises(bottom, call, context):
        return

    def one(p: Any, w: Any) -> int:
        p, w = to_count(p), to_count(w)
        if max(p, w) >= 10**15 or p > w:
            raise SakipError("part", "out of range", p)
        if w == 0:
            if empty is None:
                raise SakipError("whole", "zero", w)
            return _rounded(to_percentage(empty), places, rounding)
        return _rounded(percent(p, w), places, rounding)

    expected = [
        _scalar(lambda p=p, w=w: one(p, w))
        for p, w in zip(np.asarray(top).ravel(), np.asarray(bottom).ravel(), strict=True)
    ]
    _check(_call(context, call), expected, strict=False, convert=int)


# ---------------------------------------------------------------------------
# The front door itself.


@ORACLE
@given(arrays(), st.booleans(), contexts)
def test_to_array(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], allow_mask: bool, context: decimal.Context
) -> None:
    values, mask = drawn
    ok, result = _call(context, lambda: coerce.to_array(values, field="v", allow_mask=allow_mask))
    data = np.ma.getdata(values)
    full = _mask_of(mask, data.shape)
    if mask is not None and mask.any() and not allow_mask:
        assert not ok, "a mask was dropped"
        return
    bad_float = data.dtype.kind == "f" and bool((~np.isfinite(data) & ~full).any())
    assert ok != bad_float, result
    if not ok:
        first = int(np.flatnonzero((~np.isfinite(data) & ~full).ravel())[0])
        assert result.field == coerce.at("v", first, data.shape)
        return
    got = np.ma.getdata(result)
    assert got.shape == data.shape and got.dtype == data.dtype
    if data.dtype == OBJECT:
        assert all(a is b for a, b in zip(got.ravel(), data.ravel(), strict=True))
    else:
        assert np.array_equal(got, data, equal_nan=data.dtype.kind == "f")
    if mask is not None and mask.any():
        assert np.array_equal(np.ma.getmaskarray(result), mask)


@ORACLE
@given(arrays(), contexts)
def test_to_integers(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], context: decimal.Context
) -> None:
    values, mask = drawn
    ok, result = _call(context, lambda: coerce.to_integers(values, field="v", allow_mask=True))
    data = np.ma.getdata(values)
    full = _mask_of(mask, data.shape).ravel()
    shown = [x for x, masked in zip(data.ravel(), full, strict=True) if not masked]
    is_int = data.dtype.kind in "iu" or (
        data.dtype.kind == "O"
        and all(isinstance(x, int) and not isinstance(x, bool) for x in shown)
    )
    assert ok == is_int, result
    if ok:
        got = np.ma.getdata(result)
        assert got.dtype in (np.dtype(np.int64), OBJECT)
        kept = [x for x, masked in zip(got.ravel(), full, strict=True) if not masked]
        assert [int(x) for x in kept] == [int(x) for x in shown]
        if got.dtype == OBJECT:
            assert any(abs(int(x)) > 2**63 - 1 for x in data.ravel())
        if mask is not None and mask.any():
            assert np.array_equal(np.ma.getmaskarray(result), mask)


@ORACLE
@given(arrays(dtypes=FLOAT_DTYPES, masks=False), contexts)
def test_float_values(
    drawn: tuple[Any, np.ndarray[Any, Any] | None], context: decimal.Context
) -> None:
    values, _ = drawn
    ok, result = _call(context, lambda: coerce.float_values(values))
    assert ok and result.dtype == np.float64
    for got, item in zip(result.ravel(), values.ravel(), strict=True):
        if np.isfinite(item):
            # The float64 stands for the decimal the dtype's shortest repr writes.
            assert Decimal(repr(float(got))) == to_decimal(item)
        else:
            assert np.isnan(got) if np.isnan(item) else got == item


@ORACLE
@given(
    st.lists(
        st.sampled_from([(), (1,), (3,), (2, 3), (3, 1), (2,), (1, 3)]), min_size=1, max_size=3
    )
)
def test_broadcast_and_same_shape(shapes: list[tuple[int, ...]]) -> None:
    arrays_ = {f"a{i}": np.zeros(shape) for i, shape in enumerate(shapes)}
    try:
        want = np.broadcast_shapes(*shapes)
    except ValueError:
        want = None
    ok, result = _scalar(lambda: coerce.broadcast(**arrays_))
    assert ok == (want is not None)
    if ok:
        assert all(a.shape == want for a in result)
    ok, result = _scalar(lambda: coerce.same_shape(**arrays_))
    assert ok == (len(set(shapes)) == 1)


def test_places_are_checked_everywhere() -> None:
    # A shared rule, so one example per function is enough.
    for call in (
        lambda: exact_array.divide_round([1], [1], -1, Rounding.HALF_UP),
        lambda: exact_array.scaled_from_floats([1.0], -1),
        lambda: exact_array.scaled_from_decimals([1], -1),
        lambda: exact_array.scaled_to_decimals([1], -1),
        lambda: BUILTIN_SCHEMES[0].classify_scaled_array([1], -1),
    ):
        with pytest.raises(SakipError):
            call()
    assert check_places(0) == 0
