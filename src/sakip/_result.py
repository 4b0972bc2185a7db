"""What every instrument result shares: its exact figure rounded under a policy, and a target.

Private module, the one home of the instrument contract's ``rounded(policy)``
(see ``docs/design.md``, "The instrument contract (0.1.0)"):

- :func:`rounded_under` checks the policy and rounds a figure (``None`` stays
  ``None``, for the results whose figure may be absent);
- :class:`RoundedValue` gives a result with an exact ``value`` its ``rounded``;
- :class:`AgainstTarget` adds ``meets_target`` for a result with an optional
  ``target`` (NKA, IKPA), whose ``value``, ``category``, ``scheme``,
  ``target`` and ``achievement`` fields :func:`graded` fills.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, overload

from sakip.bands import Band, BandScheme
from sakip.capaian import TargetStatus, achievement, target_status
from sakip.errors import InvalidTypeError
from sakip.numbers import NumberLike, RoundingPolicy, to_decimal

__all__ = ["AgainstTarget", "Graded", "RoundedValue", "graded", "rounded_under"]


@overload
def rounded_under(value: Decimal, policy: RoundingPolicy) -> Decimal: ...
@overload
def rounded_under(value: Decimal | None, policy: RoundingPolicy) -> Decimal | None: ...
def rounded_under(value: Decimal | None, policy: RoundingPolicy) -> Decimal | None:
    """``value`` rounded under ``policy``; ``None`` stays ``None`` (the policy is checked first).

    Raises
    ------
    InvalidTypeError
        A ``policy`` that is not a :class:`~sakip.numbers.RoundingPolicy`.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> rounded_under(Decimal("84.975"), RoundingPolicy(2, Rounding.HALF_EVEN))
    Decimal('84.98')
    >>> rounded_under(None, RoundingPolicy(2, Rounding.HALF_UP)) is None
    True
    >>> rounded_under(None, 2)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'policy' must be a RoundingPolicy: 2
    """
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    return None if value is None else policy.apply(value)


class RoundedValue:
    """Mixin of a result with an exact ``value``: ``rounded(policy)`` (the instrument contract).

    Examples
    --------
    >>> from sakip.instruments import tahanan
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> tahanan.score(detainees=3, negligent_deaths=1).rounded(RoundingPolicy(2, Rounding.HALF_UP))
    Decimal('66.67')
    """

    __slots__ = ()

    value: Decimal

    def rounded(self, policy: RoundingPolicy) -> Decimal:
        """``value`` rounded under ``policy`` by :func:`rounded_under` (which checks the policy).

        Examples
        --------
        >>> from sakip.instruments import zona_integritas
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> result = zona_integritas.score(pengungkit="49.975", hasil=35)
        >>> result.rounded(RoundingPolicy(2, Rounding.HALF_EVEN))
        Decimal('84.98')
        >>> result.rounded(2)
        Traceback (most recent call last):
        ...
        sakip.errors.InvalidTypeError: 'policy' must be a RoundingPolicy: 2
        """
        return rounded_under(self.value, policy)


class AgainstTarget(RoundedValue):
    """Mixin of a result with an exact ``value`` and an optional ``target`` (higher is better).

    Examples
    --------
    >>> from sakip.instruments import nka
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = nka.score(planning="100.00", execution="99.95", target="99.98")
    >>> result.meets_target, result.rounded(RoundingPolicy(2, Rounding.HALF_UP))
    (False, Decimal('99.98'))
    """

    __slots__ = ()

    target: Decimal | None

    @property
    def meets_target(self) -> bool | None:
        """Whether the exact ``value`` reaches ``target`` (None without a target).

        Decided by :func:`sakip.capaian.target_status` on the figures, not on
        a rounded value: an NKA of 99,975 does not meet a target of 99,98.
        """
        if self.target is None:
            return None
        status = target_status(target=self.target, realization=self.value)
        return status is not TargetStatus.BELOW


class Graded(TypedDict):
    """The fields of an :class:`AgainstTarget` result that :func:`graded` fills."""

    value: Decimal
    category: Band
    scheme: BandScheme
    target: Decimal | None
    achievement: Decimal | None


def graded(value: Decimal, scheme: BandScheme, target: NumberLike | None) -> Graded:
    """``value`` with its band in ``scheme``, ``target`` read exactly and the capaian against it.

    ``target`` and ``achievement`` are ``None`` without a target. The capaian
    is :func:`sakip.capaian.achievement` (higher is better), which refuses a
    target ``<= 0``; the target is checked before the band is looked up.

    Examples
    --------
    >>> from sakip.schemes import NKA_CATEGORY
    >>> fields = graded(Decimal("99.975"), NKA_CATEGORY, "86")
    >>> fields["category"].label, fields["target"], fields["achievement"]
    ('Sangat Baik', Decimal('86'), Decimal('116.250'))
    >>> fields = graded(Decimal("99.975"), NKA_CATEGORY, None)
    >>> fields["target"], fields["achievement"]
    (None, None)
    """
    goal = None if target is None else to_decimal(target, field="target")
    capaian = None if goal is None else achievement(target=goal, realization=value)
    return Graded(
        value=value,
        category=scheme.classify(value),
        scheme=scheme,
        target=goal,
        achievement=capaian,
    )
