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
``docs/rounding-and-bands.md`` for the argument, and the oracle in
``tests/test_oracle_foundation.py``). ``float32``/``float16`` elements are
first read as the decimals their own shortest ``repr`` writes; integers of
15 digits or more, and schemes whose bounds are not normal doubles, take
the exact scalar path element by element.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip import band_arrays
from sakip.coerce import (
    ArrayLike,
    _verified,
    at,
    broadcast,
    to_array,
    to_bool,
    to_enum,
    to_integers,
    to_sequence,
)
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SchemeError
from sakip.numbers import NumberLike, check_places, to_decimal

__all__ = ["Band", "BandScheme", "Gap", "GapPolicy", "as_scheme", "scheme_from_lower_bounds"]

# Bounds with more digits than this would make the float array path inexact.
_MAX_BOUND_DIGITS = 15


# Float comparisons with a bound are exact only while the bound is a normal
# float64 (not rounded to 0, a subnormal or infinity).
_FLOAT_SAFE_EXPONENT = 300


def _optional_decimal(value: NumberLike | None) -> Decimal | None:
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


def _lower_closed(value: bool) -> bool:
    return to_bool(value, field="lower_closed")


def _upper_closed(value: bool) -> bool:
    return to_bool(value, field="upper_closed")


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(attribute.name, "must be a str", value)


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(_instance, attribute, value)


def _optional_gap_policy(value: GapPolicy | str | None) -> GapPolicy | None:
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

    def contains(self, value: NumberLike) -> bool:
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

    @property
    def gaps_take_lower(self) -> bool:
        """Whether a value in a gap gets the band below it (:attr:`GapPolicy.NEAREST_LOWER`)."""
        return self.gap_policy is GapPolicy.NEAREST_LOWER

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

    def index(self, value: NumberLike) -> int:
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

    def classify(self, value: NumberLike) -> Band:
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
            return band_arrays.unmasked(
                np.ma.getmaskarray(array), (data,), partial(band_arrays.classify_plain, self)
            )
        return band_arrays.classify_plain(self, array)

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
            Values times ``10**places``: any integer width, or Python ints
            (keys that ``int64`` cannot hold are compared exactly, element
            by element, never wrapped); a masked array is honoured as in
            :meth:`classify_array`.
        places : int
            Decimal places of the scaling, ``>= 0``.
        residual : array_like of int, optional
            The sign (``-1``, ``0`` or ``1``) of ``exact x 10**places - scaled``
            for each element, where ``exact`` lies within one unit of
            ``scaled``. Requires every bound of the scheme to have at most
            ``places`` decimals.

        Returns
        -------
        numpy.ndarray of intp
            Band positions, as :meth:`classify_array` returns them (a masked
            array for a masked input).

        Raises
        ------
        OutOfBandError
            As :meth:`index`, for the first offending element (with a
            ``residual``, whose exact values are not known here, the value
            in the message is the scaled one).
        InvalidValueError
            ``residual`` with a scheme finer than ``places``, a residual
            other than -1, 0 or 1, or shapes that do not broadcast.
        InvalidTypeError
            A float or other non-integer array.

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
            if type(residual) is np.ndarray and residual.dtype.kind == "i":
                extra = residual  # the fast path (int8 signs): no copy
            else:
                extra = to_integers(residual, field="residual", allow_mask=True)
            data = np.ma.getdata(extra)
            if data.size and (data.min() < -1 or data.max() > 1):
                bad = (data < -1) | (data > 1)
                if isinstance(extra, np.ma.MaskedArray):
                    bad &= ~np.ma.getmaskarray(extra)
            else:
                bad = np.zeros((), dtype=bool)
            if bad.any():
                first = int(np.flatnonzero(bad.ravel())[0])
                raise InvalidValueError(
                    at("residual", first, data.shape),
                    "must be -1, 0 or 1",
                    int(data.ravel()[first]),
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
                return band_arrays.classify_scaled(
                    self, parts[0], places, None if extra is None else parts[1]
                )

            return band_arrays.unmasked(mask, shaped, plain)
        return band_arrays.classify_scaled(
            self, array, places, None if extra is None else np.asarray(extra)
        )

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
            Any integer width or Python ints, broadcast together; no
            denominator may be zero. Masked arrays are honoured: an element
            masked in either is not classified (a masked zero denominator is
            harmless).

        Returns
        -------
        numpy.ndarray of intp
            Band positions, as :meth:`classify_array` returns them (a masked
            array when an element is masked).

        Raises
        ------
        OutOfBandError
            As :meth:`index`, for the first offending element.
        InvalidValueError
            A zero denominator (with its position), or shapes that do not
            broadcast.

        Notes
        -----
        Products that would overflow ``int64`` (and operands that ``int64``
        cannot negate, such as ``-2**63``, or ``uint64`` beyond it) are
        compared as Python integers instead: exact, slower, never wrapped.
        Any number of bands (no ``np.choose`` limit).

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
            return band_arrays.unmasked(
                mask, (top, bottom), partial(band_arrays.classify_ratio, self)
            )
        return band_arrays.classify_ratio(self, top, bottom)


def labels_of(scheme: BandScheme) -> tuple[str, ...]:
    """Labels of a scheme's bands, low to high."""
    return tuple(band.label for band in scheme.bands)


def scheme_from_lower_bounds(
    name: str,
    bounds: Sequence[tuple[str, NumberLike | None]],
    *,
    source: str,
    top: NumberLike | None = None,
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
    top_closed = to_bool(top_closed, field="top_closed")
    bands = []
    for position, (label, lower) in enumerate(to_sequence(bounds, field="bounds")):
        last = position == len(bounds) - 1
        upper = top if last else bounds[position + 1][1]
        bands.append(
            Band(label, lower, upper, lower_closed=True, upper_closed=last and top_closed)
        )
    return BandScheme(name, bands, source=source, year=year, verified=verified, notes=notes)


def as_scheme(value: BandScheme, *, field: str = "scheme") -> BandScheme:
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
