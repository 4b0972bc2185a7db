"""Capaian: the achievement of an indicator against its target, in percent.

Higher is better (the default): ``realisasi / target x 100``. Lower is
better, two formulas are in use and the caller names one:
:attr:`LowerIsBetter.PERMENPANRB` ``(2 x target - realisasi) / target x 100``
(the default, ``(1 + (1 - R/T)) x 100 %``) and :attr:`LowerIsBetter.INVERSE`
``target / realisasi x 100``.

The degenerate cases have stated rules (see :func:`achievement`); none of
them gives a ``ZeroDivisionError``, a NaN or a silent 0 or 100.

The batch path :func:`achievement_array` works on scaled integers and
agrees with the scalar path exactly after rounding, ties included: in
float64 blocks with an exact correction when the figures are small enough
(every report figure is), in ``int64`` otherwise.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import Band, BandScheme
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.exact_array import (
    CHUNK,
    FLOAT_EXACT_LIMIT,
    InexactArrayError,
    chunks,
    divide_round,
    floor_divmod,
    round_quotient,
    scaled_from_floats,
    scaled_to_decimals,
)
from sakip.numbers import UNBOUNDED, Rounding, RoundingPolicy, percent, to_decimal
from sakip.schemes import CAPAIAN_LKIP

__all__ = [
    "AchievementArray",
    "ClassifyOn",
    "LowerIsBetter",
    "Polarity",
    "TargetStatus",
    "achievement",
    "achievement_array",
    "classify_achievement",
    "target_status",
]

_HUNDRED = Decimal(100)


class Polarity(enum.Enum):
    """Which direction of an indicator is good.

    Attributes
    ----------
    HIGHER_IS_BETTER
        More is better (berkas P-21, an index): every BNN indicator of the
        LKIP 2024.
    LOWER_IS_BETTER
        Less is better (drug-abuse prevalence).
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class LowerIsBetter(enum.Enum):
    """The formula of capaian for a lower-is-better indicator.

    Attributes
    ----------
    PERMENPANRB
        ``(2T - R) / T x 100``: 100 at target, 1 point per point of
        improvement relative to the target (PermenPANRB 53/2014 practice).
    INVERSE
        ``T / R x 100``: used by some agencies.
    """

    PERMENPANRB = "permenpanrb"
    INVERSE = "inverse"


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


def _required(value: object, field: str) -> Decimal:
    if value is None:
        raise InvalidValueError(field, "is missing", None)
    number = to_decimal(value, field=field)
    if number < 0:
        raise InvalidValueError(field, "must be >= 0", number)
    return number


