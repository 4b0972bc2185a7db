"""What the unit-level results share: their exact ``value`` under a rounding policy.

Private module: :class:`~sakip.instruments.tahanan.TahananResult`,
:class:`~sakip.instruments.barang_bukti.BarangBuktiResult`,
:class:`~sakip.instruments.kepegawaian.KepegawaianResult` and
:class:`~sakip.instruments.zona_integritas.ZonaIntegritasResult` inherit
:meth:`RoundedValue.rounded`.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.errors import InvalidTypeError
from sakip.numbers import RoundingPolicy

__all__ = ["RoundedValue"]


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
        """``value`` rounded under ``policy``.

        Raises
        ------
        InvalidTypeError
            A ``policy`` that is not a :class:`~sakip.numbers.RoundingPolicy`.

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
        if not isinstance(policy, RoundingPolicy):
            raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
        return policy.apply(self.value)
