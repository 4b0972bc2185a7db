"""Band schemes: category thresholds as validated data.

A :class:`BandScheme` is an ordered tuple of :class:`Band` intervals with a
name and a source. It is checked when built (sorted, no overlap, and no gap
unless the scheme says what a value in the gap gets), so classification is
total over the scheme's range and never lands on a silent "-".

Scalar classification works on exact :class:`~decimal.Decimal` values. The
array path (:meth:`BandScheme.classify_array`) compares binary floats
against the bounds converted to the nearest float; this agrees exactly with
the scalar path on ``Decimal(str(x))`` for every float ``x`` because every
bound is required to have at most 15 significant digits (``DBL_DIG``): two
distinct decimals of 15 digits never round to the same float, so the order
of ``x`` and a bound is the order of their decimals (see
``docs/rounding-and-bands.md`` for the argument, and the property test in
``tests/test_bands.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip.coerce import (
    ArrayLike,
    at,
    broadcast,
    float_values,
    to_array,
    to_bool,
    to_enum,
    to_integers,
    to_sequence,
)
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SchemeError
from sakip.exact_array import CHUNK, chunks
from sakip.numbers import EXACT, UNBOUNDED, check_places, divide, to_decimal

__all__ = ["Band", "BandScheme", "Gap", "GapPolicy", "as_scheme", "scheme_from_lower_bounds"]

# Bounds with more digits than this would make the float array path inexact.
_MAX_BOUND_DIGITS = 15


# Integers below this have at most 15 significant digits: as float64 they
# compare with every bound exactly (the DBL_DIG argument of the module doc).
_EXACT_INT_IN_FLOAT = 10**15

# Float comparisons with a bound are exact only while the bound is a normal
# float64 (not rounded to 0, a subnormal or infinity).
_FLOAT_SAFE_EXPONENT = 300


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, field="bound")


def significant_digits(value: Decimal) -> int:
    """Significant digits of a Decimal, trailing zeros dropped, in any decimal context.

    ``Decimal.normalize()`` rounds to the ambient precision, so a 17-digit
    bound would pass a check under ``prec=5``; this count never rounds.

    Examples
    --------
    >>> significant_digits(Decimal("88.3100")), significant_digits(Decimal("0")), significant_digits(Decimal("1.2345678901234567"))
    (4, 0, 17)
    """
    return len("".join(map(str, value.as_tuple().digits)).lstrip("0").rstrip("0"))


def _lower_closed(value: object) -> bool:
    return to_bool(value, field="lower_closed")


def _upper_closed(value: object) -> bool:
    return to_bool(value, field="upper_closed")


def _verified(value: object) -> bool:
    return to_bool(value, field="verified")


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(attribute.name, "must be a str", value)


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(_instance, attribute, value)


def _optional_gap_policy(value: object) -> GapPolicy | None:
    return None if value is None else to_enum(value, GapPolicy, field="gap_policy")


def _optional_year(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidTypeError(attribute.name, "must be an int or None", value)


class GapPolicy(enum.Enum):
    """What a scheme with a gap between two bands does with a value in it.

    Attributes
    ----------
    RAISE
        Raise :class:`~sakip.errors.OutOfBandError` naming the gap.
    NEAREST_LOWER
        Give the band just below the gap (printed bounds read as lower
        bounds).
    """

    RAISE = "raise"
    NEAREST_LOWER = "nearest_lower"


@attrs.frozen
class Band:
    """One category: a label and the interval of values that get it.

    Parameters
    ----------
    label : str
        The category as the source names it (``"Sangat Baik"``).
    lower, upper : Decimal, int, str or None
        Bounds; ``None`` means unbounded on that side.
    lower_closed : bool, default True
        Whether ``lower`` itself belongs to the band.
    upper_closed : bool, default False
        Whether ``upper`` itself belongs to the band.
    grade : str, optional
        A short grade that goes with the label (IKM mutu ``"A"``).

    Examples
    --------
    >>> band = Band("Baik", 70, 85)
    >>> band.contains(Decimal("84.99")), band.contains(85), band
    (True, False, Band('Baik', [70, 85)))
    """

    label: str = attrs.field(validator=_text)
    lower: Decimal | None = attrs.field(converter=_optional_decimal)
    upper: Decimal | None = attrs.field(converter=_optional_decimal)
    lower_closed: bool = attrs.field(default=True, converter=_lower_closed)
    upper_closed: bool = attrs.field(default=False, converter=_upper_closed)
    grade: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.lower is not None and self.upper is not None and self.lower >= self.upper:
            raise SchemeError(f"band {self.label!r}", "must have lower < upper", self.interval)
        for bound in (self.lower, self.upper):
            if bound is not None and significant_digits(bound) > _MAX_BOUND_DIGITS:
                raise SchemeError(
                    f"band {self.label!r}", "bounds must have at most 15 significant digits", bound
                )

    @property
    def interval(self) -> str:
        """The interval in mathematical notation, such as ``[70, 85)``."""
        low = "-inf" if self.lower is None else str(self.lower)
        high = "inf" if self.upper is None else str(self.upper)
        left = "[" if self.lower_closed and self.lower is not None else "("
        right = "]" if self.upper_closed and self.upper is not None else ")"
        return f"{left}{low}, {high}{right}"

    def __repr__(self) -> str:
        return f"Band({self.label!r}, {self.interval})"

    def above_lower(self, value: Decimal) -> bool:
        """Whether ``value`` passes the lower bound."""
        if self.lower is None:
            return True
        return value > self.lower or (self.lower_closed and value == self.lower)

    def below_upper(self, value: Decimal) -> bool:
        """Whether ``value`` passes the upper bound."""
        if self.upper is None:
            return True
        return value < self.upper or (self.upper_closed and value == self.upper)

    def contains(self, value: object) -> bool:
        """Whether ``value`` lies in the band."""
        number = to_decimal(value)
        return self.above_lower(number) and self.below_upper(number)


@attrs.frozen
class Gap:
    """Values between two neighbouring bands that belong to neither.

    Examples
    --------
    >>> from sakip.schemes import DEKTARI_2024
    >>> DEKTARI_2024.gaps
    (Gap(after='Tinggi', before='Sangat Tinggi', interval='[53.51, 53.71)'),)
    """

    after: str
    before: str
    interval: str


def _to_bands(bands: Iterable[Band]) -> tuple[Band, ...]:
    return to_sequence(bands, field="bands")


@attrs.frozen
class BandScheme:
    """An ordered, validated set of bands with its source.

    Parameters
    ----------
    name : str
        Name of the scheme (``"Capaian LKIP BNN"``).
    bands : sequence of Band
        From the lowest values to the highest.
    source : str
        Where the bounds come from (regulation, report section).
    year : int, optional
        The year the scheme applies to, when the source is yearly.
    gap_policy : GapPolicy, optional
        Required when the bands leave a gap; what a value in it gets.
    verified : bool, default True
        ``False`` when a bound was not read in the source itself.
    notes : str, optional
        Free text: which bound is unverified and why.

    Raises
    ------
    SchemeError
        No bands, duplicate labels, bands out of order or overlapping, an
        unbounded side that is not at either end, or a gap without a
        ``gap_policy``.

    Examples
    --------
    >>> scheme = BandScheme(
    ...     "demo", [Band("Low", None, 50), Band("High", 50, None)], source="example"
    ... )
    >>> scheme.classify(Decimal("49.99")).label, scheme.classify(50).label
    ('Low', 'High')
    >>> BandScheme("bad", [Band("Low", 0, 50), Band("High", 60, 100)], source="example")
    Traceback (most recent call last):
    ...
    sakip.errors.SchemeError: 'bad' has a gap [50, 60) between 'Low' and 'High' but no gap_policy: None
    """

    name: str = attrs.field(validator=_text)
    bands: tuple[Band, ...] = attrs.field(converter=_to_bands)
    source: str = attrs.field(validator=_text)
    year: int | None = attrs.field(default=None, validator=_optional_year)
    gap_policy: GapPolicy | None = attrs.field(default=None, converter=_optional_gap_policy)
    verified: bool = attrs.field(default=True, converter=_verified)
    notes: str = attrs.field(default="", validator=_text)
    gaps: tuple[Gap, ...] = attrs.field(init=False)
    _float_lowers: npt.NDArray[np.float64] = attrs.field(init=False, repr=False, eq=False)
    _float_uppers: npt.NDArray[np.float64] = attrs.field(init=False, repr=False, eq=False)
    _floats_exact: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.bands:
            raise SchemeError(self.name, "must have at least one band", self.bands)
        for band in self.bands:
            if not isinstance(band, Band):
                raise InvalidTypeError(self.name, "bands must be Band objects", band)
        labels = [band.label for band in self.bands]
        if len(set(labels)) != len(labels):
            raise SchemeError(self.name, "must not repeat a label", labels)
        gaps = []
        for below, above in zip(self.bands, self.bands[1:], strict=False):
            gap = self._between(below, above)
            if gap is not None:
                gaps.append(gap)
        object.__setattr__(self, "gaps", tuple(gaps))
        if gaps and self.gap_policy is None:
            raise SchemeError(
                self.name,
                f"has a gap {gaps[0].interval} between {gaps[0].after!r} and "
                f"{gaps[0].before!r} but no gap_policy",
                None,
            )
        inf = np.float64(np.inf)
        lowers = [-inf if b.lower is None else np.float64(str(b.lower)) for b in self.bands]
        uppers = [inf if b.upper is None else np.float64(str(b.upper)) for b in self.bands]
        for name, floats in (("_float_lowers", lowers), ("_float_uppers", uppers)):
            array = np.array(floats, dtype=np.float64)
            array.setflags(write=False)
            object.__setattr__(self, name, array)
        bounds = [b for band in self.bands for b in (band.lower, band.upper) if b is not None]
        exact = all(
            b.is_zero() or -_FLOAT_SAFE_EXPONENT <= b.adjusted() <= _FLOAT_SAFE_EXPONENT
            for b in bounds
        )
        object.__setattr__(self, "_floats_exact", exact)

    def _between(self, below: Band, above: Band) -> Gap | None:
        if below.upper is None or above.lower is None:
            raise SchemeError(
                self.name,
                "may leave only the lowest band unbounded below and the highest unbounded above",
                f"{below!r}, {above!r}",
            )
        if below.lower is not None and below.lower >= above.lower:
            raise SchemeError(self.name, "bands must be sorted from low to high", labels_of(self))
        if below.upper > above.lower or (
            below.upper == above.lower and below.upper_closed and above.lower_closed
        ):
            raise SchemeError(
                self.name,
                f"bands {below.label!r} and {above.label!r} overlap",
                f"{below.interval} and {above.interval}",
            )
        if below.upper == above.lower and (below.upper_closed or above.lower_closed):
            return None
        left = "(" if below.upper_closed else "["
        right = ")" if above.lower_closed else "]"
        interval = f"{left}{below.upper}, {above.lower}{right}"
        return Gap(after=below.label, before=above.label, interval=interval)

    @property
    def labels(self) -> tuple[str, ...]:
        """The band labels from low to high."""
        return labels_of(self)

    def with_gap_policy(self, policy: GapPolicy) -> BandScheme:
        """The same scheme with another gap policy.

        Examples
        --------
        >>> from sakip.bands import GapPolicy
        >>> from sakip.schemes import DEKTARI_2024
        >>> lenient = DEKTARI_2024.with_gap_policy(GapPolicy.NEAREST_LOWER)
        >>> lenient.classify("53.51").label
        'Tinggi'
        """
        return attrs.evolve(self, gap_policy=to_enum(policy, GapPolicy, field="policy"))

    def index(self, value: object) -> int:
        """Position (0 = lowest) of the band ``value`` falls in.

        Raises
        ------
        OutOfBandError
            Below the lowest band, above the highest, or in a gap whose
            policy is :attr:`GapPolicy.RAISE`.

        Examples
        --------
        >>> from sakip.schemes import CAPAIAN_LKIP
        >>> CAPAIAN_LKIP.index(100), CAPAIAN_LKIP.index(50)
        (4, 0)
        """
        number = to_decimal(value)
        first, last = self.bands[0], self.bands[-1]
        if not first.above_lower(number):
            raise OutOfBandError(self.name, f"has no band below {first.interval}", number)
        if not last.below_upper(number):
            raise OutOfBandError(self.name, f"has no band above {last.interval}", number)
        for position, band in enumerate(self.bands):
            if band.below_upper(number):
                if band.above_lower(number):
                    return position
                # Below this band but above the previous one: a gap.
                if self.gap_policy is GapPolicy.NEAREST_LOWER:
                    return position - 1
                gap = self.gaps[[g.before for g in self.gaps].index(band.label)]
                raise OutOfBandError(
                    self.name,
                    f"has no band for values in the gap {gap.interval} "
                    f"between {gap.after!r} and {gap.before!r}",
                    number,
                )
        raise AssertionError("unreachable: the last band's upper bound was checked")

    def classify(self, value: object) -> Band:
        """The band ``value`` falls in, decided on the exact value.

        Parameters
        ----------
        value : int, str, Decimal or float
            Converted with :func:`sakip.to_decimal`.

        Returns
        -------
        Band

        Raises
        ------
        OutOfBandError
            See :meth:`index`.

        Examples
        --------
        The LKIP's own table (BAB IV) labels 100 % and 50 % "Sangat Baik";
        under that table they are:

        >>> from sakip.schemes import CAPAIAN_LKIP
        >>> CAPAIAN_LKIP.classify(100).label, CAPAIAN_LKIP.classify(50).label
        ('Memuaskan', 'Kurang')
        """
        return self.bands[self.index(value)]

    def classify_array(self, values: ArrayLike) -> npt.NDArray[np.intp]:
        """Band positions for an array of values, exactly as :meth:`index` gives them.

        Parameters
        ----------
        values : array_like
            Floats of any width, integers of any width, an object array of
            ``Decimal`` (or anything :func:`~sakip.numbers.to_decimal`
            reads), or a masked array. A float means ``Decimal(str(x))`` of
            the value in its own dtype, as in the scalar path:
            ``np.float32(88.31)`` is 88.31, not its binary value.

        Returns
        -------
        numpy.ndarray of intp
            Band positions (0 = lowest), same shape as ``values``;
            ``np.asarray(scheme.labels)[positions]`` gives the labels. For a
            masked input with masked elements, a ``numpy.ma.MaskedArray``
            with the same mask: masked elements are not classified (their
            data is ``-1``, never a band position).

        Raises
        ------
        OutOfBandError
            Any element out of range or in a gap with policy ``RAISE``; the
            message gives the first such element.
        InvalidValueError
            NaN or infinity (not masked), with the element's position.

        Examples
        --------
        >>> from sakip.schemes import CAPAIAN_LKIP
        >>> positions = CAPAIAN_LKIP.classify_array([100.0, 99.99, 50.0, 228.57])
        >>> np.asarray(CAPAIAN_LKIP.labels)[positions].tolist()
        ['Memuaskan', 'Sangat Baik', 'Kurang', 'Memuaskan']
        >>> CAPAIAN_LKIP.classify_array(np.ma.array([50.0, 1e9], mask=[0, 1])).tolist()
        [0, None]
        """
        array = to_array(values, field="values", allow_mask=True)
        if isinstance(array, np.ma.MaskedArray):
            data = np.asarray(array.data)
            return _unmasked(np.ma.getmaskarray(array), (data,), self._classify_plain)
        return self._classify_plain(array)

    def _classify_plain(self, array: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
        """:meth:`classify_array` of a checked array without a mask."""
        if array.dtype.kind in "iu":
            if array.size and not (
                int(array.min()) > -_EXACT_INT_IN_FLOAT and int(array.max()) < _EXACT_INT_IN_FLOAT
            ):
                return self._classify_each(array)
            array = array.astype(np.float64)
        elif array.dtype.kind == "f":
            if not self._floats_exact:
                return self._classify_each(array)
            array = float_values(array)
        else:
            return self._classify_each(array)
        lowers, uppers = self._float_lowers, self._float_uppers
        lower_open = np.array([not b.lower_closed for b in self.bands])
        upper_closed = np.array([b.upper_closed for b in self.bands])
        position = np.searchsorted(lowers, array, side="right") - 1
        clipped = np.clip(position, 0, None)
        # On an open lower bound the value belongs below that band.
        on_open_lower = (position >= 0) & lower_open[clipped] & (array == lowers[clipped])
        position = position - on_open_lower
        clipped = np.clip(position, 0, None)
        inside = (array < uppers[clipped]) | (upper_closed[clipped] & (array == uppers[clipped]))
        below = position < 0
        above = (position == len(self.bands) - 1) & ~inside
        if below.any() or above.any():
            first = array[below | above][0]
            self.index(Decimal(str(first)))  # raises with the scalar path's message
        in_gap = ~inside & ~below & ~above
        if in_gap.any() and self.gap_policy is not GapPolicy.NEAREST_LOWER:
            self.index(Decimal(str(array[in_gap][0])))
        result: npt.NDArray[np.intp] = np.asarray(position, dtype=np.intp)
        return result

    def _classify_each(self, array: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
        """The scalar path, element by element (exact for any input, slower)."""
        flat = [
            self.index(to_decimal(item, field=at("values", i, array.shape)))
            for i, item in enumerate(array.ravel())
        ]
        return np.array(flat, dtype=np.intp).reshape(array.shape)

    @property
    def places(self) -> int:
        """Decimal places of the finest bound (``3.0644`` has 4).

        Examples
        --------
        >>> from sakip.schemes import CAPAIAN_LKIP, IKM_MUTU
        >>> CAPAIAN_LKIP.places, IKM_MUTU.places
        (0, 4)
        """
        places = 0
        for band in self.bands:
            for bound in (band.lower, band.upper):
                if bound is not None:
                    exponent = bound.as_tuple().exponent
                    assert isinstance(exponent, int)
                    places = max(places, -exponent)
        return places

    def _key_thresholds(self, places: int) -> tuple[list[int], list[int | None], list[int]]:
        """Integer thresholds for keys ``2 x value x 10**places (+1 just above, -1 just below)``.

        Returns the lower thresholds of the bands that have a lower bound
        (a key passes one when ``key >= threshold``), the upper threshold of
        each band (``key < threshold`` inside; None when unbounded) and the
        positions of the bands whose lower bound is finite.
        """
        lowers: list[int] = []
        uppers: list[int | None] = []
        bounded: list[int] = []
        for position, band in enumerate(self.bands):
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

    def _positions_from_keys(
        self,
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
        first_unbounded = self.bands[0].lower is None
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
        if self.gaps and self.gap_policy is not GapPolicy.NEAREST_LOWER:
            for position in range(len(self.bands) - 1):
                upper = uppers[position]
                next_lower = lowers[bounded.index(position + 1)]
                assert upper is not None
                if upper < next_lower:
                    in_gap = (keys >= upper) & (keys < next_lower)
                    outside = in_gap if outside is None else outside | in_gap
        if outside is not None and not outside.any():
            return None
        return outside

    def classify_scaled_array(
        self,
        scaled: npt.ArrayLike,
        places: int,
        *,
        residual: npt.ArrayLike | None = None,
    ) -> npt.NDArray[np.intp]:
        """Band positions of exact values given as scaled integers.

        The value of element ``i`` is ``scaled[i] / 10**places`` (as
        :func:`~sakip.exact_array.divide_round` and
        :class:`~sakip.capaian.AchievementArray` give them), or, with
        ``residual``, a value just above (``+1``) or just below (``-1``) it:
        a rounded figure together with the side on which the exact one lies.

        Parameters
        ----------
        scaled : array_like of int
            Values times ``10**places``.
        places : int
            Decimal places of the scaling, ``>= 0``.
        residual : array_like of int, optional
            The sign of ``exact x 10**places - scaled`` for each element,
            where ``exact`` lies within one unit of ``scaled``. Requires every
            bound of the scheme to have at most ``places`` decimals.

        Returns
        -------
        numpy.ndarray of intp
            Band positions, as :meth:`classify_ratio_array` returns them.

        Raises
        ------
        OutOfBandError
            As :meth:`index`, for the first offending element (without
            ``residual``, whose exact values are not known here, the value
            in the message is the scaled one).
        InvalidValueError
            ``residual`` with a scheme finer than ``places``, or values too
            large for ``int64`` once compared with the bounds.

        Notes
        -----
        Each value becomes an integer key ``2 x scaled + residual`` and each
        bound ``B`` the integer ``2 x B x 10**places`` (plus one for an open
        lower or a closed upper bound). For an exact value ``v`` within one
        unit of ``scaled`` and an integer ``m``, ``v x 10**places`` is below,
        at or above ``m`` exactly as the key is below, at or above ``2m``;
        so the band is decided exactly, by integer comparisons against a
        handful of thresholds (no per-band passes over rationals).

        Examples
        --------
        Capaian 99,999 % truncated to 99,99 (the exact value lies above it)
        and exactly 100 %:

        >>> from sakip.schemes import CAPAIAN_LKIP
        >>> CAPAIAN_LKIP.classify_scaled_array([9999, 10000], 2, residual=[1, 0]).tolist()
        [3, 4]
        >>> from sakip.schemes import KPKK_LIKERT_4
        >>> KPKK_LIKERT_4.classify_scaled_array([175, 176, 250], 2).tolist()
        [0, 1, 1]
        """
        check_places(places)
        fast = (
            isinstance(scaled, np.ndarray)
            and not isinstance(scaled, np.ma.MaskedArray)
            and scaled.dtype == np.int64
        )
        array = scaled if fast else to_integers(scaled, field="scaled", allow_mask=True)
        assert isinstance(array, np.ndarray)
        extra = None
        if residual is not None:
            finest = self.places
            if finest > places:
                raise InvalidValueError(
                    "places",
                    f"must be at least the scheme's {finest} decimal places with a residual",
                    places,
                )
            extra = to_integers(residual, field="residual", allow_mask=True)
            data = np.ma.getdata(extra)
            bad = (data < -1) | (data > 1)
            if isinstance(extra, np.ma.MaskedArray):
                bad &= ~np.ma.getmaskarray(extra)
            if bad.any():
                first = int(np.flatnonzero(bad.ravel())[0])
                raise InvalidValueError(
                    at("residual", first, data.shape), "must be -1, 0 or 1", data.ravel()[first]
                )
        masks = [np.ma.getmaskarray(a) for a in (array, extra) if isinstance(a, np.ma.MaskedArray)]
        if masks:
            if extra is None:
                shaped = broadcast(scaled=np.ma.getdata(array))
            else:
                shaped = broadcast(scaled=np.ma.getdata(array), residual=np.ma.getdata(extra))
            mask = np.zeros(shaped[0].shape, dtype=bool)
            for each in masks:
                mask |= np.broadcast_to(each, mask.shape)

            def plain(*parts: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
                return self._classify_scaled(parts[0], places, None if extra is None else parts[1])

            return _unmasked(mask, shaped, plain)
        return self._classify_scaled(array, places, None if extra is None else np.asarray(extra))

    def _classify_scaled(
        self,
        array: npt.NDArray[Any],
        places: int,
        extra: npt.NDArray[Any] | None,
    ) -> npt.NDArray[np.intp]:
        """:meth:`classify_scaled_array` of checked integer arrays without a mask."""
        shift = 0
        if extra is not None:
            array, extra = broadcast(scaled=array, residual=extra)
        else:
            shift = max(0, self.places - places)
        key_places = places + shift
        bounds = [b for band in self.bands for b in (band.lower, band.upper) if b is not None]
        bound_max = max((abs(int(b.scaleb(key_places, context=EXACT))) for b in bounds), default=0)
        value_max = max(-int(array.min(initial=0)), int(array.max(initial=0))) * 10**shift
        if (
            array.dtype != np.int64
            or (extra is not None and extra.dtype != np.int64)
            or 2 * max(bound_max, value_max) + 2 > 2**62
        ):
            # Keys beyond int64: the scalar path, element by element (exact).
            return self._classify_scaled_each(array, places, extra)
        shape = array.shape
        flat = array.ravel()
        flat_extra = None if extra is None else extra.ravel()
        out = np.empty(flat.shape, dtype=np.intp)
        size = min(CHUNK, flat.size)
        keys = np.empty(size, dtype=np.int64)
        passed = np.empty(size, dtype=bool)
        count = np.empty(size, dtype=np.int16)
        thresholds = self._key_thresholds(key_places)
        multiplier = 2 * 10**shift
        for part in chunks(flat.size):
            n = part.stop - part.start
            k = keys[:n]
            np.multiply(flat[part], multiplier, out=k, casting="unsafe")
            if flat_extra is not None:
                np.add(k, flat_extra[part], out=k, casting="unsafe")
            outside = self._positions_from_keys(k, thresholds, out[part], passed[:n], count[:n])
            if outside is not None:
                first = part.start + int(np.flatnonzero(outside)[0])
                self._classify_scaled_one(
                    int(flat[first]), places, 0 if flat_extra is None else int(flat_extra[first])
                )
                raise AssertionError("unreachable: the scalar path raises")
        return out.reshape(shape)

    def _classify_scaled_one(self, scaled: int, places: int, residual: int) -> int:
        """The band of one scaled value (just above or below it with a residual)."""
        value = Decimal(scaled).scaleb(-places, context=UNBOUNDED)
        if residual == 0:
            return self.index(value)
        # Every bound has at most ``places`` decimals, so one band holds the whole
        # open unit on that side: the value half a unit away decides it.
        half = Decimal(5 * (2 * scaled + residual)).scaleb(-(places + 1), context=UNBOUNDED)
        try:
            return self.index(half)
        except OutOfBandError:
            side = "above" if residual > 0 else "below"
            raise OutOfBandError(
                self.name, f"has no band for a value just {side}", value
            ) from None

    def _classify_scaled_each(
        self, array: npt.NDArray[Any], places: int, extra: npt.NDArray[Any] | None
    ) -> npt.NDArray[np.intp]:
        """:meth:`classify_scaled_array` with Python integers (any size, slower)."""
        flat_extra = None if extra is None else extra.ravel()
        positions = [
            self._classify_scaled_one(
                int(item), places, 0 if flat_extra is None else int(flat_extra[i])
            )
            for i, item in enumerate(array.ravel())
        ]
        return np.array(positions, dtype=np.intp).reshape(array.shape)

    def classify_ratio_array(
        self, numerator: npt.ArrayLike, denominator: npt.ArrayLike
    ) -> npt.NDArray[np.intp]:
        """Band positions of exact quotients ``numerator / denominator`` of integer arrays.

        The batch twin of ``scheme.index(Decimal(n) / Decimal(d))``: each
        quotient is compared with each bound ``B / 10**e`` as
        ``n * 10**e`` against ``B * d`` in integers, so means of Likert
        scores, scaled capaian and percentages of counts are classified
        exactly, ties on a bound included.

        Parameters
        ----------
        numerator, denominator : array_like of int
            Broadcast together; no denominator may be zero.

        Returns
        -------
        numpy.ndarray of intp
            Band positions, as :meth:`classify_array` returns them.

        Raises
        ------
        OutOfBandError
            As :meth:`index`, for the first offending element.
        InvalidValueError
            A zero denominator.

        Notes
        -----
        Products that would overflow ``int64`` are compared as Python
        integers instead (exact, slower).

        Examples
        --------
        KPKK aspect sums over 15 respondents (LKIP 2024, BAB III A sasaran 4):

        >>> from sakip.schemes import KPKK_LIKERT_4
        >>> KPKK_LIKERT_4.classify_ratio_array([60, 39, 29, 15], 15).tolist()
        [3, 2, 1, 0]
        """
        num = to_integers(numerator, field="numerator", allow_mask=True)
        den = to_integers(denominator, field="denominator", allow_mask=True)
        masks = [np.ma.getmaskarray(a) for a in (num, den) if isinstance(a, np.ma.MaskedArray)]
        top, bottom = broadcast(numerator=np.ma.getdata(num), denominator=np.ma.getdata(den))
        if masks:
            mask = np.zeros(top.shape, dtype=bool)
            for each in masks:
                mask |= np.broadcast_to(each, mask.shape)
            return _unmasked(mask, (top, bottom), self._classify_ratio)
        return self._classify_ratio(top, bottom)

    def _classify_ratio(
        self, num: npt.NDArray[Any], den: npt.NDArray[Any]
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
        for band in self.bands:
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
            above_last = (position == len(self.bands) - 1) & outside
            strict = below_first | above_last
            if self.gap_policy is not GapPolicy.NEAREST_LOWER:
                strict = outside
            if strict.any():
                first = np.flatnonzero(strict.ravel())[0]
                self.index(divide(int(num.ravel()[first]), int(den.ravel()[first])))
        result: npt.NDArray[np.intp] = position.astype(np.intp, copy=False)
        return result


def _unmasked(
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


def labels_of(scheme: BandScheme) -> tuple[str, ...]:
    """Labels of a scheme's bands, low to high."""
    return tuple(band.label for band in scheme.bands)