def achievement(
    *,
    target: object,
    realization: object,
    polarity: Polarity = Polarity.HIGHER_IS_BETTER,
    lower_is_better: LowerIsBetter = LowerIsBetter.PERMENPANRB,
    cap: object = None,
    floor_at_zero: bool = True,
) -> Decimal:
    """The capaian of one indicator, in percent, exact and unrounded.

    Parameters
    ----------
    target, realization : int, str, Decimal or float
        Target and realisation (realisasi) in the indicator's unit, ``>= 0``.
    polarity : Polarity, default HIGHER_IS_BETTER
        Which direction is good.
    lower_is_better : LowerIsBetter, default PERMENPANRB
        The formula used when ``polarity`` is ``LOWER_IS_BETTER``.
    cap : number, optional
        Upper limit of the result (some agencies cap at 100, 110, 120).
        BNN reports do not cap (228,57 % is printed), so the default is none.
    floor_at_zero : bool, default True
        The PERMENPANRB formula goes negative when the realisation is more
        than twice the target; by default it stops at 0.

    Returns
    -------
    Decimal
        Capaian in percent (100 means on target).

    Raises
    ------
    InvalidValueError
        A missing (``None``) or negative target or realisation, a negative
        ``cap``, or a degenerate case without a finite value (see Notes).
    InvalidTypeError
        ``polarity`` or ``lower_is_better`` of the wrong type.

    Notes
    -----
    Degenerate cases:

    - higher is better, target 0: raises (no finite capaian);
    - lower is better (PERMENPANRB), target 0: realisation 0 counts as on
      target (100), any other realisation raises;
    - lower is better (INVERSE), realisation 0: target 0 counts as on
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

    >>> low = Polarity.LOWER_IS_BETTER
    >>> round_to(achievement(target="1.69", realization="1.73", polarity=low), 2,
    ...          Rounding.TRUNCATE)
    Decimal('97.63')
    >>> round_to(achievement(target="1.69", realization="1.73", polarity=low,
    ...          lower_is_better=LowerIsBetter.INVERSE), 2, Rounding.TRUNCATE)
    Decimal('97.68')
    >>> achievement(target=0, realization=5)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must be > 0 for a higher-is-better indicator: 0
    """
    goal = _required(target, "target")
    actual = _required(realization, "realization")
    if not isinstance(polarity, Polarity):
        raise InvalidTypeError("polarity", "must be a Polarity", polarity)
    if polarity is Polarity.HIGHER_IS_BETTER:
        if goal.is_zero():
            raise InvalidValueError("target", "must be > 0 for a higher-is-better indicator", goal)
        result = percent(actual, goal, part_field="realization", whole_field="target")
    elif lower_is_better is LowerIsBetter.PERMENPANRB:
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
            if floor_at_zero and result < 0:
                result = Decimal(0)
    elif lower_is_better is LowerIsBetter.INVERSE:
        if actual.is_zero():
            if not goal.is_zero():
                raise InvalidValueError(
                    "realization",
                    "must be > 0 for the target / realization formula (its capaian is infinite)",
                    actual,
                )
            result = _HUNDRED
        else:
            result = percent(goal, actual, part_field="target", whole_field="realization")
    else:
        raise InvalidTypeError("lower_is_better", "must be a LowerIsBetter", lower_is_better)
    if cap is not None:
        limit = to_decimal(cap, field="cap")
        if limit < 0:
            raise InvalidValueError("cap", "must be >= 0", limit)
        result = min(result, limit)
    return result


def target_status(
    *, target: object, realization: object, polarity: Polarity = Polarity.HIGHER_IS_BETTER
) -> TargetStatus:
    """Whether a realisation is above, at or below its target, by polarity.

    Decided on the figures themselves, not on a (possibly capped) capaian.

    Examples
    --------
    >>> target_status(target="99.19", realization="98.74")
    <TargetStatus.BELOW: 'below'>
    >>> target_status(target="1.69", realization="1.65", polarity=Polarity.LOWER_IS_BETTER)
    <TargetStatus.ABOVE: 'above'>
    """
    goal = _required(target, "target")
    actual = _required(realization, "realization")
    if not isinstance(polarity, Polarity):
        raise InvalidTypeError("polarity", "must be a Polarity", polarity)
    # Compared, not subtracted: a comparison of Decimals never rounds.
    better, worse = (actual, goal) if polarity is Polarity.HIGHER_IS_BETTER else (goal, actual)
    if better > worse:
        return TargetStatus.ABOVE
    return TargetStatus.AT if better == worse else TargetStatus.BELOW


def classify_achievement(
    value: object,
    scheme: BandScheme = CAPAIAN_LKIP,
    *,
    on: ClassifyOn = ClassifyOn.EXACT,
    policy: RoundingPolicy | None = None,
) -> Band:
    """The category of a capaian, decided on the exact or the displayed value.

    Parameters
    ----------
    value : number
        The exact capaian from :func:`achievement`.
    scheme : BandScheme, default CAPAIAN_LKIP
        The category table.
    on : ClassifyOn, default EXACT
        Decide on the exact value, or on the value displayed under ``policy``.
    policy : RoundingPolicy, optional
        Required with ``on=ClassifyOn.DISPLAYED``.

    Examples
    --------
    >>> from sakip import Rounding, RoundingPolicy
    >>> shown = RoundingPolicy(0, Rounding.HALF_UP)
    >>> classify_achievement("84.6").label
    'Baik'
    >>> classify_achievement("84.6", on=ClassifyOn.DISPLAYED, policy=shown).label
    'Sangat Baik'
    """
    number = to_decimal(value)
    if on is ClassifyOn.DISPLAYED:
        if policy is None:
            raise InvalidValueError(
                "policy", "must be given to classify the displayed value", None
            )
        number = policy.apply(number)
    return scheme.classify(number)


