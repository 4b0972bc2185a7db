"""Capaian: the achievement of an indicator against its target, in percent.

One enum, :class:`Polarity`, says both which direction is good and, for a
lower-is-better indicator, which formula gives its capaian:

- :attr:`Polarity.HIGHER_IS_BETTER` (the default): ``realization / target x 100``;
- :attr:`Polarity.LOWER_IS_BETTER`: ``(2 x target - realization) / target x 100``
  (``(1 + (1 - R/T)) x 100 %``, PermenPANRB 53/2014 practice);
- :attr:`Polarity.LOWER_IS_BETTER_INVERSE`: ``target / realization x 100``.

The degenerate cases have stated rules (see :func:`achievement`); none of
them gives a ``ZeroDivisionError``, a NaN or a silent 0 or 100.

The batch path :func:`achievement_array` agrees with the scalar path exactly
after rounding, ties included: in float64 blocks with an exact correction
when the figures are small enough (every report figure is), with exact
integers (``int64`` where no product can overflow, Python integers beyond)
otherwise. Its arguments pass the array front door
(:func:`sakip.coerce.to_array`).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt

from sakip._achievement_paths import (
    HIGHER,
    INT64_MAX,
    INVERSE,
    PERMEN,
    Arrays,
    Formulas,
    block_path,
    exact_path,
    figures,
)
from sakip.bands import Band, BandScheme, as_scheme
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike, to_bool, to_count, to_enum
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.exact_array import scaled_to_decimals
from sakip.numbers import (
    UNBOUNDED,
    NumberLike,
    RoundingPolicy,
    divide,
    percent,
    to_decimal,
)
from sakip.schemes import CAPAIAN_LKIP
from sakip.targets import TargetLike, TargetRange, ZeroTarget, to_target

__all__ = [
    "AchievementArray",
    "ClassifyOn",
    "Polarity",
    "TargetStatus",
    "achievement",
    "achievement_array",
    "classify_achievement",
    "target_status",
]

_HUNDRED = Decimal(100)


class Polarity(enum.Enum):
    """Which direction of an indicator is good, and the capaian formula it uses.

    Attributes
    ----------
    HIGHER_IS_BETTER
        More is better (berkas P-21, an index): every BNN indicator of the
        LKIP 2024. Capaian ``R / T x 100``.
    LOWER_IS_BETTER
        Less is better (drug-abuse prevalence), with the PermenPANRB formula
        ``(2T - R) / T x 100``: 100 at target, 1 point per point of
        improvement relative to the target (PermenPANRB 53/2014 practice).
        The default formula for a lower-is-better indicator.
    LOWER_IS_BETTER_INVERSE
        Less is better, with the formula ``T / R x 100`` some agencies use.

    Examples
    --------
    >>> Polarity("lower_is_better_inverse")
    <Polarity.LOWER_IS_BETTER_INVERSE: 'lower_is_better_inverse'>
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    LOWER_IS_BETTER_INVERSE = "lower_is_better_inverse"


class TargetStatus(enum.Enum):
    """Where a realisation stands against its target, by the indicator's polarity.

    Attributes
    ----------
    ABOVE
        Better than the target (melebihi target).
    AT
        Exactly on target (sesuai target).
    BELOW
        Worse than the target (tidak mencapai target).
    """

    ABOVE = "above"
    AT = "at"
    BELOW = "below"


class ClassifyOn(enum.Enum):
    """Which value a category is decided on.

    Attributes
    ----------
    EXACT
        The unrounded capaian (the default): 74,999 is below 75.
    DISPLAYED
        The capaian as the document shows it, after its rounding policy.
    """

    EXACT = "exact"
    DISPLAYED = "displayed"


def _required(value: NumberLike | None, field: str) -> Decimal:
    if value is None:
        raise InvalidValueError(field, "is missing", None)
    number = to_decimal(value, field=field)
    if number < 0:
        raise InvalidValueError(field, "must be >= 0", number)
    return number


def _cap(cap: NumberLike | None) -> Decimal | None:
    if cap is None:
        return None
    limit = to_decimal(cap, field="cap")
    if limit < 0:
        raise InvalidValueError("cap", "must be >= 0", limit)
    return limit


