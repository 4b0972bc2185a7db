"""Summaries of evaluated indicators, and counts over units.

:func:`summarize` gives what an LKIP's Ikhtisar and BAB IV state: the mean
capaian, how many indicators are above, at and below target, and how many
fall in each category; :func:`compare_summaries` sets two years side by
side. :func:`count_meeting_targets` and :func:`count_in_categories` compute
indicators of the form "number of BNNK whose value meets its own target"
or "whose index is in category X".
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import BandScheme, as_scheme
from sakip.capaian import Polarity, TargetStatus, achievement, target_status
from sakip.coerce import ArrayLike, NumberLike, to_array, to_count, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.indicators import Evaluation, IndicatorResult
from sakip.numbers import UNBOUNDED, RoundingPolicy, divide, exact_sum, to_decimal

__all__ = [
    "Average",
    "Summary",
    "SummaryComparison",
    "UnitCount",
    "compare_summaries",
    "count_in_categories",
    "count_meeting_targets",
    "count_meeting_targets_by_group",
    "meets_target_array",
    "summarize",
]


class Average(enum.Enum):
    """Which capaian the mean is taken of.

    Attributes
    ----------
    EXACT
        The exact capaian (the default); round the mean for display.
    DISPLAYED
        The capaian as displayed under the document's policy, as a reader
        adding up the printed column gets it.
    """

    EXACT = "exact"
    DISPLAYED = "displayed"


def _frozen_counts(values: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(values))


@attrs.frozen
class Summary:
    """The summary of a set of indicator results.

    Attributes
    ----------
    count : int
        Indicators summarised.
    mean : Decimal or None
        Mean capaian, unrounded; ``None`` for a summary built from counts.
    above, at, below : int
        Indicators above, at and below target (melebihi, sesuai, tidak
        mencapai).
    categories : mapping of str to int, read-only
        Indicators per category label, in the scheme's order (labels
        without indicators included, with 0); a read-only mapping, so that
        the frozen summary stays as computed. Hashing ignores it (it follows
        from the results), equality compares it.
    excluded : tuple of str
        Codes of the indicators left out because they have no capaian
        (:class:`~sakip.indicators.ExcludedIndicator`, target 0 with
        ``ZeroTarget.NOT_COMPUTABLE``); they count in none of the figures
        above.
    """

    count: int
    mean: Decimal | None
    above: int
    at: int
    below: int
    categories: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen_counts, hash=False)
    excluded: tuple[str, ...] = ()

    @classmethod
    def from_counts(cls, *, above: int, at: int, below: int) -> Summary:
        """A summary known only by its counts (a previous year's report).

        Examples
        --------
        LKIP 2024, Ikhtisar Eksekutif: 2023 had 7 above, 10 at, 2 below.

        >>> Summary.from_counts(above=7, at=10, below=2).count
        19
        """
        counts = [
            to_count(value, field=name)
            for name, value in (("above", above), ("at", at), ("below", below))
        ]
        return cls(sum(counts), None, counts[0], counts[1], counts[2])


def summarize(
    results: Iterable[IndicatorResult] | Evaluation,
    *,
    average: Average | str = Average.EXACT,
    policy: RoundingPolicy | None = None,
    scheme: BandScheme | None = None,
) -> Summary:
    """Mean capaian, counts against target and per category.

    Parameters
    ----------
    results : iterable of IndicatorResult, or Evaluation
        From :func:`~sakip.indicators.evaluate`, or the
        :class:`~sakip.indicators.Evaluation` of
        :func:`~sakip.indicators.evaluate_with_exclusions`: its excluded
        indicators (no capaian) are left out of the mean and every count,
        and named in ``Summary.excluded``.
    average : Average or its value, default EXACT
        Mean of the exact capaian, or of the displayed ones.
    policy : RoundingPolicy, optional
        Required with ``Average.DISPLAYED``.
    scheme : BandScheme, optional
        Lists every label of the scheme in ``categories`` (with 0 where no
        indicator falls); by default only the labels that occur.

    Returns
    -------
    Summary
        Invariant under the order of ``results``.

    Raises
    ------
    InvalidValueError
        No results (an evaluation whose every indicator is excluded
        included), ``Average.DISPLAYED`` without a policy, or an
        ``average`` that is neither a member nor a value of :class:`Average`.
    InvalidTypeError
        ``results`` not a sequence of IndicatorResult, ``policy`` not a
        RoundingPolicy, ``scheme`` not a BandScheme.

    Notes
    -----
    The mean is the plain mean of the capaian, with no cap. On the LKIP 2024
    both averages give 107,34 once truncated to 2 places.

    Examples
    --------
    >>> from sakip import (Indicator, Objective, PerformanceAgreement, Rounding, WorkUnit,
    ...     evaluate, round_to)
    >>> unit = WorkUnit("bnnp", "BNNP", "BNNP")
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S", "Sasaran", [
    ...     Indicator("10", "IKM", "Indeks"), Indicator("17", "BNNK IKPA", "BNNK")])],
    ...     {"10": "3.60", "17": 2})
    >>> summary = summarize(evaluate(pk, {"10": "3.70", "17": 1}))
    >>> round_to(summary.mean, 2, Rounding.TRUNCATE), summary.above, summary.below
    (Decimal('76.38'), 1, 1)
    >>> dict(summary.categories)
    {'Memuaskan': 1, 'Kurang': 1}

    The report's 18 indicators are summarised in ``docs/capaian.md``.

    An indicator without a capaian (target 0, lower is better,
    ``ZeroTarget.NOT_COMPUTABLE``) is named, not counted:

    >>> from sakip.indicators import evaluate_with_exclusions
    >>> from sakip.targets import ZeroTarget
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S", "Sasaran", [
    ...     Indicator("T1", "Persentase tahanan yang melarikan diri", "%", "lower_is_better",
    ...               zero_target=ZeroTarget.NOT_COMPUTABLE),
    ...     Indicator("10", "IKM", "Indeks")])], {"T1": 0, "10": "3.60"})
    >>> summary = summarize(evaluate_with_exclusions(pk, {"T1": "8.33", "10": "3.70"}))
    >>> summary.count, summary.excluded
    (1, ('T1',))
    """
    excluded: tuple[str, ...] = ()
    if isinstance(results, Evaluation):
        excluded = tuple(item.indicator.code for item in results.excluded)
        results = results.results
    rows = list(to_sequence(results, field="results"))
    if not rows:
        raise InvalidValueError("results", "must not be empty", rows)
    for index, row in enumerate(rows):
        if not isinstance(row, IndicatorResult):
            raise InvalidTypeError(f"results[{index}]", "must be an IndicatorResult", row)
    if scheme is not None:
        scheme = as_scheme(scheme)
    if to_enum(average, Average, field="average") is Average.DISPLAYED:
        if policy is None:
            raise InvalidValueError("policy", "must be given to average displayed capaian", None)
        if not isinstance(policy, RoundingPolicy):
            raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
        values = [policy.apply(row.achievement) for row in rows]
    else:
        values = [row.achievement for row in rows]
    mean = divide(exact_sum(values), len(values), numerator_field="capaian")
    counts = {status: 0 for status in TargetStatus}
    for row in rows:
        counts[row.status] += 1
    labels = list(scheme.labels) if scheme is not None else []
    categories = dict.fromkeys(labels, 0)
    for row in rows:
        label = row.category.label
        if scheme is not None and label not in categories:
            raise InvalidValueError(
                "scheme", "must be the scheme the results were classified with", label
            )
        categories[label] = categories.get(label, 0) + 1
    return Summary(
        count=len(rows),
        mean=mean,
        above=counts[TargetStatus.ABOVE],
        at=counts[TargetStatus.AT],
        below=counts[TargetStatus.BELOW],
        categories=categories,
        excluded=excluded,
    )


@attrs.frozen
class SummaryComparison:
    """Two years' summaries side by side (this year minus the previous).

    Attributes
    ----------
    current, previous : Summary
    above, at, below : int
        Changes in the counts.
    mean : Decimal or None
        Change of the mean capaian in percentage points, when both are known.
    """

    current: Summary
    previous: Summary
    above: int
    at: int
    below: int
    mean: Decimal | None


def compare_summaries(current: Summary, previous: Summary) -> SummaryComparison:
    """Compare this year's summary with the previous one.

    Examples
    --------
    LKIP 2024, Ikhtisar Eksekutif: 2024 has 6 / 11 / 1, 2023 had 7 / 10 / 2.
    The report reads this as fewer below target (true) and *more* above
    target (false: one fewer).

    >>> change = compare_summaries(Summary.from_counts(above=6, at=11, below=1),
    ...                            Summary.from_counts(above=7, at=10, below=2))
    >>> change.above, change.at, change.below
    (-1, 1, -1)
    """
    mean = None
    if current.mean is not None and previous.mean is not None:
        mean = UNBOUNDED.subtract(current.mean, previous.mean)
    return SummaryComparison(
        current=current,
        previous=previous,
        above=current.above - previous.above,
        at=current.at - previous.at,
        below=current.below - previous.below,
        mean=mean,
    )


@attrs.frozen
class UnitCount:
    """Units that meet a condition, among those assessed.

    Attributes
    ----------
    met, not_met : tuple of str
        Unit names, in the order given.
    """

    met: tuple[str, ...]
    not_met: tuple[str, ...]

    @property
    def count(self) -> int:
        """Units that meet the condition (the indicator's realisation)."""
        return len(self.met)

    @property
    def total(self) -> int:
        """Units assessed."""
        return len(self.met) + len(self.not_met)

    def achievement(self, *, target: NumberLike) -> Decimal:
        """Capaian of the count against a target number of units.

        Examples
        --------
        >>> UnitCount(("BNNK A",), ("BNNK B",)).achievement(target=2)
        Decimal('50')
        """
        return achievement(target=target, realization=self.count)


def _check_mapping(values: Mapping[str, NumberLike]) -> None:
    if not isinstance(values, Mapping):
        raise InvalidTypeError("values", "must be a mapping of unit to value", values)


def _same_units(
    values: Mapping[str, NumberLike], targets: Mapping[str, NumberLike | None]
) -> None:
    missing = [unit for unit in values if unit not in targets]
    extra = [unit for unit in targets if unit not in values]
    if missing:
        raise InvalidValueError(f"targets[{missing[0]}]", "is missing", None)
    if extra:
        raise InvalidValueError(f"values[{extra[0]}]", "is missing", None)


def count_meeting_targets(
    values: Mapping[str, NumberLike],
    targets: Mapping[str, NumberLike | None] | NumberLike,
    *,
    polarity: Polarity | str = Polarity.HIGHER_IS_BETTER,
) -> UnitCount:
    """Count the units whose value meets its own target (at or above, by polarity).

    Parameters
    ----------
    values : mapping of str to number
        Each unit's value (its IKPA, its NKA...).
    targets : mapping of str to number, or number
        Each unit's own target, or one target for all.
    polarity : Polarity, default HIGHER_IS_BETTER

    Returns
    -------
    UnitCount

    Raises
    ------
    InvalidValueError
        A unit with a value but no target, or a target but no value.

    Examples
    --------
    LKIP 2024, BAB III A sasaran 12, indicator 17 (IKPA of the two BNNK):

    >>> count = count_meeting_targets(
    ...     {"BNNK Palangka Raya": "98.74", "BNNK Kotawaringin Barat": "99.90"},
    ...     {"BNNK Palangka Raya": "99.19", "BNNK Kotawaringin Barat": "96.41"})
    >>> count.met, count.count, count.total
    (('BNNK Kotawaringin Barat',), 1, 2)
    >>> count.achievement(target=2)
    Decimal('50')
    """
    _check_mapping(values)
    if isinstance(targets, Mapping):
        _same_units(values, targets)
        own = dict(targets)
    else:
        own = dict.fromkeys(values, targets)
    met: list[str] = []
    not_met: list[str] = []
    for unit, value in values.items():
        goal = own[unit]
        if goal is None:
            raise InvalidValueError(f"targets[{unit}]", "is missing", None)
        status = target_status(target=goal, realization=value, polarity=polarity)
        (not_met if status is TargetStatus.BELOW else met).append(unit)
    return UnitCount(tuple(met), tuple(not_met))


def count_in_categories(
    values: Mapping[str, NumberLike], scheme: BandScheme, categories: Collection[str]
) -> UnitCount:
    """Count the units whose value falls in one of the named categories.

    Examples
    --------
    LKIP 2024, BAB III A sasaran 1 (Dektari of the two BNNK, category
    "Tinggi" or better):

    >>> from sakip.schemes import DEKTARI_2024
    >>> count_in_categories({"Palangka Raya": "55.76", "Kotawaringin Barat": "55.08"},
    ...                     DEKTARI_2024, {"Tinggi", "Sangat Tinggi"}).count
    2
    """
    _check_mapping(values)
    scheme = as_scheme(scheme)
    categories = to_sequence(categories, field="categories")
    unknown = [label for label in categories if label not in scheme.labels]
    if unknown:
        raise InvalidValueError("categories", f"must be labels of {scheme.name!r}", unknown[0])
    met: list[str] = []
    not_met: list[str] = []
    for unit, value in values.items():
        label = scheme.classify(to_decimal(value, field=f"values[{unit}]")).label
        (met if label in categories else not_met).append(unit)
    return UnitCount(tuple(met), tuple(not_met))


def _figures(values: ArrayLike, field: str) -> npt.NDArray[Any]:
    """Figures to compare exactly: float64 (integers up to 2**53), else exact objects.

    float16/32 elements count as the decimal they print as in their own
    dtype (``str(float32(99.19))`` is ``'99.19'``), as the scalar path reads
    them; integers beyond ``2**53``, other floats and object arrays become
    exact Python numbers (Decimal or int), compared without rounding.
    """
    array = to_array(values, field=field)
    kind = array.dtype.kind
    if kind == "f" and array.dtype.itemsize < 8:
        array = array.astype(str).astype(np.float64)
    elif kind in "iu":
        if not array.size or max(-int(array.min()), int(array.max())) <= 2**53:
            array = array.astype(np.float64)
        else:
            array = array.astype(object)
    elif kind == "f" and array.dtype != np.float64:
        array = np.array(list(array.flat), dtype=object).reshape(array.shape)
    if array.dtype == np.float64:
        finite = np.isfinite(array)
        if not finite.all():
            index = int(np.flatnonzero(~finite.ravel())[0])
            raise InvalidValueError(
                f"{field}[{index}]", "must be a finite number", float(array.flat[index])
            )
        negative = array < 0
    else:
        exact = np.empty(array.shape, dtype=object)
        for index, item in enumerate(array.flat):
            exact.flat[index] = (
                item if type(item) is int else to_decimal(item, field=f"{field}[{index}]")
            )
        array = exact
        negative = np.asarray(array < 0, dtype=bool)
    if negative.any():
        index = int(np.flatnonzero(negative.ravel())[0])
        raise InvalidValueError(f"{field}[{index}]", "must be >= 0", array.flat[index])
    return array


def meets_target_array(
    values: ArrayLike,
    targets: ArrayLike,
    *,
    polarity: Polarity | str | ArrayLike = Polarity.HIGHER_IS_BETTER,
) -> npt.NDArray[np.bool_]:
    """Whether each value meets its target, exactly as :func:`~sakip.capaian.target_status`.

    Parameters
    ----------
    values, targets : array_like
        Each unit's value and its own target (broadcast together), ``>= 0``
        as in :func:`~sakip.capaian.target_status`: integer, float16/32/64
        or ``Decimal`` object arrays, or lists of numbers. Masked elements
        are refused.
    polarity : Polarity, its value, or array_like, default HIGHER_IS_BETTER
        One polarity for all, or one per element (members, their values, or
        booleans where ``True`` marks lower-is-better).

    Returns
    -------
    numpy.ndarray of bool
        At or above target (at or below, when lower is better).

    Raises
    ------
    InvalidValueError
        NaN, infinity or a negative figure (the scalar path raises too),
        naming the element; shapes that do not broadcast; masked elements.
    InvalidTypeError
        A ``str``, a bool array, or a polarity of the wrong type.

    Notes
    -----
    Comparing two float64 orders them as their shortest decimal forms
    (``Decimal(str(x))``) are ordered, because rounding decimals to floats
    is monotone and ``str`` round-trips; float16/32 are first turned into
    the float64 nearest to their own shortest decimal, integers up to
    ``2**53`` are exact in float64, and everything else (larger integers,
    Decimal arrays) is compared as exact Python numbers. So this agrees
    element for element with :func:`count_meeting_targets`.

    Examples
    --------
    >>> meets_target_array([98.74, 99.90], [99.19, 96.41]).tolist()
    [False, True]
    >>> meets_target_array([1.65, 1.73], 1.69, polarity=Polarity.LOWER_IS_BETTER).tolist()
    [True, False]
    """
    from sakip._achievement_paths import HIGHER
    from sakip.capaian import _broadcast_shape, _formulas

    left = _figures(values, "values")
    right = _figures(targets, "targets")
    shape = _broadcast_shape(values=left, targets=right)
    if left.dtype != right.dtype:  # one side exact: compare both exactly
        left, right = left.astype(object), right.astype(object)
    member, permen, inverse = _formulas(polarity, shape)
    at_least = np.asarray(left >= right, dtype=bool)
    at_most = np.asarray(left <= right, dtype=bool)
    if member is not None:
        return np.broadcast_to(at_least if member == HIGHER else at_most, shape).copy()
    assert permen is not None
    lower = permen if inverse is None else permen | inverse
    return np.asarray(np.where(lower, at_most, at_least))


def count_meeting_targets_by_group(
    values: ArrayLike,
    targets: ArrayLike,
    *,
    groups: ArrayLike,
    polarity: Polarity | str | ArrayLike = Polarity.HIGHER_IS_BETTER,
    n_groups: int | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Per group, the units meeting their own targets and the units assessed.

    The batch twin of :func:`count_meeting_targets` applied to each group
    (each province's BNNK, each year, each indicator).

    Parameters
    ----------
    values, targets : array_like of float or int
        As in :func:`meets_target_array`.
    groups : array_like of int
        Group number of each unit, ``>= 0``, same shape as ``values``.
    polarity : Polarity or array_like of bool, default HIGHER_IS_BETTER
        As in :func:`meets_target_array`.
    n_groups : int, optional
        Number of groups (more than the largest group number gives empty
        groups at the end); by default the largest group number plus one.

    Returns
    -------
    met, assessed : numpy.ndarray of int64
        For group ``g``: units meeting their target, and units in it.

    Raises
    ------
    InvalidValueError
        A negative group number or one ``>= n_groups``, groups of another
        shape, or the errors of :func:`meets_target_array`.
    InvalidTypeError
        Group numbers that are not integers.

    Examples
    --------
    Two provinces (0 and 1), three BNNK each:

    >>> met, assessed = count_meeting_targets_by_group(
    ...     [98.74, 99.90, 97.0, 95.5, 99.2, 96.0],
    ...     [99.19, 96.41, 95.0, 95.0, 95.0, 95.0],
    ...     groups=[0, 0, 0, 1, 1, 1])
    >>> met.tolist(), assessed.tolist()
    ([2, 3], [3, 3])
    """
    met_each = meets_target_array(values, targets, polarity=polarity)
    labels = to_array(groups, field="groups")
    if labels.dtype.kind not in "iu":
        raise InvalidTypeError("groups", "must be an integer array", labels.dtype)
    if labels.shape != met_each.shape:
        raise InvalidValueError("groups", f"must have the shape {met_each.shape}", labels.shape)
    flat = labels.ravel()
    if flat.size and int(flat.min()) < 0:
        raise InvalidValueError("groups", "must be >= 0", int(flat.min()))
    largest = int(flat.max()) + 1 if flat.size else 0
    if n_groups is None:
        n_groups = largest
    elif to_count(n_groups, field="n_groups") < largest:
        raise InvalidValueError("n_groups", f"must be >= {largest}", n_groups)
    else:
        n_groups = to_count(n_groups, field="n_groups")
    index = flat.astype(np.intp, copy=False)
    met = np.bincount(index[met_each.ravel()], minlength=n_groups)
    assessed = np.bincount(index, minlength=n_groups)
    return met.astype(np.int64, copy=False), assessed.astype(np.int64, copy=False)