# --- batch path ------------------------------------------------------------------------


@attrs.frozen
class AchievementArray:
    """Capaian of many indicators at once, rounded under a policy.

    Attributes
    ----------
    scaled : numpy.ndarray of int64
        The rounded capaian times ``10**policy.places``.
    policy : RoundingPolicy
        How ``scaled`` was rounded.
    status : numpy.ndarray of int8
        ``1`` above, ``0`` at, ``-1`` below target (by polarity).
    numerator, denominator : numpy.ndarray of int64
        The exact capaian as a quotient, for classification on exact values.
    residual : numpy.ndarray of int8, optional
        The sign of ``exact capaian x 10**places - scaled``: ``1`` when the
        exact capaian lies above the rounded one, ``-1`` below, ``0`` when
        they are equal. With it :meth:`classify` decides categories on the
        exact values from ``scaled`` alone.
    """

    scaled: npt.NDArray[np.int64]
    policy: RoundingPolicy
    status: npt.NDArray[np.int8]
    numerator: npt.NDArray[np.int64]
    denominator: npt.NDArray[np.int64]
    residual: npt.NDArray[np.int8] | None = None

    def decimals(self) -> list[Decimal]:
        """The rounded capaian as Decimals, as :func:`achievement` and the policy give them."""
        return scaled_to_decimals(self.scaled, self.policy.places)

    def classify(
        self, scheme: BandScheme = CAPAIAN_LKIP, *, on: ClassifyOn = ClassifyOn.EXACT
    ) -> npt.NDArray[np.intp]:
        """Band positions, decided on the exact or the displayed capaian.

        Parameters
        ----------
        scheme : BandScheme, default CAPAIAN_LKIP
            The categories.
        on : ClassifyOn, default EXACT
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
        quotients (:meth:`BandScheme.classify_ratio_array`); displayed
        values are exact scaled integers. All routes are exact.

        Examples
        --------
        99,999 % truncates to 99,99 and is "Sangat Baik"; 100 % is "Memuaskan":

        >>> from sakip import Rounding, RoundingPolicy
        >>> result = achievement_array(target=[1000, 100], realization=[999.99, 100],
        ...                            policy=RoundingPolicy(2, Rounding.TRUNCATE))
        >>> result.decimals(), result.classify().tolist()
        ([Decimal('99.99'), Decimal('100.00')], [3, 4])
        """
        places = self.policy.places
        if on is ClassifyOn.DISPLAYED:
            # The displayed values are exact: scaled / 10**places.
            try:
                return scheme.classify_scaled_array(self.scaled, places)
            except OutOfBandError:
                raise
            except InvalidValueError:  # keys beyond int64: the quotients cope
                return scheme.classify_ratio_array(self.scaled, 10**places)
        if self.residual is not None and scheme.places <= places:
            try:
                return scheme.classify_scaled_array(self.scaled, places, residual=self.residual)
            except InvalidValueError:
                # Out of band (the quotients raise with the exact value in the
                # message), or keys beyond int64 (the quotients cope).
                pass
        return scheme.classify_ratio_array(self.numerator, self.denominator)