@overload
def achievement(
    *,
    target: TargetLike,
    realization: NumberLike,
    polarity: Polarity | str = ...,
    cap: NumberLike | None = ...,
    floor_at_zero: bool = ...,
    zero_target: Literal[ZeroTarget.RAISE, ZeroTarget.ZERO] = ...,
) -> Decimal: ...


@overload
def achievement(
    *,
    target: TargetLike,
    realization: NumberLike,
    polarity: Polarity | str = ...,
    cap: NumberLike | None = ...,
    floor_at_zero: bool = ...,
    zero_target: ZeroTarget | str,
) -> Decimal | None: ...


def achievement(
    *,
    target: TargetLike,
    realization: NumberLike,
    polarity: Polarity | str = Polarity.HIGHER_IS_BETTER,
    cap: NumberLike | None = None,
    floor_at_zero: bool = True,
    zero_target: ZeroTarget | str = ZeroTarget.RAISE,
) -> Decimal | None:
    """The capaian of one indicator, in percent, exact and unrounded.

    Parameters
    ----------
    target : int, str, Decimal, float or TargetRange
        Target in the indicator's unit, ``>= 0``; or a range
        (:class:`~sakip.targets.TargetRange`, "80-90 %"), see Notes.
    realization : int, str, Decimal or float
        Realisation (realisasi) in the indicator's unit, ``>= 0``.
    polarity : Polarity or its value, default HIGHER_IS_BETTER
        Which direction is good and, when lower is better, the formula.
    cap : number, optional
        Upper limit of the result (some agencies cap at 100, 110, 120; the
        Finance Ministry at 120). BNN reports do not cap (228,57 % is
        printed), so the default is none.
    floor_at_zero : bool, default True
        The PermenPANRB formula goes negative when the realisation is more
        than twice the target; by default it stops at 0.
    zero_target : ZeroTarget or its value, default RAISE
        What a lower-is-better indicator with target 0 and a realisation
        above 0 gets (:class:`~sakip.targets.ZeroTarget`): an error for
        ``(2T - R) / T`` and 0 for ``T / R`` (``RAISE``, unchanged from
        0.1.0), ``None`` (``NOT_COMPUTABLE``) or 0 (``ZERO``).

    Returns
    -------
    Decimal or None
        Capaian in percent (100 means on target); ``None`` only with
        ``zero_target=ZeroTarget.NOT_COMPUTABLE``.

    Raises
    ------
    InvalidValueError
        A missing (``None``) or negative target or realisation, a negative
        ``cap``, a ``polarity`` or ``zero_target`` that is neither a member
        nor a value of its enum, or a degenerate case without a finite value
        (see Notes).
    InvalidTypeError
        ``floor_at_zero`` that is not a bool.

    Notes
    -----
    Degenerate cases:

    - higher is better, target 0: raises (no finite capaian);
    - lower is better, target 0: realisation 0 counts as on target (100);
      any other realisation follows ``zero_target``;
    - lower is better (inverse), realisation 0: target 0 counts as on
      target (100), any other target raises (infinite capaian);
    - higher is better, realisation 0: capaian 0, a real value.

    Range targets (PermenPANRB 8/2021, Lampiran BAB VI.A.1.b, printed pages
    91 and 100; revoked by PermenPANRB 6/2022): a realisation above the
    range is measured against its upper bound, one below against its lower
    bound, with the indicator's formula; a realisation inside the range
    gets exactly 100 (a convention of this library, the only value
    continuous at both bounds; the regulation does not state it). The cap
    applies to the result as for a plain target. A range ``[t, t]`` gives
    what the target ``t`` gives (its degenerate cases included).

    References
    ----------
    PermenPANRB 53/2014 (Petunjuk Teknis Perjanjian Kinerja, Pelaporan
    Kinerja); PermenPANRB 8/2021, Lampiran BAB VI; LKIP BNNP Kalimantan
    Tengah 2024, BAB III A.

    Examples
    --------
    LKIP 2024, BAB III A rows 10, 11 and 17:

    >>> from sakip import Rounding, round_to
    >>> round_to(achievement(target="3.60", realization="3.70"), 2, Rounding.TRUNCATE)
    Decimal('102.77')
    >>> round_to(achievement(target=7, realization=16), 2, Rounding.TRUNCATE)
    Decimal('228.57')
    >>> achievement(target=2, realization=1)
    Decimal('50')

    Lower is better, national prevalence target 1,69 (RPJMN 2020-2024):

    >>> round_to(achievement(target="1.69", realization="1.73",
    ...          polarity=Polarity.LOWER_IS_BETTER), 2, Rounding.TRUNCATE)
    Decimal('97.63')
    >>> round_to(achievement(target="1.69", realization="1.73",
    ...          polarity="lower_is_better_inverse"), 2, Rounding.TRUNCATE)
    Decimal('97.68')
    >>> achievement(target=0, realization=5)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must be > 0 for a higher-is-better indicator: 0

    A range target, PermenPANRB 8/2021 printed page 100 (7-8 months,
    realisation 6,5 months, lower is better), and a cap of 120:

    >>> from sakip.targets import TargetRange
    >>> round_to(achievement(target=TargetRange(7, 8), realization="6.5",
    ...          polarity=Polarity.LOWER_IS_BETTER), 2, Rounding.HALF_UP)
    Decimal('107.14')
    >>> achievement(target=7, realization=16, cap=120)
    Decimal('120')
    """
    goal = to_target(target, field="target")
    actual = _required(realization, "realization")
    direction = to_enum(polarity, Polarity, field="polarity")
    floor = to_bool(floor_at_zero, field="floor_at_zero")
    on_zero = to_enum(zero_target, ZeroTarget, field="zero_target")
    limit = _cap(cap)
    if isinstance(goal, TargetRange):
        bound = goal.nearer_bound(actual)
        if bound is None and goal.low < goal.high:
            return _HUNDRED if limit is None else min(_HUNDRED, limit)
        goal = goal.low if bound is None else bound
    result = _capaian(goal, actual, direction, floor, on_zero)
    if result is not None and limit is not None:
        result = min(result, limit)
    return result


