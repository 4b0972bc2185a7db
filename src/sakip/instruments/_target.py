"""What the NKA and IKPA results share: a value scored against an optional target.

Private module: :class:`~sakip.instruments.nka.NkaResult` and
:class:`~sakip.instruments.ikpa.IkpaResult` inherit these members.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.capaian import TargetStatus, target_status
from sakip.errors import InvalidTypeError
from sakip.numbers import RoundingPolicy

__all__ = ["AgainstTarget"]


class AgainstTarget:
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

    value: Decimal
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

    def rounded(self, policy: RoundingPolicy) -> Decimal:
        """``value`` under ``policy`` (SMART rounds the NKA half up, OMSPAN truncates the IKPA).

        Raises
        ------
        InvalidTypeError
            A ``policy`` that is not a :class:`~sakip.numbers.RoundingPolicy`.
        """
        if not isinstance(policy, RoundingPolicy):
            raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
        return policy.apply(self.value)
