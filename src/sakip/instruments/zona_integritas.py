"""Nilai Zona Integritas (integrity zone score) from the internal assessment.

Measures how far a unit has built its *Zona Integritas* (ZI) toward the
predicates WBK (*Wilayah Bebas dari Korupsi*) and WBBM (*Wilayah Birokrasi
Bersih dan Melayani*), as the internal assessment team (TPI, BNN's
Inspektorat) scores the LKE ZI worksheet: a *pengungkit* (enablers)
component worth at most 60 and a *hasil* (results) component worth at most
40::

    nilai = pengungkit + hasil        (0 <= pengungkit <= 60, 0 <= hasil <= 40)

:func:`score` computes one unit's total and its eligibility band in the
unverified :data:`ZI_PREDIKAT` scheme (``category``); :func:`rank` ranks
units by total with ties handled (standard competition ranking by default).
Many units at once (a few hundred a year) go through the shared loop over
the exact scalar path, :func:`sakip.batch.score_each`; this module has no
numpy path of its own.

Examples
--------
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> rows = [{"pengungkit": "49.97", "hasil": "35.03"}, {"pengungkit": 49.75, "hasil": 36.52}]
>>> batch = score_each(score, rows, policy=RoundingPolicy(2, Rounding.HALF_UP),
...                    scheme=ZI_PREDIKAT)
>>> batch.decimals(), batch.labels()
([Decimal('85.00'), Decimal('86.27')], ['WBBM', 'WBBM'])
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from sakip._result import RoundedValue
from sakip.bands import Band, BandScheme, as_scheme
from sakip.coerce import NumberLike, to_bounded, to_enum, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import UNBOUNDED

__all__ = [
    "HASIL_MAX",
    "PENGUNGKIT_MAX",
    "ZI_PREDIKAT",
    "RankedUnit",
    "Ranking",
    "TieMethod",
    "ZonaIntegritasResult",
    "rank",
    "score",
]

#: Maximum of the *pengungkit* (enablers) component (60 % of the LKE ZI).
PENGUNGKIT_MAX = Decimal(60)
#: Maximum of the *hasil* (results) component (40 % of the LKE ZI).
HASIL_MAX = Decimal(40)

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

The default scheme of :func:`score`, whose result carries the band as
``category``.

Examples
--------
>>> ZI_PREDIKAT.verified, ZI_PREDIKAT.classify("83.32").label
(False, 'WBK')
>>> score(pengungkit="49.97", hasil="33.35").category is ZI_PREDIKAT.bands[1]
True
"""


@attrs.frozen
class ZonaIntegritasResult(RoundedValue):
    """A unit's ZI score and its eligibility band (frozen and hashable).

    Attributes
    ----------
    value : Decimal
        ``pengungkit + hasil`` (0-100), exact.
    pengungkit : Decimal
        The enablers component (0-60).
    hasil : Decimal
        The results component (0-40).
    category : Band
        The band of ``value`` in the scheme given to :func:`score`,
        :data:`ZI_PREDIKAT` by default (**unverified** bounds: at most
        eligibility, never the predicate itself).

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score(pengungkit="49.97", hasil="33.35")
    >>> result.category.label, result.rounded(RoundingPolicy(1, Rounding.HALF_UP))
    ('WBK', Decimal('83.3'))
    """

    value: Decimal
    pengungkit: Decimal
    hasil: Decimal
    category: Band


def score(
    *, pengungkit: NumberLike, hasil: NumberLike, scheme: BandScheme = ZI_PREDIKAT
) -> ZonaIntegritasResult:
    """The ZI total from its two components, and its eligibility band.

    Parameters
    ----------
    pengungkit : int, str, Decimal or float
        The *komponen pengungkit* score, in [0, 60].
    hasil : int, str, Decimal or float
        The *komponen hasil* score, in [0, 40].
    scheme : BandScheme, optional
        The bands of the total, :data:`ZI_PREDIKAT` by default, whose bounds
        are **unverified**; pass the official table when you have it.

    Returns
    -------
    ZonaIntegritasResult
        ``category`` is the band of the exact total in ``scheme``.

    Raises
    ------
    InvalidValueError
        A component outside its range (the two are keyword-only so that they
        cannot be swapped unnoticed).
    OutOfBandError
        A total outside every band of ``scheme``.
    InvalidTypeError
        A ``scheme`` that is not a :class:`~sakip.bands.BandScheme` (such as
        its name).

    Notes
    -----
    ``nilai = pengungkit + hasil``, exact, in [0, 100]. The band is decided
    on the exact total; see :data:`ZI_PREDIKAT` for what the default bands
    can and cannot say.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13 (indikator 18),
    table from Surat Inspektur Utama BNN B/658/XII/IR/IR.04.05/2024/INS;
    PermenPANRB 90/2021 for the 60/40 split (and, unverified, the bands).

    Examples
    --------
    >>> result = score(pengungkit="49.97", hasil="35.03")
    >>> result.value, result.category.label
    (Decimal('85.00'), 'WBBM')
    >>> score(pengungkit=50, hasil="24.99").category.label
    'Belum WBK'
    >>> score(pengungkit="35.03", hasil="49.97")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'hasil' must lie in [0, 40]: 49.97
    """
    lever = to_bounded(pengungkit, field="pengungkit", low=0, high=PENGUNGKIT_MAX)
    result = to_bounded(hasil, field="hasil", low=0, high=HASIL_MAX)
    total = UNBOUNDED.add(lever, result)
    return ZonaIntegritasResult(total, lever, result, as_scheme(scheme).classify(total))


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
        wanted = to_text(unit, field="unit")
        for entry in self.entries:
            if entry.unit == wanted:
                return entry.rank
        raise InvalidValueError("unit", "must be one of the ranked units", wanted)