def _capaian(
    goal: Decimal, actual: Decimal, direction: Polarity, floor: bool, on_zero: ZeroTarget
) -> Decimal | None:
    if direction is Polarity.HIGHER_IS_BETTER:
        if goal.is_zero():
            raise InvalidValueError("target", "must be > 0 for a higher-is-better indicator", goal)
        return percent(actual, goal, part_field="realization", whole_field="target")
    if goal.is_zero() and not actual.is_zero() and on_zero is not ZeroTarget.RAISE:
        return None if on_zero is ZeroTarget.NOT_COMPUTABLE else Decimal(0)
    if direction is Polarity.LOWER_IS_BETTER:
        if goal.is_zero():
            if not actual.is_zero():
                raise InvalidValueError(
                    "target",
                    "must be > 0 when the realization is above it (lower-is-better, "
                    "(2T - R) / T; see zero_target)",
                    goal,
                )
            return _HUNDRED
        improvement = UNBOUNDED.subtract(UNBOUNDED.multiply(goal, Decimal(2)), actual)
        result = percent(improvement, goal, whole_field="target")
        return Decimal(0) if floor and result < 0 else result
    if actual.is_zero():
        if not goal.is_zero():
            raise InvalidValueError(
                "realization",
                "must be > 0 for the target / realization formula (its capaian is infinite)",
                actual,
            )
        return _HUNDRED
    return percent(goal, actual, part_field="target", whole_field="realization")


def target_status(
    *,
    target: TargetLike,
    realization: NumberLike,
    polarity: Polarity | str = Polarity.HIGHER_IS_BETTER,
) -> TargetStatus:
    """Whether a realisation is above, at or below its target, by polarity.

    Decided on the figures themselves, not on a (possibly capped) capaian;
    both lower-is-better polarities give the same status. Against a
    :class:`~sakip.targets.TargetRange`, a realisation inside the range is
    at target, and one outside it is compared with the nearer bound.

    Examples
    --------
    >>> target_status(target="99.19", realization="98.74")
    <TargetStatus.BELOW: 'below'>
    >>> target_status(target="1.69", realization="1.65", polarity=Polarity.LOWER_IS_BETTER)
    <TargetStatus.ABOVE: 'above'>
    >>> from sakip.targets import TargetRange
    >>> target_status(target=TargetRange(7, 8), realization=9, polarity="lower_is_better")
    <TargetStatus.BELOW: 'below'>
    """
    goal = to_target(target, field="target")
    actual = _required(realization, "realization")
    direction = to_enum(polarity, Polarity, field="polarity")
    if isinstance(goal, TargetRange):
        bound = goal.nearer_bound(actual)
        if bound is None:
            return TargetStatus.AT
        goal = bound
    # Compared, not subtracted: a comparison of Decimals never rounds.
    better, worse = (actual, goal) if direction is Polarity.HIGHER_IS_BETTER else (goal, actual)
    if better > worse:
        return TargetStatus.ABOVE
    return TargetStatus.AT if better == worse else TargetStatus.BELOW