def scheme_from_lower_bounds(
    name: str,
    bounds: Sequence[tuple[str, object]],
    *,
    source: str,
    top: object = None,
    top_closed: bool = True,
    year: int | None = None,
    verified: bool = True,
    notes: str = "",
) -> BandScheme:
    """Build a contiguous scheme from ``(label, lower bound)`` pairs, low to high.

    Each band is ``[lower, next lower)``; the last one is ``[lower, top]``
    (or unbounded when ``top`` is None).

    Examples
    --------
    >>> scheme = scheme_from_lower_bounds(
    ...     "demo", [("D", 1), ("C", "2.60")], source="example", top=4
    ... )
    >>> [band.interval for band in scheme.bands]
    ['[1, 2.60)', '[2.60, 4]']
    """
    bands = []
    for position, (label, lower) in enumerate(bounds):
        last = position == len(bounds) - 1
        upper = top if last else bounds[position + 1][1]
        bands.append(
            Band(label, lower, upper, lower_closed=True, upper_closed=last and top_closed)
        )
    return BandScheme(name, bands, source=source, year=year, verified=verified, notes=notes)


def as_scheme(value: object, *, field: str = "scheme") -> BandScheme:
    """Check that an argument is a :class:`BandScheme` (the instruments' ``scheme=``).

    Raises
    ------
    InvalidTypeError
        Anything else, such as a scheme's name given as a string.

    Examples
    --------
    >>> from sakip.schemes import NKA_CATEGORY
    >>> as_scheme(NKA_CATEGORY) is NKA_CATEGORY
    True
    >>> as_scheme("NKA_CATEGORY")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'scheme' must be a BandScheme: 'NKA_CATEGORY'
    """
    if not isinstance(value, BandScheme):
        raise InvalidTypeError(field, "must be a BandScheme", value)
    return value
