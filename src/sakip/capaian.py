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
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import Band, BandScheme, as_scheme
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike, to_array, to_bool, to_count, to_enum
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.exact_array import (
    CHUNK,
    FLOAT_EXACT_LIMIT,
    InexactArrayError,
    chunks,
    floor_divmod,
    round_quotient,
    scaled_to_decimals,
)
from sakip.numbers import (
    UNBOUNDED,
    NumberLike,
    Rounding,
    RoundingPolicy,
    divide,
    percent,
    to_decimal,
)
from sakip.schemes import CAPAIAN_LKIP

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


def achievement(
    *,
    target: NumberLike,
    realization: NumberLike,
    polarity: Polarity | str = Polarity.HIGHER_IS_BETTER,
    cap: NumberLike | None = None,
    floor_at_zero: bool = True,
) -> Decimal:
    """The capaian of one indicator, in percent, exact and unrounded.

    Parameters
    ----------
    target, realization : int, str, Decimal or float
        Target and realisation (realisasi) in the indicator's unit, ``>= 0``.
    polarity : Polarity or its value, default HIGHER_IS_BETTER
        Which direction is good and, when lower is better, the formula.
    cap : number, optional
        Upper limit of the result (some agencies cap at 100, 110, 120).
        BNN reports do not cap (228,57 % is printed), so the default is none.
    floor_at_zero : bool, default True
        The PermenPANRB formula goes negative when the realisation is more
        than twice the target; by default it stops at 0.

    Returns
    -------
    Decimal
        Capaian in percent (100 means on target).

    Raises
    ------
    InvalidValueError
        A missing (``None``) or negative target or realisation, a negative
        ``cap``, a ``polarity`` that is neither a member nor a value of
        :class:`Polarity`, or a degenerate case without a finite value (see
        Notes).
    InvalidTypeError
        ``floor_at_zero`` that is not a bool.

    Notes
    -----
    Degenerate cases:

    - higher is better, target 0: raises (no finite capaian);
    - lower is better (PermenPANRB), target 0: realisation 0 counts as on
      target (100), any other realisation raises;
    - lower is better (inverse), realisation 0: target 0 counts as on
      target (100), any other target raises (infinite capaian); target 0 with
      a realisation above it gives 0;
    - higher is better, realisation 0: capaian 0, a real value.

    References
    ----------
    PermenPANRB 53/2014 (Petunjuk Teknis Perjanjian Kinerja, Pelaporan
    Kinerja); LKIP BNNP Kalimantan Tengah 2024, BAB III A.

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
    """
    goal = _required(target, "target")
    actual = _required(realization, "realization")
    direction = to_enum(polarity, Polarity, field="polarity")
    floor = to_bool(floor_at_zero, field="floor_at_zero")
    limit = _cap(cap)
    if direction is Polarity.HIGHER_IS_BETTER:
        if goal.is_zero():
            raise InvalidValueError("target", "must be > 0 for a higher-is-better indicator", goal)
        result = percent(actual, goal, part_field="realization", whole_field="target")
    elif direction is Polarity.LOWER_IS_BETTER:
        if goal.is_zero():
            if not actual.is_zero():
                raise InvalidValueError(
                    "target",
                    "must be > 0 when the realization is above it (lower-is-better, (2T - R) / T)",
                    goal,
                )
            result = _HUNDRED
        else:
            improvement = UNBOUNDED.subtract(UNBOUNDED.multiply(goal, Decimal(2)), actual)
            result = percent(improvement, goal, whole_field="target")
            if floor and result < 0:
                result = Decimal(0)
    elif actual.is_zero():
        if not goal.is_zero():
            raise InvalidValueError(
                "realization",
                "must be > 0 for the target / realization formula (its capaian is infinite)",
                actual,
            )
        result = _HUNDRED
    else:
        result = percent(goal, actual, part_field="target", whole_field="realization")
    if limit is not None:
        result = min(result, limit)
    return result


def target_status(
    *,
    target: NumberLike,
    realization: NumberLike,
    polarity: Polarity | str = Polarity.HIGHER_IS_BETTER,
) -> TargetStatus:
    """Whether a realisation is above, at or below its target, by polarity.

    Decided on the figures themselves, not on a (possibly capped) capaian;
    both lower-is-better polarities give the same status.

    Examples
    --------
    >>> target_status(target="99.19", realization="98.74")
    <TargetStatus.BELOW: 'below'>
    >>> target_status(target="1.69", realization="1.65", polarity=Polarity.LOWER_IS_BETTER)
    <TargetStatus.ABOVE: 'above'>
    """
    goal = _required(target, "target")
    actual = _required(realization, "realization")
    direction = to_enum(polarity, Polarity, field="polarity")
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

_INT64_MAX = 2**63 - 1
#: Inputs of the batch path up to this magnitude (``10**30``) are computed
#: exactly; beyond it they are refused with :class:`InexactArrayError`.
_MAX_ADJUSTED = 30


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
        array.size and (int(array.max()) > _INT64_MAX or int(array.min()) < -_INT64_MAX)
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