def classify_achievement(
    value: NumberLike,
    scheme: BandScheme = CAPAIAN_LKIP,
    *,
    on: ClassifyOn | str = ClassifyOn.EXACT,
    policy: RoundingPolicy | None = None,
) -> Band:
    """The category of a capaian, decided on the exact or the displayed value.

    Parameters
    ----------
    value : number
        The exact capaian from :func:`achievement`.
    scheme : BandScheme, default CAPAIAN_LKIP
        The category table.
    on : ClassifyOn or its value, default EXACT
        Decide on the exact value, or on the value displayed under ``policy``.
    policy : RoundingPolicy, optional
        Required with ``on=ClassifyOn.DISPLAYED``.

    Raises
    ------
    InvalidValueError
        ``on`` neither a member nor a value of :class:`ClassifyOn`, or
        ``DISPLAYED`` without a policy.
    InvalidTypeError
        ``scheme`` not a BandScheme, ``policy`` not a RoundingPolicy.

    Examples
    --------
    >>> from sakip import Rounding, RoundingPolicy
    >>> shown = RoundingPolicy(0, Rounding.HALF_UP)
    >>> classify_achievement("84.6").label
    'Baik'
    >>> classify_achievement("84.6", on="displayed", policy=shown).label
    'Sangat Baik'
    """
    number = to_decimal(value, field="value")
    table = as_scheme(scheme)
    if to_enum(on, ClassifyOn, field="on") is ClassifyOn.DISPLAYED:
        if policy is None:
            raise InvalidValueError(
                "policy", "must be given to classify the displayed value", None
            )
        if not isinstance(policy, RoundingPolicy):
            raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
        number = policy.apply(number)
    return table.classify(number)


# --- batch path ------------------------------------------------------------------------


def _frozen(values: ArrayLike, dtype: npt.DTypeLike) -> npt.NDArray[Any]:
    array = np.array(values, dtype=dtype, copy=True)
    array.setflags(write=False)
    return array


def _frozen_int64(values: ArrayLike) -> npt.NDArray[np.int64]:
    return _frozen(values, np.int64)


def _frozen_int8(values: ArrayLike) -> npt.NDArray[np.int8]:
    return _frozen(values, np.int8)


def _frozen_residual(values: ArrayLike | None) -> npt.NDArray[np.int8] | None:
    return None if values is None else _frozen(values, np.int8)


def _frozen_exact(values: ArrayLike) -> npt.NDArray[Any]:
    """Integers as int64 where every one fits, else as Python integers (object)."""
    array = np.asarray(values)
    if array.dtype.kind == "O" or (
        array.size and (int(array.max()) > INT64_MAX or int(array.min()) < -INT64_MAX)
    ):
        return _frozen(array, object)
    return _frozen(array, np.int64)


