"""The one batch result shared by every instrument's ``score_batch``.

A :class:`ScoreBatch` holds the figures of many rows (units, respondents,
assessments) at once as exact scaled integers: ``scaled[i] / 10**places`` is
row ``i``'s value rounded under ``policy``, exactly as
``score(row_i).rounded(policy)`` gives it, and ``positions[i]`` is the band
of the *exact* value in ``scheme`` (``score(row_i).category``). Every array
is read-only and the object is frozen and hashable by identity.

Examples
--------
>>> import numpy as np
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> from sakip.schemes import CAPAIAN_LKIP
>>> batch = ScoreBatch(
...     scaled=np.array([10277, 5000]),
...     policy=RoundingPolicy(2, Rounding.TRUNCATE),
...     positions=np.array([4, 0]),
...     scheme=CAPAIAN_LKIP,
... )
>>> batch.decimals(), batch.labels()
([Decimal('102.77'), Decimal('50.00')], ['Memuaskan', 'Kurang'])
>>> len(batch), batch.scaled.flags.writeable
(2, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import Band, BandScheme
from sakip.coerce import ArrayLike, to_integers
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import InexactArrayError
from sakip.numbers import EXACT, UNBOUNDED, RoundingPolicy

__all__ = ["ScoreBatch", "score_each"]


def _read_only(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``array`` itself when it is already read-only (no copy), else a read-only copy."""
    if not array.flags.writeable:
        return array
    array = np.array(array, copy=True)
    array.setflags(write=False)
    return array


def _int64(values: ArrayLike, field: str) -> npt.NDArray[np.int64]:
    array = to_integers(values, field=field)  # floats refused, never truncated
    if array.dtype != np.int64:
        raise InexactArrayError(
            field, "must fit in int64", max(abs(int(x)) for x in array.ravel())
        )
    return array


def _frozen_int64(values: ArrayLike) -> npt.NDArray[np.int64]:
    return _read_only(_int64(values, "scaled"))


def _frozen_positions(values: ArrayLike | None) -> npt.NDArray[np.integer[Any]] | None:
    if values is None:
        return None
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        # Band positions are small: keep the caller's width (int8 for 1M rows is 1 MB).
        return _read_only(values)
    return _read_only(_int64(values, "positions"))


def _frozen_mask(values: ArrayLike | None) -> npt.NDArray[np.bool_] | None:
    if values is None:
        return None
    array = np.asarray(values)
    if array.dtype != np.bool_:
        raise InvalidTypeError("mask", "must be an array of bools", array.dtype)
    return _read_only(array)