_Formulas = tuple[Polarity | None, npt.NDArray[np.bool_] | None, npt.NDArray[np.bool_] | None]


def _formulas(polarity: Polarity | str | ArrayLike, shape: tuple[int, ...]) -> _Formulas:
    """One polarity for all (member, None, None), or per element (None, PermenPANRB, inverse)."""
    if isinstance(polarity, Polarity | str):
        return to_enum(polarity, Polarity, field="polarity"), None, None
    if isinstance(polarity, np.ma.MaskedArray) and np.ma.count_masked(polarity):
        raise InvalidValueError(
            "polarity", "must have no masked elements", int(np.ma.count_masked(polarity))
        )
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


def _figures(values: ArrayLike, field: str) -> npt.NDArray[Any]:
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
    return top // bottom


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
    mask: npt.NDArray[np.bool_], field: str, rule: str, values: npt.NDArray[Any], places: int
) -> None:
    if mask.any():
        index = int(np.flatnonzero(mask)[0])
        value = Decimal(int(values.flat[index])).scaleb(-places, context=UNBOUNDED)
        raise InvalidValueError(f"{field}[{index}]", rule, value)


def _achievement_exact(
    goal: npt.NDArray[Any],
    actual: npt.NDArray[Any],
    policy: RoundingPolicy,
    formulas: _Formulas,
    limit: Decimal | None,
    floor: bool,
    input_places: int,
) -> AchievementArray:
    """The exact integer path: int64 where no product can overflow, Python integers beyond."""
    g = _scaled_exact(goal, input_places, "target")
    a = _scaled_exact(actual, input_places, "realization")
    g, a = np.broadcast_arrays(g, a)
    shape = g.shape
    member, permen, inverse = formulas
    if member is not None:
        permen = np.full(shape, member is Polarity.LOWER_IS_BETTER)
        inverse = np.full(shape, member is Polarity.LOWER_IS_BETTER_INVERSE)
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
        outside = (scaled > _INT64_MAX) | (scaled < -_INT64_MAX)
        _raise_first(
            np.asarray(outside, dtype=bool),
            "capaian",
            f"must fit in int64 once scaled by 10**{places} (an array limit)",
            scaled,
            places,
        )
    residual = np.sign(top - scaled * denominator)
    status = np.sign(np.where(lower, g - a, a - g))
    if wide:
        common = np.gcd(numerator, denominator)
        numerator, denominator = numerator // common, denominator // common
    return AchievementArray(
        scaled=scaled.astype(np.int64),
        policy=policy,
        status=status.astype(np.int8),
        numerator=numerator,
        denominator=denominator,
        residual=residual.astype(np.int8),
    )


def _achievement_blocks(
    goal: npt.NDArray[Any],
    actual: npt.NDArray[Any],
    policy: RoundingPolicy,
    formulas: _Formulas,
    floor_at_zero: bool,
    input_places: int,
) -> AchievementArray | None:
    """The fast path of :func:`achievement_array`, or None where it does not apply.

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
    member, permen, inverse_mask = formulas
    lower: npt.NDArray[np.bool_] | None
    if member is not None:
        lower = None
        all_lower = member is not Polarity.HIGHER_IS_BETTER
        inverse = member is Polarity.LOWER_IS_BETTER_INVERSE
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
        # the PERMENPANRB formula, A = R + L (T - R) and D = T - L (T - R)
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
        # for the PERMENPANRB formula, so flooring A at 0 keeps the sign).
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
    return AchievementArray(
        scaled=scaled.reshape(shape),
        policy=policy,
        status=status.reshape(shape),
        numerator=numerator.reshape(shape),
        denominator=denominator.reshape(shape),
        residual=residual.reshape(shape),
    )


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
        is 88,31. Masked elements are refused.
    policy : RoundingPolicy
        How the capaian is rounded (the LKIP: 2 places, truncated).
    polarity : Polarity, its value, or array_like, default HIGHER_IS_BETTER
        One polarity for all, or one per element (``Polarity`` members or
        their values, or booleans where ``True`` marks
        ``Polarity.LOWER_IS_BETTER``).
    cap, floor_at_zero
        As in :func:`achievement`.
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
    goal = _figures(target, "target")
    actual = _figures(realization, "realization")
    try:
        shape = np.broadcast_shapes(goal.shape, actual.shape)
    except ValueError:
        raise InvalidValueError(
            "realization", f"must have the shape of 'target' {goal.shape}", actual.shape
        ) from None
    formulas = _formulas(polarity, shape)
    floor = to_bool(floor_at_zero, field="floor_at_zero")
    limit = _cap(cap)
    places = to_count(input_places, field="input_places")
    if limit is None:
        fast = _achievement_blocks(goal, actual, policy, formulas, floor, places)
        if fast is not None:
            return fast
    return _achievement_exact(goal, actual, policy, formulas, limit, floor, places)