@attrs.frozen(eq=False)
class AchievementArray:
    """Capaian of many indicators at once, rounded under a policy.

    Frozen, hashable (by identity, as :class:`~sakip.batch.ScoreBatch`) and
    read-only: every array is a private copy that numpy refuses to write.
    :meth:`to_score_batch` gives the shared batch type of the instruments;
    this class keeps what only capaian has (the status against target and the
    exact quotients).

    Attributes
    ----------
    scaled : numpy.ndarray of int64
        The rounded capaian times ``10**policy.places``.
    policy : RoundingPolicy
        How ``scaled`` was rounded.
    status : numpy.ndarray of int8
        ``1`` above, ``0`` at, ``-1`` below target (by polarity).
    numerator, denominator : numpy.ndarray of int64 (object beyond int64)
        The exact capaian as a quotient, for classification on exact values;
        Python integers in an object array where a quotient does not fit in
        int64.
    residual : numpy.ndarray of int8, optional
        The sign of ``exact capaian x 10**places - scaled``: ``1`` when the
        exact capaian lies above the rounded one, ``-1`` below, ``0`` when
        they are equal. With it :meth:`classify` decides categories on the
        exact values from ``scaled`` alone.

    Examples
    --------
    >>> from sakip import Rounding, RoundingPolicy
    >>> result = achievement_array(target=[7], realization=[16],
    ...                            policy=RoundingPolicy(2, Rounding.TRUNCATE))
    >>> result.scaled.tolist(), result.scaled.flags.writeable
    ([22857], False)
    """

    scaled: npt.NDArray[np.int64] = attrs.field(converter=_frozen_int64)
    policy: RoundingPolicy = attrs.field(validator=attrs.validators.instance_of(RoundingPolicy))
    status: npt.NDArray[np.int8] = attrs.field(converter=_frozen_int8)
    numerator: npt.NDArray[Any] = attrs.field(converter=_frozen_exact)
    denominator: npt.NDArray[Any] = attrs.field(converter=_frozen_exact)
    residual: npt.NDArray[np.int8] | None = attrs.field(default=None, converter=_frozen_residual)

    @classmethod
    def _owned(cls, arrays: Arrays, policy: RoundingPolicy) -> AchievementArray:
        """Wrap arrays no one else holds, frozen in place (no copy: 1M rows cost ~20 ms)."""
        scaled, status, numerator, denominator, residual = arrays
        fields = {
            "scaled": scaled.astype(np.int64, copy=False),
            "policy": policy,
            "status": status.astype(np.int8, copy=False),
            "numerator": numerator,
            "denominator": denominator,
            "residual": residual.astype(np.int8, copy=False),
        }
        instance = object.__new__(cls)
        for name, value in fields.items():
            array = value
            while isinstance(array, np.ndarray):  # the view and every base under it
                array.setflags(write=False)
                array = array.base
            object.__setattr__(instance, name, value)
        return instance

    def decimals(self) -> list[Decimal]:
        """The rounded capaian as Decimals, as :func:`achievement` and the policy give them.

        Examples
        --------
        >>> from sakip import Rounding, RoundingPolicy
        >>> achievement_array(target=[3.60], realization=[3.70],
        ...                   policy=RoundingPolicy(2, Rounding.TRUNCATE)).decimals()
        [Decimal('102.77')]
        """
        return scaled_to_decimals(self.scaled, self.policy.places)

    def to_score_batch(self, scheme: BandScheme = CAPAIAN_LKIP) -> ScoreBatch:
        """The capaian as the instruments' shared :class:`~sakip.batch.ScoreBatch`.

        Positions are the categories of the exact capaian in ``scheme``.

        Examples
        --------
        >>> from sakip import Rounding, RoundingPolicy
        >>> achievement_array(target=[7, 2], realization=[16, 1],
        ...                   policy=RoundingPolicy(2, Rounding.TRUNCATE)).to_score_batch().labels()
        ['Memuaskan', 'Kurang']
        """
        table = as_scheme(scheme)
        return ScoreBatch(
            scaled=self.scaled, policy=self.policy, positions=self.classify(table), scheme=table
        )

    def classify(
        self, scheme: BandScheme = CAPAIAN_LKIP, *, on: ClassifyOn | str = ClassifyOn.EXACT
    ) -> npt.NDArray[np.intp]:
        """Band positions, decided on the exact or the displayed capaian.

        Parameters
        ----------
        scheme : BandScheme, default CAPAIAN_LKIP
            The categories.
        on : ClassifyOn or its value, default EXACT
            Decide on the exact capaian or on the displayed (rounded) one.

        Returns
        -------
        numpy.ndarray of intp
            Band positions (0 = lowest), as ``scheme.index`` gives them.

        Raises
        ------
        OutOfBandError
            As ``scheme.index``, for the first offending element.

        Notes
        -----
        When every bound of ``scheme`` has at most ``policy.places``
        decimals, categories of the exact capaian come from the scaled
        integers and :attr:`residual`
        (:meth:`BandScheme.classify_scaled_array`), otherwise from the exact
        quotients (:meth:`BandScheme.classify_ratio_array`, or one
        :meth:`BandScheme.index` per element for quotients beyond int64);
        displayed values are exact scaled integers. All routes are exact.

        Examples
        --------
        99,999 % truncates to 99,99 and is "Sangat Baik"; 100 % is "Memuaskan":

        >>> from sakip import Rounding, RoundingPolicy
        >>> result = achievement_array(target=[1000, 100], realization=[999.99, 100],
        ...                            policy=RoundingPolicy(2, Rounding.TRUNCATE))
        >>> result.decimals(), result.classify().tolist()
        ([Decimal('99.99'), Decimal('100.00')], [3, 4])
        """
        table = as_scheme(scheme)
        places = self.policy.places
        if to_enum(on, ClassifyOn, field="on") is ClassifyOn.DISPLAYED:
            # The displayed values are exact: scaled / 10**places.
            try:
                return table.classify_scaled_array(self.scaled, places)
            except OutOfBandError:
                raise
            except InvalidValueError:  # keys beyond int64: the quotients cope
                return table.classify_ratio_array(self.scaled, 10**places)
        if self.residual is not None and table.places <= places:
            try:
                return table.classify_scaled_array(self.scaled, places, residual=self.residual)
            except InvalidValueError:
                # Out of band (the quotients raise with the exact value in the
                # message), or keys beyond int64 (the quotients cope).
                pass
        if self.numerator.dtype == object or self.denominator.dtype == object:
            positions = [
                table.index(divide(int(top), int(bottom)))
                for top, bottom in zip(self.numerator.flat, self.denominator.flat, strict=True)
            ]
            return np.array(positions, dtype=np.intp).reshape(self.numerator.shape)
        return table.classify_ratio_array(self.numerator, self.denominator)


