"""Nilai Zona Integritas (integrity zone score) from the internal assessment.

Measures how far a unit has built its *Zona Integritas* (ZI) toward the
predicates WBK (*Wilayah Bebas dari Korupsi*) and WBBM (*Wilayah Birokrasi
Bersih dan Melayani*), as the internal assessment team (TPI, BNN's
Inspektorat) scores the LKE ZI worksheet: a *pengungkit* (enablers)
component worth at most 60 and a *hasil* (results) component worth at most
40::

    nilai = pengungkit + hasil        (0 <= pengungkit <= 60, 0 <= hasil <= 40)

:func:`score` computes one unit's total, :func:`rank` ranks units by total
with ties handled (standard competition ranking by default),
:func:`predikat` classifies a total with the unverified :data:`ZI_PREDIKAT`
scheme, and :func:`score_batch` / :func:`rank_array` do the same for arrays,
exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import Band, BandScheme, as_scheme
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import scaled_from_floats
from sakip.numbers import UNBOUNDED, check_places, to_decimal

__all__ = [
    "HASIL_MAX",
    "PENGUNGKIT_MAX",
    "ZI_PREDIKAT",
    "RankedUnit",
    "Ranking",
    "TieMethod",
    "ZonaIntegritasResult",
    "predikat",
    "rank",
    "rank_array",
    "score",
    "score_batch",
]

#: Maximum of the *pengungkit* (enablers) component (60 % of the LKE ZI).
PENGUNGKIT_MAX = Decimal(60)
#: Maximum of the *hasil* (results) component (40 % of the LKE ZI).
HASIL_MAX = Decimal(40)
_TOTAL_MAX = UNBOUNDED.add(PENGUNGKIT_MAX, HASIL_MAX)

ZI_PREDIKAT = BandScheme(
    "Predikat Zona Integritas (nilai LKE ZI)",
    [
        Band("Belum WBK", 0, 75),
        Band("WBK", 75, 85),
        Band("WBBM", 85, 100, upper_closed=True),
    ],
    source="PermenPANRB 90/2021 (Pembangunan dan Evaluasi Zona Integritas), Lampiran I",
    year=2021,
    verified=False,
    notes=(
        "Unverified reading: total >= 75 to propose a unit for WBK and >= 85 for WBBM. "
        "The 60/40 split of pengungkit and hasil was checked in secondary sources citing "
        "PermenPANRB 90/2021; the thresholds were not read in the regulation. The "
        "regulation also sets minima on parts of the hasil component (survey indices) "
        "that a total alone cannot show, and the predicate is awarded after the national "
        "team's evaluation, so a band here is at most eligibility, never the predicate."
    ),
)
"""Eligibility bands of a ZI total: < 75 Belum WBK, [75, 85) WBK, [85, 100] WBBM (unverified).