def _pairs(
    totals: Mapping[str, NumberLike] | Iterable[tuple[str, NumberLike]],
) -> list[tuple[object, object]]:
    if isinstance(totals, Mapping):
        return list(totals.items())
    pairs: list[tuple[object, object]] = []
    for index, item in enumerate(to_sequence(totals, field="totals")):
        if isinstance(item, str | bytes | Mapping) or not isinstance(item, Iterable):
            raise InvalidTypeError(f"totals[{index}]", "must be a (unit, total) pair", item)
        pair = to_sequence(item, field=f"totals[{index}]")
        if len(pair) != 2:
            raise InvalidTypeError(f"totals[{index}]", "must be a (unit, total) pair", item)
        pairs.append((pair[0], pair[1]))
    return pairs


def rank(
    totals: Mapping[str, NumberLike] | Iterable[tuple[str, NumberLike]],
    *,
    method: TieMethod | str = TieMethod.COMPETITION,
) -> Ranking:
    """Rank units by ZI total, highest first, with ties handled.

    Parameters
    ----------
    totals : mapping of str to number, or sequence of (str, number)
        Each unit's total (``score(...).value`` or a printed figure), in
        [0, 100]; the numbers are read with :func:`sakip.to_decimal`
        (``85``, ``"85.00"``, ``Decimal("85")`` and ``85.0`` are the same
        total), the names with :func:`sakip.coerce.to_text`. A ``str`` is
        not a sequence of pairs.
    method : TieMethod or str, optional
        :attr:`TieMethod.COMPETITION` (default, 1-2-2-4) or
        :attr:`TieMethod.DENSE` (1-2-2-3), or their values
        ``"competition"`` and ``"dense"``.

    Returns
    -------
    Ranking

    Raises
    ------
    InvalidValueError
        No unit, a unit named twice, a total outside [0, 100], an unknown
        ``method``.
    InvalidTypeError
        A unit name that is not a str, ``totals`` that is neither a mapping
        nor a sequence, or an item that is not a pair.

    Notes
    -----
    Ranked on the exact totals: 85.00 and 85 tie. Competition rank =
    1 + number of units with a strictly higher total; dense rank = 1 +
    number of distinct totals strictly higher. Tied units keep their input
    order.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13: BNNP Kalimantan
    Tengah ranks 9th of the 11 BNNP listed.

    Examples
    --------
    >>> ranking = rank({"A": "91.94", "B": "85.00", "C": 85, "D": 84.95})
    >>> [(e.rank, e.unit) for e in ranking.entries]
    [(1, 'A'), (2, 'B'), (2, 'C'), (4, 'D')]
    >>> rank([("A", "91.94"), ("B", "85.00"), ("C", "85"), ("D", "84.95")],
    ...      method="dense").rank_of("D")
    3
    """
    how = to_enum(method, TieMethod, field="method")
    items: list[tuple[str, Decimal]] = []
    names: set[str] = set()
    for raw_unit, raw_total in _pairs(totals):
        unit = to_text(raw_unit, field="unit")
        if unit in names:
            raise InvalidValueError("unit", "must not repeat", unit)
        names.add(unit)
        items.append((unit, to_bounded(raw_total, field=f"totals[{unit!r}]", low=0, high=100)))
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
            position = index + 1 if how is TieMethod.COMPETITION else distinct_higher + 1
        entries.append(RankedUnit(position, unit, total))
    return Ranking(tuple(entries), how)
