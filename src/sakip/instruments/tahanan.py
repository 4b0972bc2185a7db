"""Nilai tingkat keamanan, ketertiban dan kesehatan tahanan (detainee security index).

Measures how many of the detainees held by a BNN unit over a period were
*not* touched by one of three incidents: an escape (a, *tahanan kabur*), a
fight between detainees causing serious injury or death (b, *perkelahian
berat*), or a death through an officer's negligence (c, *kematian karena
kelalaian petugas*)::

    nilai = (N - (a + b + c)) / N x 100

where N is the number of detainees held in the period. The LKIP of BNNP
Kalimantan Tengah 2024 (BAB III A, sasaran 10, indicator 12) reports 22
detainees and no incident, hence 100.

The index is computed from counts (:func:`score`) or from dated incident
records over a period (:func:`score_incidents`). Many units are scored with
:func:`sakip.batch.score_each` over :func:`score` (why: see there).

Examples
--------
The LKIP figure (22 detainees, no incident), then three units at once:

>>> score(detainees=22).value
Decimal('100')
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> rows = [{"detainees": 22}, {"detainees": 14, "escapes": 1}, {"detainees": 0, "empty": 100}]
>>> score_each(score, rows, policy=RoundingPolicy(2, Rounding.TRUNCATE)).decimals()
[Decimal('100.00'), Decimal('92.85'), Decimal('100.00')]
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from sakip._result import RoundedValue
from sakip.bands import Band
from sakip.coerce import NumberLike, to_bounded, to_count, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import percent

__all__ = ["Incident", "IncidentKind", "TahananResult", "score", "score_incidents"]


class IncidentKind(enum.Enum):
    """The three incidents the index counts.

    Attributes
    ----------
    KABUR
        A detainee escaped (a).
    PERKELAHIAN_BERAT
        A fight between detainees causing serious injury or death (b).
    KEMATIAN_KELALAIAN
        A detainee died through an officer's negligence (c).
    """

    KABUR = "kabur"
    PERKELAHIAN_BERAT = "perkelahian_berat"
    KEMATIAN_KELALAIAN = "kematian_kelalaian"


def _incident_kind(value: IncidentKind | str) -> IncidentKind:
    return to_enum(value, IncidentKind, field="kind")


def _date_field(value: object, field: str) -> datetime.date:
    # sakip.coerce has no date: a ``datetime`` is refused, the period is in days.
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidTypeError(field, "must be a datetime.date (not a datetime)", value)
    return value


def _date(value: datetime.date) -> datetime.date:
    return _date_field(value, "date")


@attrs.frozen
class Incident:
    """One recorded incident.

    Parameters
    ----------
    kind : IncidentKind or str
        ``IncidentKind.KABUR`` or its value ``"kabur"``, and so on.
    date : datetime.date
        The day it happened (a ``datetime`` is refused: the period is in days).
    note : str, optional
        Free text (the detainee, the report number).

    Raises
    ------
    InvalidValueError
        A kind that is neither an :class:`IncidentKind` nor one of its values
        (``"Kabur"`` and the member name ``"KABUR"`` are refused).
    InvalidTypeError
        A date that is not a ``datetime.date``.

    Examples
    --------
    >>> Incident("kabur", datetime.date(2024, 3, 5)).kind
    <IncidentKind.KABUR: 'kabur'>
    >>> Incident(IncidentKind.KABUR, datetime.date(2024, 3, 5)).kind.value
    'kabur'
    """

    kind: IncidentKind = attrs.field(converter=_incident_kind)
    date: datetime.date = attrs.field(converter=_date)
    note: str = ""


@attrs.frozen
class TahananResult(RoundedValue):
    """The index and the counts behind it (frozen and hashable).

    Attributes
    ----------
    value : Decimal
        ``(N - (a + b + c)) / N x 100``, unrounded (percent, 100 = no incident).
    detainees : int
        N, the detainees held in the period.
    escapes, serious_fights, negligent_deaths : int
        a, b and c.
    incidents : int
        ``a + b + c``.
    empty : bool
        True when N = 0 and ``value`` is the caller's ``empty`` value.
    category : Band or None
        Always ``None``: the report grades the index against its target
        (capaian), not in a band scheme of its own.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score(detainees=22, escapes=1)
    >>> result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)), result.category
    (Decimal('95.45'), None)
    """

    value: Decimal
    detainees: int
    escapes: int
    serious_fights: int
    negligent_deaths: int
    incidents: int
    empty: bool
    category: Band | None = None


def score(
    *,
    detainees: NumberLike,
    escapes: NumberLike = 0,
    serious_fights: NumberLike = 0,
    negligent_deaths: NumberLike = 0,
    empty: NumberLike | None = None,
) -> TahananResult:
    """The detainee security index from counts.

    Parameters
    ----------
    detainees : int or str or Decimal
        N, every detainee held in the period (a whole number >= 0, read with
        :func:`sakip.coerce.to_count`: ``22`` and ``"22"`` are the same).
    escapes, serious_fights, negligent_deaths : int or str or Decimal, optional
        a, b and c (whole numbers >= 0, default 0).
    empty : int, str, Decimal or float, optional
        The value, in [0, 100], to give when N = 0 (no detainee, hence no
        incident). Without it, N = 0 raises: the formula is undefined there
        and the report gives no rule.

    Returns
    -------
    TahananResult

    Raises
    ------
    InvalidValueError
        A count that is negative or not whole; ``a + b + c > N``; N = 0
        without ``empty``; ``empty`` outside [0, 100].

    Notes
    -----
    ``value = (N - (a + b + c)) / N x 100``, exact (a percentage, 0 to 100).
    Each incident is counted once against the detainees, so more incidents
    than detainees is an error, never a negative index. N = 0 with
    incidents is the same error; N = 0 without incidents raises unless the
    caller states ``empty`` (``empty=100`` reads "nothing happened" as fully
    secure, which the report's yearly target of 100 suggests but does not
    say).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 12
    (Metode Pengukuran and Hasil Pengukuran); Renstra BNN 2020-2024 target 100.

    Examples
    --------
    The report: 22 detainees, no incident.

    >>> score(detainees=22).value
    Decimal('100')
    >>> score(detainees=22, escapes=1).value
    Decimal('95.4545454545454545454545454545454545454545454545454545454545')
    >>> score(detainees=0)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'detainees' must be > 0 (pass empty= to give a value for a period without detainees): 0
    >>> score(detainees=0, empty=100).value
    Decimal('100')
    """
    total = to_count(detainees, field="detainees")
    a = to_count(escapes, field="escapes")
    b = to_count(serious_fights, field="serious_fights")
    c = to_count(negligent_deaths, field="negligent_deaths")
    incidents = a + b + c
    if incidents > total:
        raise InvalidValueError(
            "escapes + serious_fights + negligent_deaths",
            f"must not exceed detainees ({total})",
            incidents,
        )
    if total == 0:
        if empty is None:
            raise InvalidValueError(
                "detainees",
                "must be > 0 (pass empty= to give a value for a period without detainees)",
                total,
            )
        value = to_bounded(empty, field="empty", low=0, high=100)
        return TahananResult(value, total, a, b, c, incidents, empty=True)
    value = percent(
        total - incidents, total, part_field="detainees - incidents", whole_field="detainees"
    )
    return TahananResult(value, total, a, b, c, incidents, empty=False)


def score_incidents(
    incidents: Iterable[Incident],
    *,
    detainees: NumberLike,
    start: datetime.date,
    end: datetime.date,
    empty: NumberLike | None = None,
) -> TahananResult:
    """The detainee security index from dated incident records over a period.

    Parameters
    ----------
    incidents : sequence of Incident
        Every incident recorded in the period (a list, a tuple or another
        iterable; a ``str`` is refused).
    detainees : int or str or Decimal
        N, every detainee held in the period.
    start, end : datetime.date
        The period, both days included.
    empty : number, optional
        As in :func:`score`.

    Returns
    -------
    TahananResult
        :func:`score` of a, b and c, the numbers of incidents of each
        :class:`IncidentKind`.

    Raises
    ------
    InvalidValueError
        ``start`` after ``end``; an incident dated outside the period (it is
        never dropped silently: filter the log first); and every error of
        :func:`score`.
    InvalidTypeError
        ``incidents`` that is not a sequence, an item that is not an
        :class:`Incident`, or a period bound that is not a ``datetime.date``.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 12.

    Examples
    --------
    >>> year = dict(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
    >>> score_incidents([], detainees=22, **year).value
    Decimal('100')
    >>> log = [Incident("kabur", datetime.date(2024, 6, 1))]
    >>> score_incidents(log, detainees=20, **year).value
    Decimal('95')
    """
    first = _date_field(start, "start")
    last = _date_field(end, "end")
    if first > last:
        raise InvalidValueError("start", f"must not be after end ({last.isoformat()})", first)
    counts = dict.fromkeys(IncidentKind, 0)
    for position, incident in enumerate(to_sequence(incidents, field="incidents")):
        if not isinstance(incident, Incident):
            raise InvalidTypeError(f"incidents[{position}]", "must be an Incident", incident)
        if not first <= incident.date <= last:
            raise InvalidValueError(
                f"incidents[{position}].date",
                f"must lie in the period {first.isoformat()} to {last.isoformat()}",
                incident.date,
            )
        counts[incident.kind] += 1
    return score(
        detainees=detainees,
        escapes=counts[IncidentKind.KABUR],
        serious_fights=counts[IncidentKind.PERKELAHIAN_BERAT],
        negligent_deaths=counts[IncidentKind.KEMATIAN_KELALAIAN],
        empty=empty,
    )
