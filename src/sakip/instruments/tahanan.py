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

The index is computed from counts (:func:`score`), from dated incident
records over a period (:func:`score_incidents`) or, for many units at once,
from count arrays (:func:`score_batch`), which agrees exactly with
:func:`score` after rounding.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs
import numpy as np
import numpy.typing as npt

from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import count_array, percent_array
from sakip.numbers import Rounding, percent, to_count, to_percentage

__all__ = [
    "Incident",
    "IncidentKind",
    "TahananResult",
    "score",
    "score_batch",
    "score_incidents",
]

# Counts in arrays stay far below int64 once multiplied by 100 and scaled.


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


def _kind(value: object) -> IncidentKind:
    if isinstance(value, IncidentKind):
        return value
    if isinstance(value, str):
        try:
            return IncidentKind(value)
        except ValueError:
            pass
    raise InvalidValueError("kind", f"must be one of {[k.value for k in IncidentKind]}", value)


def _date_field(value: object, field: str) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidTypeError(field, "must be a datetime.date (not a datetime)", value)
    return value


def _date(value: object) -> datetime.date:
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
        An unknown kind.
    InvalidTypeError
        A date that is not a ``datetime.date``.

    Examples
    --------
    >>> Incident("kabur", datetime.date(2024, 3, 5)).kind
    <IncidentKind.KABUR: 'kabur'>
    """

    kind: IncidentKind = attrs.field(converter=_kind)
    date: datetime.date = attrs.field(converter=_date)
    note: str = ""


@attrs.frozen
class TahananResult:
    """The index and the counts behind it.

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
    """

    value: Decimal
    detainees: int
    escapes: int
    serious_fights: int
    negligent_deaths: int
    incidents: int
    empty: bool


def score(
    *,
    detainees: object,
    escapes: object = 0,
    serious_fights: object = 0,
    negligent_deaths: object = 0,
    empty: object = None,
) -> TahananResult:
    """The detainee security index from counts.

    Parameters
    ----------
    detainees : int
        N, every detainee held in the period (a whole number >= 0).
    escapes, serious_fights, negligent_deaths : int, optional
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
        value = to_percentage(empty, field="empty")
        return TahananResult(value, total, a, b, c, incidents, empty=True)
    value = percent(
        total - incidents, total, part_field="detainees - incidents", whole_field="detainees"
    )
    return TahananResult(value, total, a, b, c, incidents, empty=False)


def score_incidents(
    incidents: Iterable[Incident],
    *,
    detainees: object,
    start: datetime.date,
    end: datetime.date,
    empty: object = None,
) -> TahananResult:
    """The detainee security index from dated incident records over a period.

    Parameters
    ----------
    incidents : iterable of Incident
        Every incident recorded in the period.
    detainees : int
        N, every detainee held in the period.
    start, end : datetime.date
        The period, both days included.
    empty : number, optional
        As in :func:`score`.

    Returns
    -------
    TahananResult

    Raises
    ------
    InvalidValueError
        ``start`` after ``end``; an incident dated outside the period (it is
        never dropped silently: filter the log first); and every error of
        :func:`score`.
    InvalidTypeError
        An item that is not an :class:`Incident`, or a period bound that is
        not a ``datetime.date``.

    Notes
    -----
    a, b and c are the numbers of incidents of each :class:`IncidentKind`;
    then as :func:`score`.

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
    for position, incident in enumerate(incidents):
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


def score_batch(
    *,
    detainees: npt.ArrayLike,
    escapes: npt.ArrayLike,
    serious_fights: npt.ArrayLike,
    negligent_deaths: npt.ArrayLike,
    places: int,
    rounding: Rounding,
    empty: object = None,
) -> npt.NDArray[np.int64]:
    """The index for many units at once, rounded, as scaled integers.

    Parameters
    ----------
    detainees, escapes, serious_fights, negligent_deaths : array_like of int
        N, a, b and c per unit, broadcast together (integer dtypes only).
    places : int
        Decimal places of the result.
    rounding : Rounding
        How to reach them.
    empty : number, optional
        As in :func:`score`; it must have at most ``places`` decimals.

    Returns
    -------
    numpy.ndarray of int64
        ``round_to(score(...).value, places, rounding) x 10**places`` per
        unit; :func:`sakip.exact_array.scaled_to_decimals` turns it back.

    Raises
    ------
    InvalidValueError
        As :func:`score`, for the first offending unit.
    InvalidTypeError
        Arrays that are not of an integer dtype.
    InexactArrayError
        ``empty`` with more than ``places`` decimals, or counts too large.

    Notes
    -----
    Computed as ``divide_round((N - (a + b + c)) x 100, N)`` in integers,
    so it agrees with :func:`score` exactly.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 12.

    Examples
    --------
    >>> score_batch(detainees=[22, 7, 3], escapes=[0, 1, 0], serious_fights=0,
    ...             negligent_deaths=[0, 0, 1], places=2,
    ...             rounding=Rounding.TRUNCATE).tolist()
    [10000, 8571, 6666]
    """
    n = count_array(detainees, field="detainees")
    a = count_array(escapes, field="escapes")
    b = count_array(serious_fights, field="serious_fights")
    c = count_array(negligent_deaths, field="negligent_deaths")
    n, a, b, c = np.broadcast_arrays(n, a, b, c)
    incidents = a + b + c
    too_many = incidents > n
    if too_many.any():
        first = int(np.flatnonzero(too_many.ravel())[0])
        raise InvalidValueError(
            f"escapes + serious_fights + negligent_deaths[{first}]",
            f"must not exceed detainees ({int(n.ravel()[first])})",
            int(incidents.ravel()[first]),
        )
    return percent_array(
        n - incidents, n, places, rounding, empty=empty, part_field="safe", whole_field="detainees"
    )