_CODES = {
    Polarity.HIGHER_IS_BETTER: HIGHER,
    Polarity.LOWER_IS_BETTER: PERMEN,
    Polarity.LOWER_IS_BETTER_INVERSE: INVERSE,
}


def _formulas(polarity: Polarity | str | ArrayLike, shape: tuple[int, ...]) -> Formulas:
    """One polarity for all (code, None, None), or per element (None, PermenPANRB, inverse)."""
    if isinstance(polarity, Polarity | str):
        return _CODES[to_enum(polarity, Polarity, field="polarity")], None, None
    if isinstance(polarity, np.ma.MaskedArray) and np.ma.getmaskarray(polarity).any():
        masked = int(np.count_nonzero(np.ma.getmaskarray(polarity)))
        raise InvalidValueError("polarity", "must have no masked elements", masked)
    array = np.asarray(polarity)
    inverse: npt.NDArray[np.bool_] | None = None
    if array.dtype == bool:
        permen: npt.NDArray[np.bool_] = array
    elif array.dtype.kind in "OU":
        members = [
            to_enum(
                str(item) if isinstance(item, np.str_) else item, Polarity, field=f"polarity[{i}]"
            )
            for i, item in enumerate(array.flat)
        ]
        permen = np.array([m is Polarity.LOWER_IS_BETTER for m in members], dtype=bool)
        inverse = np.array([m is Polarity.LOWER_IS_BETTER_INVERSE for m in members], dtype=bool)
        permen, inverse = permen.reshape(array.shape), inverse.reshape(array.shape)
    else:
        raise InvalidTypeError(
            "polarity",
            "must be a Polarity, its value, or an array of them (or of bools)",
            array.dtype,
        )
    try:
        permen = np.broadcast_to(permen, shape)
        if inverse is not None:
            inverse = np.broadcast_to(inverse, shape)
    except ValueError:
        raise InvalidValueError(
            "polarity", f"must have the shape of 'target' {shape}", array.shape
        ) from None
    return None, permen, inverse


def _broadcast_shape(**arrays: np.ndarray[Any, Any]) -> tuple[int, ...]:
    """The shape two arrays broadcast to, or an error naming the second (as ``same_shape``).

    Examples
    --------
    >>> _broadcast_shape(target=np.zeros(3), realization=np.zeros(1))
    (3,)
    >>> _broadcast_shape(target=np.zeros(3), realization=np.zeros(2))
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'realization' must have the shape of 'target' (3,): (2,)
    """
    (first, left), (second, right) = arrays.items()
    try:
        return np.broadcast_shapes(left.shape, right.shape)
    except ValueError:
        raise InvalidValueError(
            second, f"must have the shape of {first!r} {left.shape}", right.shape
        ) from None