def _policy(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", value)


def _optional_scheme(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None and not isinstance(value, BandScheme):
        raise InvalidTypeError("scheme", "must be a BandScheme or None", value)


@attrs.frozen(eq=False)
class ScoreBatch:
    """Exact figures of many rows, rounded under one policy, with their bands.

    Attributes
    ----------
    scaled : numpy.ndarray of int64, read-only
        ``value x 10**policy.places`` of each row, rounded under ``policy``.
        An array given read-only is kept as it is (the batch paths hand over
        their fresh arrays that way, so a million rows are not copied); a
        writeable one is copied, so the caller cannot change the batch.
    policy : RoundingPolicy
        How ``scaled`` was rounded (places and rounding mode).
    positions : numpy.ndarray of integers, read-only, optional
        Band position (0 = lowest) of each row's *exact* value in ``scheme``;
        ``None`` where the instrument has no scheme.
    scheme : BandScheme, optional
        The categories, ``None`` where the instrument has none.
    mask : numpy.ndarray of bool, read-only, optional
        ``True`` where a row has no figure (a masked input row, or a row the
        instrument declares void); those rows' ``scaled`` and ``positions``
        are meaningless and :meth:`decimals`/:meth:`labels` give ``None``.

    Notes
    -----
    Row ``i`` agrees exactly with the scalar path:
    ``decimals()[i] == score(row_i).rounded(policy)`` and
    ``categories()[i] == score(row_i).category``.
    """

    scaled: npt.NDArray[np.int64] = attrs.field(converter=_frozen_int64)
    policy: RoundingPolicy = attrs.field(validator=_policy)
    positions: npt.NDArray[np.integer[Any]] | None = attrs.field(
        default=None, converter=_frozen_positions
    )
    scheme: BandScheme | None = attrs.field(default=None, validator=_optional_scheme)
    mask: npt.NDArray[np.bool_] | None = attrs.field(default=None, converter=_frozen_mask)

    def __attrs_post_init__(self) -> None:
        if (self.positions is None) != (self.scheme is None):
            raise InvalidValueError(
                "positions", "must be given together with 'scheme'", self.positions
            )
        for name in ("positions", "mask"):
            array = getattr(self, name)
            if array is not None and array.shape != self.scaled.shape:
                raise InvalidValueError(
                    name, f"must have the shape of 'scaled' {self.scaled.shape}", array.shape
                )
        if self.positions is not None and self.scheme is not None and self.positions.size:
            valid = self.positions if self.mask is None else self.positions[~self.mask]
            if valid.size and not (valid.min() >= 0 and valid.max() < len(self.scheme.bands)):
                raise InvalidValueError(
                    "positions", "must be band positions of 'scheme'", valid.max()
                )

    def __len__(self) -> int:
        return int(self.scaled.shape[0]) if self.scaled.ndim else 1

    @property
    def places(self) -> int:
        """Decimal places of ``scaled`` (``policy.places``)."""
        return self.policy.places

    def _valid(self, index: int) -> bool:
        return self.mask is None or not bool(self.mask.flat[index])

    def decimals(self) -> list[Decimal | None]:
        """Each row's rounded value as an exact Decimal (``None`` for a masked row).

        Examples
        --------
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> ScoreBatch(scaled=[7, 250], policy=RoundingPolicy(1, Rounding.HALF_UP),
        ...            mask=[False, True]).decimals()
        [Decimal('0.7'), None]
        """
        places = self.policy.places
        return [
            Decimal(int(item)).scaleb(-places, context=EXACT) if self._valid(i) else None
            for i, item in enumerate(self.scaled.flat)
        ]

    def categories(self) -> list[Band | None]:
        """Each row's band in ``scheme`` (``None`` for a masked row, or without a scheme).

        Examples
        --------
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> from sakip.schemes import CAPAIAN_LKIP
        >>> ScoreBatch(scaled=[9999], policy=RoundingPolicy(2, Rounding.TRUNCATE),
        ...            positions=[3], scheme=CAPAIAN_LKIP).categories()[0].label
        'Sangat Baik'
        """
        if self.positions is None or self.scheme is None:
            return [None] * self.scaled.size
        bands = self.scheme.bands
        return [
            bands[int(position)] if self._valid(i) else None
            for i, position in enumerate(self.positions.flat)
        ]

    def labels(self) -> list[str | None]:
        """Each row's category label (``None`` for a masked row, or without a scheme).

        Examples
        --------
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> ScoreBatch(scaled=[1], policy=RoundingPolicy(0, Rounding.TRUNCATE)).labels()
        [None]
        """
        return [None if band is None else band.label for band in self.categories()]

    def label_array(self) -> npt.NDArray[Any]:
        """The labels as a numpy array of ``str`` (fast for large batches; masked rows give ``''``).

        Examples
        --------
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> from sakip.schemes import KPKK_LIKERT_4
        >>> ScoreBatch(scaled=[300, 150], policy=RoundingPolicy(2, Rounding.HALF_UP),
        ...            positions=[2, 0], scheme=KPKK_LIKERT_4).label_array().tolist()
        ['Baik', 'Buruk']
        """
        if self.positions is None or self.scheme is None:
            raise InvalidValueError("scheme", "is needed for labels", None)
        labels: npt.NDArray[Any] = np.asarray(self.scheme.labels)[self.positions]
        if self.mask is not None:
            labels = np.where(self.mask, "", labels)
        return labels


class _Scored(Protocol):
    @property
    def value(self) -> Decimal: ...

    @property
    def category(self) -> Band | None: ...

    def rounded(self, policy: RoundingPolicy) -> Decimal: ...


def score_each(
    score: Callable[..., _Scored],
    rows: Iterable[Mapping[str, Any]],
    *,
    policy: RoundingPolicy,
    scheme: BandScheme | None = None,
) -> ScoreBatch:
    """Score many units with an instrument's scalar ``score`` and gather them in a :class:`ScoreBatch`.

    The unit-level instruments (tahanan, barang bukti, kepegawaian, Zona
    Integritas, NKA, IKPA, anggaran) score a few hundred units a year: a
    loop over the exact scalar path is fast enough (``benchmarks/run.py``)
    and agrees with it by construction, so they have no numpy path of their
    own.

    Parameters
    ----------
    score : callable
        An instrument's ``score``; each row is passed as keyword arguments.
    rows : iterable of mapping
        One mapping of keyword arguments per unit.
    policy : RoundingPolicy
        How ``scaled`` is rounded.
    scheme : BandScheme, optional
        The scheme of the results' categories (needed for ``positions``
        when some rows have a category).

    Returns
    -------
    ScoreBatch

    Raises
    ------
    SakipError
        The first row's error, with the row number added to the field
        (``rows[3].detainees``).

    Examples
    --------
    >>> from sakip.instruments import zona_integritas
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> batch = score_each(zona_integritas.score,
    ...                    [{"pengungkit": "49.97", "hasil": "35.03"}, {"pengungkit": 30, "hasil": 20}],
    ...                    policy=RoundingPolicy(2, Rounding.HALF_UP),
    ...                    scheme=zona_integritas.ZI_PREDIKAT)
    >>> batch.decimals()
    [Decimal('85.00'), Decimal('50.00')]
    """
    from sakip.errors import SakipError

    if not isinstance(policy, RoundingPolicy):
        raise InvalidValueError("policy", "must be a RoundingPolicy", policy)
    scaled: list[int] = []
    positions: list[int] = []
    for number, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise InvalidValueError(
                f"rows[{number}]", "must be a mapping of keyword arguments", row
            )
        try:
            result = score(**row)
        except SakipError as error:
            raise type(error)(f"rows[{number}].{error.field}", error.rule, error.value) from None
        if not callable(getattr(result, "rounded", None)) or not hasattr(result, "category"):
            raise InvalidTypeError(
                "score", "must return a result with rounded(policy) and category", result
            )
        scaled.append(int(result.rounded(policy).scaleb(policy.places, context=UNBOUNDED)))
        category = result.category
        if category is not None:
            if scheme is None:
                raise InvalidValueError("scheme", "is needed for results with a category", None)
            positions.append(scheme.bands.index(category))
    has_positions = scheme is not None and len(positions) == len(scaled)
    return ScoreBatch(
        scaled=np.array(scaled, dtype=np.int64),
        policy=policy,
        positions=np.array(positions, dtype=np.intp) if has_positions else None,
        scheme=scheme if has_positions else None,
    )