def _polarity_mask(
    polarity: Polarity | npt.ArrayLike, shape: tuple[int, ...]
) -> npt.NDArray[np.bool_]:
    if isinstance(polarity, Polarity):
        return np.full(shape, polarity is Polarity.LOWER_IS_BETTER)
    array = np.asarray(polarity)
    if array.dtype == bool:
        return np.broadcast_to(array, shape)
    if array.dtype == object:
        for item in array.ravel():
            if not isinstance(item, Polarity):
                raise InvalidTypeError("polarity", "must hold Polarity members", item)
        return np.broadcast_to(array == Polarity.LOWER_IS_BETTER, shape)
    raise InvalidTypeError(
        "polarity", "must be a Polarity or an array of them (or of bools)", array.dtype
    )


def _raise_first(
    mask: npt.NDArray[np.bool_], field: str, rule: str, values: npt.NDArray[np.int64], places: int
) -> None:
    if mask.any():
        index = int(np.flatnonzero(mask)[0])
        raise InvalidValueError(
            f"{field}[{index}]", rule, scaled_to_decimals(values[index : index + 1], places)[0]
        )


def _achievement_blocks(
    target: npt.ArrayLike,
    realization: npt.ArrayLike,
    policy: RoundingPolicy,
    polarity: Polarity | npt.ArrayLike,
    lower_is_better: LowerIsBetter,
    cap: object,
    floor_at_zero: bool,
    input_places: int,
) -> AchievementArray | None:
    """The fast path of :func:`achievement_array`, or None where it does not apply.

    Works in float64 blocks of :data:`~sakip.exact_array.CHUNK` elements on
    integer-valued floats (the scaled figures), dividing with the exact
    correction of :func:`~sakip.exact_array.floor_divmod`. It applies when
    target and realisation are float or int arrays of one shape with at most
    ``input_places`` decimals, every target (every realisation, for the
    inverse formula) is above 0, no capaian is negative (floored, or above
    0 anyway), there is no cap, and ``|figure| x 10**input_places`` stays
    below ``2**52 / (200 x 10**places + 1)``. Anything else returns None and
    the ``int64`` path decides, raising where the scalar path raises.
    """
    goal = np.asarray(target)
    actual = np.asarray(realization)
    if (
        cap is not None
        or goal.shape != actual.shape
        or goal.dtype.kind not in "fiu"
        or actual.dtype.kind not in "fiu"
        or not isinstance(lower_is_better, LowerIsBetter)
        or isinstance(input_places, bool)
        or not isinstance(input_places, int)
        or input_places < 0
    ):
        return None
    if isinstance(polarity, Polarity):
        lower: npt.NDArray[np.bool_] | None = None
        all_lower = polarity is Polarity.LOWER_IS_BETTER
    else:
        mask = np.asarray(polarity)
        if mask.dtype != bool or mask.shape != goal.shape:
            return None
        lower = mask.ravel()
        all_lower = False
    inverse = lower_is_better is LowerIsBetter.INVERSE
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
    target: npt.ArrayLike,
    realization: npt.ArrayLike,
    policy: RoundingPolicy,
    polarity: Polarity | npt.ArrayLike = Polarity.HIGHER_IS_BETTER,
    lower_is_better: LowerIsBetter = LowerIsBetter.PERMENPANRB,
    cap: object = None,
    floor_at_zero: bool = True,
    input_places: int = 2,
) -> AchievementArray:
    """Capaian of arrays of targets and realisations, exactly as :func:`achievement`.

    Parameters
    ----------
    target, realization : array_like of float or int
        One element per indicator; each with at most ``input_places``
        decimals (as printed figures are), else :class:`InexactArrayError`.
    policy : RoundingPolicy
        How the capaian is rounded (the LKIP: 2 places, truncated).
    polarity : Polarity or array_like, default HIGHER_IS_BETTER
        One polarity for all, or one per element (``Polarity`` members, or
        booleans where ``True`` marks lower-is-better).
    lower_is_better, cap, floor_at_zero
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
        element (``'target[3]' must be > 0 ...``).
    InexactArrayError
        Inputs with more decimals than ``input_places``, or too large.

    Notes
    -----
    Two exact routes give the same integers:

    - float64 blocks: float or int arrays of one
      shape, every denominator above 0, no cap, no negative capaian (or
      ``floor_at_zero``), and figures below ``2**53 / (200 x 10**places + 1)``
      once scaled (``4.5e9`` for 2 places in and out). Each block is scaled
      and checked, divided in float64 and corrected exactly
      (:func:`sakip.exact_array.floor_divmod`); temporaries stay within a
      block, and only the outputs are full size;
    - ``int64`` otherwise (the 0 / 0 rules, caps, broadcasting, object
      arrays of polarities, larger figures), which raises
      :class:`InexactArrayError` once ``capaian x 10**places`` would
      leave ``int64``, and the scalar path's errors with the element's index.

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
    """
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    fast = _achievement_blocks(
        target, realization, policy, polarity, lower_is_better, cap, floor_at_zero, input_places
    )
    if fast is not None:
        return fast
    goal = scaled_from_floats(target, input_places, field="target")
    actual = scaled_from_floats(realization, input_places, field="realization")
    goal, actual = np.broadcast_arrays(goal, actual)
    lower = _polarity_mask(polarity, goal.shape)
    places = input_places
    _raise_first(goal < 0, "target", "must be >= 0", goal, places)
    _raise_first(actual < 0, "realization", "must be >= 0", actual, places)
    higher = ~lower
    inverse = lower & (lower_is_better is LowerIsBetter.INVERSE)
    permen = lower & (lower_is_better is LowerIsBetter.PERMENPANRB)
    if lower.any() and not isinstance(lower_is_better, LowerIsBetter):
        raise InvalidTypeError("lower_is_better", "must be a LowerIsBetter", lower_is_better)
    _raise_first(
        higher & (goal == 0),
        "target",
        "must be > 0 for a higher-is-better indicator",
        goal,
        places,
    )
    _raise_first(
        permen & (goal == 0) & (actual != 0),
        "target",
        "must be > 0 when the realization is above it (lower-is-better, (2T - R) / T)",
        goal,
        places,
    )
    _raise_first(
        inverse & (actual == 0) & (goal != 0),
        "realization",
        "must be > 0 for the target / realization formula (its capaian is infinite)",
        actual,
        places,
    )
    numerator = np.where(inverse, goal, np.where(permen, 2 * goal - actual, actual)) * np.int64(
        100
    )
    denominator = np.where(inverse, actual, goal)
    if floor_at_zero:
        numerator = np.where(permen & (numerator < 0), 0, numerator)
    # What is left with a zero denominator is the stated rule 0 / 0 on target.
    on_target_by_rule = denominator == 0
    numerator = np.where(on_target_by_rule, 100, numerator)
    denominator = np.where(on_target_by_rule, 1, denominator)
    if cap is not None:
        limit = to_decimal(cap, field="cap")
        if limit < 0:
            raise InvalidValueError("cap", "must be >= 0", limit)
        cap_top, cap_bottom = limit.as_integer_ratio()
        if max(cap_top, cap_bottom) > 2**62:
            raise InexactArrayError("cap", "must be a fraction of int64 integers", limit)
        # Python integers: the cross products may leave int64.
        capped = np.asarray(
            numerator.astype(object) * cap_bottom > denominator.astype(object) * cap_top,
            dtype=bool,
        )
        numerator = np.where(capped, cap_top, numerator)
        denominator = np.where(capped, cap_bottom, denominator)
    scaled = divide_round(numerator, denominator, policy.places, policy.rounding)
    difference = np.where(lower, goal - actual, actual - goal)
    status = np.sign(difference).astype(np.int8)
    # denominator > 0 here, and numerator x 10**places fits in int64 (divide_round checked).
    exact = numerator * np.int64(10**policy.places)
    residual = np.sign(exact - scaled * denominator).astype(np.int8)
    return AchievementArray(
        scaled=scaled,
        policy=policy,
        status=status,
        numerator=numerator.astype(np.int64),
        denominator=denominator.astype(np.int64),
        residual=residual,
    )