def achievement_array(
    *,
    target: ArrayLike,
    realization: ArrayLike,
    policy: RoundingPolicy,
    polarity: Polarity | str | ArrayLike = Polarity.HIGHER_IS_BETTER,
    cap: NumberLike | None = None,
    floor_at_zero: bool = True,
    input_places: int = 2,
) -> AchievementArray:
    """Capaian of arrays of targets and realisations, exactly as :func:`achievement`.

    Parameters
    ----------
    target, realization : array_like
        One element per indicator (broadcast together): integer, float16/32/64
        or ``Decimal``/``int``/``str`` object arrays, or lists of numbers; each
        with at most ``input_places`` decimals (as printed figures are), else
        :class:`InexactArrayError`. A float element counts as the decimal it
        prints as in its own dtype (``Decimal(str(x))``): a float32 ``88.31``
        is 88,31. Masked elements are refused. Range targets
        (:class:`~sakip.targets.TargetRange`) are scalar only: compute them
        with :func:`achievement`.
    policy : RoundingPolicy
        How the capaian is rounded (the LKIP: 2 places, truncated).
    polarity : Polarity, its value, or array_like, default HIGHER_IS_BETTER
        One polarity for all, or one per element (``Polarity`` members or
        their values, or booleans where ``True`` marks
        ``Polarity.LOWER_IS_BETTER``).
    cap, floor_at_zero
        As in :func:`achievement`. The ``zero_target`` choice of
        :func:`achievement` is scalar only: this path keeps its default
        (``ZeroTarget.RAISE``).
    input_places : int, default 2
        Decimal places the inputs carry.

    Returns
    -------
    AchievementArray

    Raises
    ------
    InvalidValueError
        The scalar path's degenerate cases, naming the first offending
        element (``'target[3]' must be > 0 ...``); NaN or infinity; arrays
        whose shapes do not broadcast (naming ``realization`` or
        ``polarity``); masked elements; a polarity that is not a member or
        value of :class:`Polarity`.
    InexactArrayError
        Inputs with more decimals than ``input_places``, of ``10**30`` or
        more, or a capaian whose scaled value leaves ``int64``.
    InvalidTypeError
        ``policy`` not a RoundingPolicy, ``floor_at_zero`` not a bool, a
        ``str`` or a bool array as figures.

    Notes
    -----
    Two exact routes give the same integers:

    - float64 blocks: float or int arrays of one shape, one lower-is-better
      formula, every denominator above 0, no cap, no negative capaian (or
      ``floor_at_zero``), and figures below ``2**53 / (200 x 10**places + 1)``
      once scaled (``4.5e9`` for 2 places in and out). Each block is scaled
      and checked, divided in float64 and corrected exactly
      (:func:`sakip.exact_array.floor_divmod`); temporaries stay within a
      block, and only the outputs are full size;
    - exact integers otherwise (the 0 / 0 rules, caps, broadcasting, object
      arrays, larger figures): ``int64`` where no intermediate product can
      leave it, Python integers beyond, so no value ever wraps. It raises
      :class:`InexactArrayError` only once ``capaian x 10**places`` itself
      would leave ``int64``, and the scalar path's errors with the
      element's index.

    The route never changes a result, only its speed; the raising cases are
    those of the scalar path plus inexact or out-of-range input.

    Examples
    --------
    >>> from sakip import Rounding, RoundingPolicy
    >>> result = achievement_array(
    ...     target=[3.60, 7, 86, 2], realization=[3.70, 16, 99.98, 1],
    ...     policy=RoundingPolicy(2, Rounding.TRUNCATE))
    >>> [str(v) for v in result.decimals()]
    ['102.77', '228.57', '116.25', '50.00']
    >>> result.status.tolist()
    [1, 1, 1, -1]
    >>> [CAPAIAN_LKIP.labels[i] for i in result.classify()]
    ['Memuaskan', 'Memuaskan', 'Memuaskan', 'Kurang']

    Figures beyond int64 once multiplied stay exact:

    >>> achievement_array(target=[1844674407370955], realization=[1844674407370955],
    ...                   policy=RoundingPolicy(2, Rounding.TRUNCATE)).decimals()
    [Decimal('100.00')]
    """
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    goal = figures(target, "target")
    actual = figures(realization, "realization")
    shape = _broadcast_shape(target=goal, realization=actual)
    formulas = _formulas(polarity, shape)
    floor = to_bool(floor_at_zero, field="floor_at_zero")
    limit = _cap(cap)
    places = to_count(input_places, field="input_places")
    arrays: Arrays | None = None
    if limit is None:
        arrays = block_path(goal, actual, policy, formulas, floor, places)
    if arrays is None:
        arrays = exact_path(goal, actual, policy, formulas, limit, floor, places)
    return AchievementArray._owned(arrays, policy)
