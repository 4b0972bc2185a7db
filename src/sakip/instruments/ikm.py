"""IKM: Indeks Kepuasan Masyarakat (community satisfaction index), PermenPANRB 14/2017.

The Survei Kepuasan Masyarakat (SKM) asks each respondent to rate the
service on 9 *unsur pelayanan* (service elements), each on a 1-4 scale. Per
unsur the *nilai rata-rata* (NRR) is its total score over the respondents
who answered it; the index is the mean of the 9 NRR, i.e. each NRR weighted
by exactly 1/9 (the regulation prints the weight as 0,111, which changes
results); the *nilai konversi* is the index x 25 (25-100); the *mutu
pelayanan* (A-D) and *kinerja unit pelayanan* (Sangat Baik ... Tidak Baik)
come from the regulation's table (:data:`sakip.schemes.IKM_MUTU_CONVERTED`).

BNN measures the satisfaction of rehabilitation clients by semester; the
annual index is the total score of both semesters over the total number of
respondents, i.e. respondent-weighted (:func:`pool`), never the mean of the
two semester indices. Units are pooled the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from numbers import Integral

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import Band, BandScheme, as_scheme
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.likert import LIKERT_1_4, MissingPolicy, score_matrix
from sakip.numbers import UNBOUNDED, divide, exact_sum, to_decimal
from sakip.schemes import IKM_MUTU_CONVERTED

__all__ = [
    "CONVERSION_FACTOR",
    "UNSUR_COUNT",
    "IkmResult",
    "classify",
    "from_nrr",
    "from_totals",
    "pool",
    "pool_indices",
    "score",
]

UNSUR_COUNT = 9
"""Number of service elements (*unsur pelayanan*) of PermenPANRB 14/2017."""

CONVERSION_FACTOR = 25
"""The index (1-4) times this gives the *nilai konversi* (25-100)."""

_LOW, _HIGH = LIKERT_1_4.low, LIKERT_1_4.high


@attrs.frozen
class IkmResult:
    """An IKM with the figures an SKM report prints.

    Attributes
    ----------
    value : Decimal
        The index on the 1-4 interval scale (*nilai indeks*), exact:
        ``sum(NRR) / number of unsur``.
    converted : Decimal
        ``value x 25`` (*nilai konversi*, 25-100).
    mutu : str
        Service quality grade A-D (*mutu pelayanan*) of ``converted``.
    kinerja : str
        Performance label (*kinerja unit pelayanan*) of ``converted``.
    respondents : int
        Number of respondents (*responden*).
    unsur_totals : tuple of Decimal
        Per unsur: total score (*jumlah nilai per unsur*); integral when
        computed from answers.
    unsur_answers : tuple of int
        Per unsur: number of answers (the respondents, unless answers were
        missing and excluded).
    nrr : tuple of Decimal
        Per unsur: ``total / answers`` (*nilai rata-rata*).
    weighted_nrr : tuple of Decimal
        Per unsur: ``NRR / number of unsur`` (*NRR tertimbang*).
    scheme : BandScheme
        The mutu table used.
    """

    value: Decimal
    converted: Decimal
    mutu: str
    kinerja: str
    respondents: int
    unsur_totals: tuple[Decimal, ...]
    unsur_answers: tuple[int, ...]
    nrr: tuple[Decimal, ...]
    weighted_nrr: tuple[Decimal, ...]
    scheme: BandScheme


def _as_decimal(value: Fraction) -> Decimal:
    return divide(value.numerator, value.denominator)


def _positive_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidTypeError(field, "must be an int", value)
    if int(value) <= 0:
        raise InvalidValueError(field, "must be > 0", value)
    return int(value)


def _sequence(value: object, field: str) -> list[object]:
    """A list or tuple (or 1-D array) of figures; a str is not a sequence of figures."""
    if isinstance(value, np.ndarray):
        if value.ndim != 1:
            raise InvalidValueError(field, "must be 1-D", f"{value.ndim}-D")
        items: list[object] = value.tolist()
        return items
    if not isinstance(value, list | tuple):
        raise InvalidTypeError(field, "must be a list or tuple", value)
    return list(value)


def _build(
    respondents: int,
    totals: Sequence[Decimal],
    answers: Sequence[int],
    scheme: BandScheme,
) -> IkmResult:
    """Every result is made here, from per-unsur totals and answer counts."""
    count = len(totals)
    nrr_exact = [Fraction(total) / n for total, n in zip(totals, answers, strict=True)]
    index = sum(nrr_exact, Fraction(0)) / count
    converted = index * CONVERSION_FACTOR
    converted_decimal = _as_decimal(converted)
    band = scheme.classify(converted_decimal)
    return IkmResult(
        value=_as_decimal(index),
        converted=converted_decimal,
        mutu=band.grade if band.grade is not None else band.label,
        kinerja=band.label,
        respondents=respondents,
        unsur_totals=tuple(totals),
        unsur_answers=tuple(answers),
        nrr=tuple(_as_decimal(v) for v in nrr_exact),
        weighted_nrr=tuple(_as_decimal(v / count) for v in nrr_exact),
        scheme=scheme,
    )


def classify(index: object, *, scheme: BandScheme = IKM_MUTU_CONVERTED) -> Band:
    """Mutu band of an index (1-4) known only as a figure, through its conversion x 25.

    Parameters
    ----------
    index : int, str, Decimal or float
        The IKM on the 1-4 interval scale, as printed.
    scheme : BandScheme, default IKM_MUTU_CONVERTED
        Mutu table on the converted (25-100) value.

    Returns
    -------
    Band
        ``band.grade`` is the mutu (A-D), ``band.label`` the kinerja.

    Raises
    ------
    InvalidValueError
        An index outside 1-4.

    References
    ----------
    PermenPANRB 14/2017, Lampiran (nilai interval konversi, mutu, kinerja).

    Examples
    --------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 8 (IKM 3,70):

    >>> band = classify("3.70")
    >>> band.grade, band.label
    ('A', 'Sangat Baik')
    """
    scheme = as_scheme(scheme)
    value = to_decimal(index, field="index")
    if not _LOW <= value <= _HIGH:
        raise InvalidValueError("index", "must lie within 1-4", value)
    return scheme.classify(UNBOUNDED.multiply(value, Decimal(CONVERSION_FACTOR)))


def score(
    responses: object,
    *,
    unsur: int | None = UNSUR_COUNT,
    scheme: BandScheme = IKM_MUTU_CONVERTED,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> IkmResult:
    """Compute the IKM of one survey from its answers.

    Parameters
    ----------
    responses : array_like
        Respondents x unsur matrix of 1-4 answers: nested lists (``None`` =
        missing) or a 2-D numpy array (an ``int8`` array is not copied; see
        :func:`sakip.likert.validated_scores` for masks, sentinels, NaN).
    unsur : int or None, default 9
        Required number of columns; ``None`` accepts any (the weight is then
        1 / columns).
    scheme : BandScheme, default IKM_MUTU_CONVERTED
        Mutu table on the converted (25-100) value.
    missing : MissingPolicy, default MissingPolicy.RAISE
        A missing answer raises, or (``EXCLUDE``) is left out of its unsur's
        total and count; never counted as 0.
    missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside 1-4 marking a missing answer in an array.

    Returns
    -------
    IkmResult

    Raises
    ------
    InvalidValueError
        Wrong number of unsur; an answer outside 1-4; empty or ragged input;
        a missing answer under ``RAISE``; an unsur nobody answered.
    InvalidTypeError
        A non-integer answer; ``unsur`` that is not an int (or None).

    Notes
    -----
    ``NRR_i = total_i / answers_i``; ``IKM = (NRR_1 + ... + NRR_9) / 9``
    (weight exactly 1/9); ``konversi = IKM x 25``. The index is computed as
    one exact rational number and divided once, so it is correct to 60
    significant digits; the mutu is decided on that value. With no missing
    answer ``IKM = total score / (9 x respondents)``.

    :data:`sakip.schemes.IKM_MUTU` on ``value`` gives the same band as
    :data:`~sakip.schemes.IKM_MUTU_CONVERTED` on ``converted``: its bounds
    are the converted ones divided by 25.

    References
    ----------
    PermenPANRB 14/2017, Lampiran (pengolahan data, nilai interval and
    konversi, mutu and kinerja unit pelayanan). LKIP BNNP Kalimantan Tengah
    2024, BAB III A, sasaran 8 (indeks kepuasan layanan klinik
    rehabilitasi).

    Examples
    --------
    Every respondent answering 4 gives the top of the scale:

    >>> result = score([[4] * 9, [4] * 9])
    >>> result.value, result.converted, result.mutu, result.kinerja
    (Decimal('4'), Decimal('100'), 'A', 'Sangat Baik')

    Four respondents (total score 126 = 126 / 36 = 3,5):

    >>> result = score([[4, 3, 3, 4, 3, 4, 4, 3, 4],
    ...                 [3, 3, 4, 4, 3, 4, 4, 3, 3],
    ...                 [4, 3, 3, 4, 4, 4, 3, 3, 4],
    ...                 [4, 2, 3, 4, 3, 4, 4, 3, 4]])
    >>> result.unsur_totals[:3], result.nrr[:3]
    ((Decimal('15'), Decimal('11'), Decimal('13')), (Decimal('3.75'), Decimal('2.75'), Decimal('3.25')))
    >>> result.value, result.converted
    (Decimal('3.5'), Decimal('87.5'))
    >>> result.mutu, result.kinerja
    ('B', 'Baik')
    """
    scheme = as_scheme(scheme)
    if unsur is not None:
        unsur = _positive_int(unsur, "unsur")
    matrix = score_matrix(
        responses,
        scale=LIKERT_1_4,
        missing=missing,
        missing_mask=missing_mask,
        sentinel=sentinel,
        field="responses",
    )
    if unsur is not None and matrix.n_items != unsur:
        raise InvalidValueError("responses", f"must have {unsur} unsur (columns)", matrix.n_items)
    totals = [Decimal(int(t)) for t in matrix.col_sums]
    answers = [int(n) for n in matrix.col_counts]
    return _build(matrix.n_respondents, totals, answers, scheme)


def from_totals(
    *,
    respondents: int,
    unsur_totals: Sequence[object],
    unsur_answers: Sequence[int] | None = None,
    scheme: BandScheme = IKM_MUTU_CONVERTED,
) -> IkmResult:
    """Build an IKM from a period's aggregates: respondents and total score per unsur.

    Parameters
    ----------
    respondents : int
        Number of respondents, ``> 0``.
    unsur_totals : sequence of int, str or Decimal
        Total score per unsur (*jumlah nilai per unsur*).
    unsur_answers : sequence of int, optional
        Answers per unsur; default ``respondents`` for each.
    scheme : BandScheme, default IKM_MUTU_CONVERTED
        Mutu table.

    Returns
    -------
    IkmResult

    Raises
    ------
    InvalidValueError
        No unsur; ``respondents`` or an answer count ``<= 0``; more answers
        than respondents; a total outside ``[answers, 4 x answers]`` (an
        NRR outside 1-4); lengths that differ.
    InvalidTypeError
        Counts that are not ints; ``unsur_totals`` or ``unsur_answers`` that
        is not a list, tuple or 1-D array (a str is refused, not iterated).

    Examples
    --------
    >>> r = from_totals(respondents=10, unsur_totals=[35, 36, 34, 38, 33, 37, 36, 35, 31])
    >>> r.nrr[:2], r.value
    ((Decimal('3.5'), Decimal('3.6')), Decimal('3.5'))
    >>> r.converted, r.mutu, r.kinerja
    (Decimal('87.5'), 'B', 'Baik')
    """
    scheme = as_scheme(scheme)
    n = _positive_int(respondents, "respondents")
    totals = [to_decimal(t, field="unsur_totals") for t in _sequence(unsur_totals, "unsur_totals")]
    if not totals:
        raise InvalidValueError("unsur_totals", "must not be empty", unsur_totals)
    if unsur_answers is None:
        answers = [n] * len(totals)
    else:
        answers = [
            _positive_int(a, "unsur_answers") for a in _sequence(unsur_answers, "unsur_answers")
        ]
        if len(answers) != len(totals):
            raise InvalidValueError(
                "unsur_answers", f"must have {len(totals)} entries like unsur_totals", answers
            )
    for position, (total, count) in enumerate(zip(totals, answers, strict=True)):
        if count > n:
            raise InvalidValueError(
                "unsur_answers", f"must not exceed respondents ({n}) at unsur {position}", count
            )
        if not count * _LOW <= total <= count * _HIGH:
            raise InvalidValueError(
                "unsur_totals",
                f"must lie between {count * _LOW} and {count * _HIGH} "
                f"({count} answers of 1-4) at unsur {position}",
                total,
            )
    return _build(n, totals, answers, scheme)


def from_nrr(
    *,
    respondents: int,
    nrr: Sequence[object],
    scheme: BandScheme = IKM_MUTU_CONVERTED,
) -> IkmResult:
    """Build an IKM from a period's respondents and NRR per unsur.

    The totals are taken as ``NRR x respondents``; when the NRR were printed
    rounded, so is everything computed from them.

    Parameters
    ----------
    respondents : int
        Number of respondents, ``> 0``.
    nrr : sequence of int, str or Decimal
        NRR per unsur, each within 1-4.
    scheme : BandScheme, default IKM_MUTU_CONVERTED
        Mutu table.

    Returns
    -------
    IkmResult

    Raises
    ------
    InvalidValueError
        An NRR outside 1-4, no unsur, ``respondents <= 0``.
    InvalidTypeError
        ``nrr`` that is not a list, tuple or 1-D array.

    Examples
    --------
    >>> from_nrr(respondents=20, nrr=["3.70", "3.80", "3.00"]).value
    Decimal('3.5')
    """
    n = _positive_int(respondents, "respondents")
    values = [to_decimal(v, field="nrr") for v in _sequence(nrr, "nrr")]
    for position, value in enumerate(values):
        if not _LOW <= value <= _HIGH:
            raise InvalidValueError("nrr", f"must lie within 1-4 at unsur {position}", value)
    totals = [UNBOUNDED.multiply(value, Decimal(n)) for value in values]
    return from_totals(respondents=n, unsur_totals=totals, scheme=scheme)


def pool(parts: Iterable[IkmResult], *, scheme: BandScheme | None = None) -> IkmResult:
    """Pool periods (semesters) or units into one IKM, weighted by respondents.

    Parameters
    ----------
    parts : iterable of IkmResult
        The periods or units, all with the same number of unsur.
    scheme : BandScheme, optional
        Mutu table; default that of the first part.

    Returns
    -------
    IkmResult
        Totals and answer counts summed per unsur, and the index computed
        from them.

    Raises
    ------
    InvalidValueError
        No part, or parts with different numbers of unsur.
    InvalidTypeError
        A part that is not an :class:`IkmResult`.

    Notes
    -----
    ``NRR_i = (total_i of every part) / (answers_i of every part)``: the
    annual index is the total score of semester 1 and 2 over the total
    number of respondents (LKIP BNNP Kalimantan Tengah 2024, BAB III A
    sasaran 8, *definisi operasional*), not the mean of the semester
    indices. Pooling is associative and does not depend on the order of
    the parts.

    Examples
    --------
    10 respondents answering all 4 and 30 answering all 3: the year is
    (10 x 4 + 30 x 3) / 40 = 3,25, not (4 + 3) / 2 = 3,5.

    >>> s1, s2 = score([[4] * 9] * 10), score([[3] * 9] * 30)
    >>> year = pool([s1, s2])
    >>> year.value, year.converted, year.mutu, year.kinerja
    (Decimal('3.25'), Decimal('81.25'), 'B', 'Baik')
    """
    items = list(parts)
    if not items:
        raise InvalidValueError("parts", "must not be empty", items)
    for part in items:
        if not isinstance(part, IkmResult):
            raise InvalidTypeError("parts", "must be IkmResult objects", part)
    count = len(items[0].unsur_totals)
    for part in items:
        if len(part.unsur_totals) != count:
            raise InvalidValueError(
                "parts", f"must all have {count} unsur", len(part.unsur_totals)
            )
    totals = [exact_sum(part.unsur_totals[i] for part in items) for i in range(count)]
    answers = [sum(part.unsur_answers[i] for part in items) for i in range(count)]
    respondents = sum(part.respondents for part in items)
    chosen = items[0].scheme if scheme is None else scheme
    return _build(respondents, totals, answers, as_scheme(chosen))


def pool_indices(*, respondents: Sequence[int], indices: Sequence[object]) -> Decimal:
    """Respondent-weighted mean of unit indices when only (respondents, IKM) are known.

    Parameters
    ----------
    respondents : sequence of int
        Respondents of each unit or period, each ``> 0``.
    indices : sequence of int, str or Decimal
        The IKM (1-4) of each, in the same order.

    Returns
    -------
    Decimal
        ``sum(respondents_k x IKM_k) / sum(respondents_k)``, exact.

    Raises
    ------
    InvalidValueError
        Empty or unequal sequences, a count ``<= 0``, an index outside 1-4.
    InvalidTypeError
        Arguments that are not lists, tuples or 1-D arrays; counts that are
        not ints.

    Notes
    -----
    Equal to :func:`pool` when no answer is missing, since then each IKM
    is the unit's total score over ``9 x respondents``.

    Examples
    --------
    >>> pool_indices(respondents=[10, 30], indices=[4, 3])
    Decimal('3.25')
    """
    counts = [_positive_int(n, "respondents") for n in _sequence(respondents, "respondents")]
    values = [to_decimal(v, field="indices") for v in _sequence(indices, "indices")]
    if not counts or len(counts) != len(values):
        raise InvalidValueError(
            "indices", f"must be as many as respondents ({len(counts)}), and some", len(values)
        )
    for value in values:
        if not _LOW <= value <= _HIGH:
            raise InvalidValueError("indices", "must lie within 1-4", value)
    weighted = sum((Fraction(v) * n for v, n in zip(values, counts, strict=True)), Fraction(0))
    return _as_decimal(weighted / sum(counts))