Examples
--------
>>> ZI_PREDIKAT.verified, ZI_PREDIKAT.classify("83.32").label
(False, 'WBK')
"""


def _component(value: object, field: str, maximum: Decimal) -> Decimal:
    number = to_decimal(value, field=field)
    if not Decimal(0) <= number <= maximum:
        raise InvalidValueError(field, f"must lie in [0, {maximum}]", number)
    return number


@attrs.frozen
class ZonaIntegritasResult:
    """A unit's ZI score.

    Attributes
    ----------
    value : Decimal
        ``pengungkit + hasil`` (0-100), exact.
    pengungkit : Decimal
        The enablers component (0-60).
    hasil : Decimal
        The results component (0-40).
    """

    value: Decimal
    pengungkit: Decimal
    hasil: Decimal


def score(*, pengungkit: object, hasil: object) -> ZonaIntegritasResult:
    """The ZI total from its two components.

    Parameters
    ----------
    pengungkit : int, str, Decimal or float
        The *komponen pengungkit* score, in [0, 60].
    hasil : int, str, Decimal or float
        The *komponen hasil* score, in [0, 40].

    Returns
    -------
    ZonaIntegritasResult

    Raises
    ------
    InvalidValueError
        A component outside its range (the two are keyword-only so that they
        cannot be swapped unnoticed).

    Notes
    -----
    ``nilai = pengungkit + hasil``, exact, in [0, 100].

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13 (indikator 18),
    table from Surat Inspektur Utama BNN B/658/XII/IR/IR.04.05/2024/INS;
    PermenPANRB 90/2021 for the 60/40 split.

    Examples
    --------
    >>> score(pengungkit="49.97", hasil="35.03").value
    Decimal('85.00')
    >>> score(pengungkit="35.03", hasil="49.97")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'hasil' must lie in [0, 40]: 49.97
    """
    lever = _component(pengungkit, "pengungkit", PENGUNGKIT_MAX)
    result = _component(hasil, "hasil", HASIL_MAX)
    return ZonaIntegritasResult(UNBOUNDED.add(lever, result), lever, result)


def predikat(total: object, *, scheme: BandScheme = ZI_PREDIKAT) -> Band:
    """The eligibility band of a ZI total.

    Parameters
    ----------
    total : int, str, Decimal or float
        A ZI total (``score(...).value``).
    scheme : BandScheme, optional
        Defaults to :data:`ZI_PREDIKAT`, whose bounds are **unverified**;
        pass the official table when you have it.

    Returns
    -------
    Band

    Raises
    ------
    OutOfBandError
        A total outside the scheme.
    InvalidTypeError
        A ``scheme`` that is not a :class:`~sakip.bands.BandScheme`.

    Notes
    -----
    Decided on the exact total. See :data:`ZI_PREDIKAT` for what the
    default bands can and cannot say.

    References
    ----------
    PermenPANRB 90/2021 (unverified reading).

    Examples
    --------
    >>> predikat("74.99").label, predikat(75).label
    ('Belum WBK', 'WBK')
    """
    return as_scheme(scheme).classify(total)


class TieMethod(enum.Enum):
    """How tied totals are ranked.

    Attributes
    ----------
    COMPETITION
        Standard competition ranking, "1224": tied units share the best
        rank and the next rank skips (the usual reading of a league table).
    DENSE
        Dense ranking, "1223": no rank is skipped.
    """

    COMPETITION = "competition"
    DENSE = "dense"


@attrs.frozen
class RankedUnit:
    """One line of a :class:`Ranking`."""

    rank: int
    unit: str
    total: Decimal


@attrs.frozen
class Ranking:
    """Units ranked by total, highest first.

    Attributes
    ----------
    entries : tuple of RankedUnit
        By rank; tied units keep their input order.
    method : TieMethod
    """

    entries: tuple[RankedUnit, ...]
    method: TieMethod

    @property
    def size(self) -> int:
        """Number of units ranked."""
        return len(self.entries)

    def rank_of(self, unit: str) -> int:
        """The rank of ``unit``.

        Raises
        ------
        InvalidValueError
            A unit that is not in the ranking.

        Examples
        --------
        >>> rank({"A": "85.52", "B": "85.00", "C": "84.95"}).rank_of("B")
        2
        """
        for entry in self.entries:
            if entry.unit == unit:
                return entry.rank
        raise InvalidValueError("unit", "must be one of the ranked units", unit)


def _pairs(
    totals: Mapping[str, object] | Iterable[tuple[str, object]],
) -> list[tuple[str, object]]:
    if isinstance(totals, Mapping):
        return list(totals.items())
    pairs: list[tuple[str, object]] = []
    for index, item in enumerate(totals):
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidTypeError(f"totals[{index}]", "must be a (unit, total) pair", item)
        pairs.append((item[0], item[1]))
    return pairs


def rank(
    totals: Mapping[str, object] | Iterable[tuple[str, object]],
    *,
    method: TieMethod = TieMethod.COMPETITION,
) -> Ranking:
    """Rank units by ZI total, highest first, with ties handled.

    Parameters
    ----------
    totals : mapping of str to number, or iterable of (str, number)
        Each unit's total (``score(...).value`` or a printed figure), in [0, 100].
    method : TieMethod, optional
        :attr:`TieMethod.COMPETITION` (default, 1-2-2-4) or
        :attr:`TieMethod.DENSE` (1-2-2-3).

    Returns
    -------
    Ranking

    Raises
    ------
    InvalidValueError
        No unit, a unit named twice, a total outside [0, 100].
    InvalidTypeError
        A unit name that is not a str, or an item that is not a pair.

    Notes
    -----
    Ranked on the exact totals: 85.00 and 85 tie. Competition rank =
    1 + number of units with a strictly higher total; dense rank = 1 +
    number of distinct totals strictly higher.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13: BNNP Kalimantan
    Tengah ranks 9th of the 11 BNNP listed.

    Examples
    --------
    >>> ranking = rank({"A": "91.94", "B": "85.00", "C": "85", "D": "84.95"})
    >>> [(e.rank, e.unit) for e in ranking.entries]
    [(1, 'A'), (2, 'B'), (2, 'C'), (4, 'D')]
    >>> rank({"A": "91.94", "B": "85.00", "C": "85", "D": "84.95"},
    ...      method=TieMethod.DENSE).rank_of("D")
    3
    """
    if not isinstance(method, TieMethod):
        raise InvalidTypeError("method", "must be a TieMethod", method)
    items: list[tuple[str, Decimal]] = []
    names: set[str] = set()
    for unit, total in _pairs(totals):
        if not isinstance(unit, str):
            raise InvalidTypeError("unit", "must be a str", unit)
        if unit in names:
            raise InvalidValueError("unit", "must not repeat", unit)
        names.add(unit)
        items.append((unit, _component(total, f"totals[{unit!r}]", _TOTAL_MAX)))
    if not items:
        raise InvalidValueError("totals", "must not be empty", 0)
    ordered = sorted(items, key=lambda item: item[1], reverse=True)  # stable: input order
    entries: list[RankedUnit] = []
    distinct_higher = 0
    for index, (unit, total) in enumerate(ordered):
        if entries and total == entries[-1].total:
            position = entries[-1].rank
        else:
            distinct_higher += 1 if entries else 0
            position = index + 1 if method is TieMethod.COMPETITION else distinct_higher + 1
        entries.append(RankedUnit(position, unit, total))
    return Ranking(tuple(entries), method)


def rank_array(
    totals: npt.ArrayLike, *, method: TieMethod = TieMethod.COMPETITION, places: int = 0
) -> npt.NDArray[np.int64]:
    """Ranks of a 1-D array of totals, highest first, as :func:`rank` gives them.

    Parameters
    ----------
    totals : array_like of float or int
        One total per unit. Floats mean ``Decimal(str(x))``; ranking only
        compares, and comparing floats orders them as those decimals, so the
        result is exact.
    method : TieMethod, optional
        As in :func:`rank`.
    places : int, optional
        The totals are scaled by ``10**places`` (as :func:`score_batch`
        returns them with ``places=2``); only the range check uses it.

    Returns
    -------
    numpy.ndarray of int64
        The rank of each element, in input order.

    Raises
    ------
    InvalidValueError
        An empty or non 1-D array, NaN, a total outside [0, 100 x 10**places].
    InvalidTypeError
        An array that is not of a float or integer dtype.

    Notes
    -----
    Competition rank = ``n - searchsorted(sorted, x, "right") + 1``; dense
    rank uses the sorted distinct totals instead.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13.

    Examples
    --------
    >>> rank_array([91.94, 85.0, 85.0, 84.95]).tolist()
    [1, 2, 2, 4]
    >>> rank_array([91.94, 85.0, 85.0, 84.95], method=TieMethod.DENSE).tolist()
    [1, 2, 2, 3]
    >>> totals = score_batch(pengungkit=[49.97, 55.51], hasil=[35.03, 36.43])
    >>> rank_array(totals, places=2).tolist()
    [2, 1]
    """
    if not isinstance(method, TieMethod):
        raise InvalidTypeError("method", "must be a TieMethod", method)
    array = np.asarray(totals)
    if array.dtype.kind not in "iuf":
        raise InvalidTypeError("totals", "must be a float or integer array", array.dtype)
    if array.ndim != 1 or array.size == 0:
        raise InvalidValueError("totals", "must be a non-empty 1-D array", array.shape)
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise InvalidValueError("totals", "must be finite numbers", array[~np.isfinite(array)][0])
    check_places(places)
    top = 100 * 10**places
    outside = (array < 0) | (array > top)
    if outside.any():
        raise InvalidValueError("totals", f"must lie in [0, {top}]", array[outside][0].item())
    reference = np.sort(array) if method is TieMethod.COMPETITION else np.unique(array)
    higher = reference.size - np.searchsorted(reference, array, side="right")
    result: npt.NDArray[np.int64] = (higher + 1).astype(np.int64)
    return result


def score_batch(
    *, pengungkit: npt.ArrayLike, hasil: npt.ArrayLike, places: int = 2
) -> npt.NDArray[np.int64]:
    """ZI totals for arrays of units, exactly, as scaled integers.

    Parameters
    ----------
    pengungkit, hasil : array_like of float or int
        The components per unit, broadcast together; each element must
        carry at most ``places`` decimals (floats mean ``Decimal(str(x))``).
    places : int, optional
        Decimal places of the inputs, 2 by default (the TPI table's).

    Returns
    -------
    numpy.ndarray of int64
        ``score(...).value x 10**places`` per unit: exact, no rounding
        (BNNP Bali's ``49.75 + 36.52`` is exactly ``8627``, where floats
        give ``86.27000000000001``).

    Raises
    ------
    InvalidValueError
        A component outside its range; ``places`` that is not an int >= 0.
    InexactArrayError
        An element with more than ``places`` decimals.

    Notes
    -----
    Both components are scaled to integers with
    :func:`sakip.exact_array.scaled_from_floats` and added.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13.

    Examples
    --------
    >>> score_batch(pengungkit=[49.97, 49.75], hasil=[35.03, 36.52]).tolist()
    [8500, 8627]
    """
    check_places(places)
    lever = scaled_from_floats(pengungkit, places, field="pengungkit")
    result = scaled_from_floats(hasil, places, field="hasil")
    factor = 10**places
    for name, array, maximum in (
        ("pengungkit", lever, PENGUNGKIT_MAX),
        ("hasil", result, HASIL_MAX),
    ):
        outside = (array < 0) | (array > int(maximum) * factor)
        if outside.any():
            bad = Decimal(int(array[outside][0])).scaleb(-places, context=UNBOUNDED)
            raise InvalidValueError(name, f"must lie in [0, {maximum}]", bad)
    total: npt.NDArray[np.int64] = np.add(lever, result)
    return total
