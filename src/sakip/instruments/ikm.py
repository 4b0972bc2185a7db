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

:func:`score` gives the index of one survey with its band (``category``,
whose ``grade`` is the mutu and ``label`` the kinerja); :func:`score_batch`
gives every respondent's own index and band at once, in the shared
:class:`~sakip.batch.ScoreBatch`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import numpy.typing as npt

from sakip._result import RoundedValue
from sakip.bands import Band, BandScheme, as_scheme
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike, to_enum, to_positive_int, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import divide_round
from sakip.likert import LIKERT_1_4, MissingPolicy, ScoreMatrix, score_matrix
from sakip.numbers import (
    UNBOUNDED,
    NumberLike,
    RoundingPolicy,
    divide,
    exact_sum,
    to_decimal,
)
from sakip.schemes import IKM_MUTU_CONVERTED

__all__ = [
    "CONVERSION_FACTOR",
    "UNSUR_COUNT",
    "IkmResult",
    "IkmWeighting",
    "classify",
    "detect_weighting",
    "from_nrr",
    "from_totals",
    "pool",
    "pool_indices",
    "score",
    "score_batch",
]

UNSUR_COUNT = 9
"""Number of service elements (*unsur pelayanan*) of PermenPANRB 14/2017."""

CONVERSION_FACTOR = 25
"""The index (1-4) times this gives the *nilai konversi* (25-100)."""

_LOW, _HIGH = LIKERT_1_4.low, LIKERT_1_4.high


class IkmWeighting(enum.Enum):
    """The weight each unsur's NRR gets in the index: exactly 1/9, or a printed legacy decimal.

    Every ``weights=`` takes the member or its value (``"exact"``,
    ``"0.111"``, ``"0.11"``).

    Attributes
    ----------
    EXACT
        ``1 / number of unsur`` (1/9): the regulation's *bobot nilai
        rata-rata tertimbang = jumlah bobot / jumlah unsur*. The default
        everywhere, never changed.
    PRINTED_0_111
        Each NRR times the printed decimal 0,111 (9 unsur only), as official
        SKM report templates print it ("NRR tertimbang per unsur = NRR per
        unsur x 0,111"): the index is ``0,999 x`` the exact one.
    PRINTED_0_11
        Each NRR times 0,11 (9 unsur only), as some SKM applications compute
        it ("Nilai Indeks per unsur = NRR * Bobot (0.11)"): ``0,99 x`` the
        exact index.

    Notes
    -----
    The legacy weights are for reproducing and auditing published SKM
    reports (:func:`detect_weighting` tells which one a printed total
    used); they are never a default. The wording "1/9 = 0,11" in the
    Lampiran of PermenPANRB 14/2017 itself was not verified; its
    predecessor KEP/25/M.PAN/2/2004 prints its weight rounded the same way
    ("1/14 = 0,071").

    References
    ----------
    PermenPANRB 14/2017, Lampiran (pengolahan data SKM); KEP/25/M.PAN/2/2004
    (weight "1/14 = 0,071"); SKM report of Disdukcapil Tulang Bawang Barat
    2023 (e-SMILE) and of DPMPTSP Provinsi Sumatera Barat, Semester I (NRR
    x 0,111); SKM application of BPBD Kota Tangerang Selatan (NRR x 0,11).

    Examples
    --------
    >>> IkmWeighting("0.111")
    <IkmWeighting.PRINTED_0_111: '0.111'>
    >>> score([[4] * 9], weights="0.111").converted
    Decimal('99.9')
    """

    EXACT = "exact"
    PRINTED_0_111 = "0.111"
    PRINTED_0_11 = "0.11"


_PRINTED_WEIGHTS = {
    IkmWeighting.PRINTED_0_111: Fraction(111, 1000),
    IkmWeighting.PRINTED_0_11: Fraction(11, 100),
}


def _weighting(value: IkmWeighting | str) -> IkmWeighting:
    return to_enum(value, IkmWeighting, field="weights")


def _unsur_weight(weights: IkmWeighting, count: int) -> Fraction:
    """The weight of one NRR among ``count`` unsur; the printed ones need 9 unsur."""
    if weights is IkmWeighting.EXACT:
        return Fraction(1, count)
    if count != UNSUR_COUNT:
        raise InvalidValueError(
            "weights",
            f"{weights.value} is the printed weight of {UNSUR_COUNT} unsur, not of {count}",
            weights.value,
        )
    return _PRINTED_WEIGHTS[weights]


@attrs.frozen
class IkmResult(RoundedValue):
    """An IKM with the figures an SKM report prints.

    Frozen and hashable; every sequence is a tuple.

    Attributes
    ----------
    value : Decimal
        The index on the 1-4 interval scale (*nilai indeks*), exact:
        ``sum(NRR) / number of unsur``.
    converted : Decimal
        ``value x 25`` (*nilai konversi*, 25-100).
    category : Band
        The band of ``converted`` in ``scheme``: ``category.grade`` is the
        service quality grade A-D (*mutu pelayanan*), ``category.label``
        the performance label (*kinerja unit pelayanan*); :attr:`mutu` and
        :attr:`kinerja` are shorthands for them.
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
        Per unsur: ``NRR / number of unsur`` (*NRR tertimbang*), or ``NRR x
        0,111`` / ``NRR x 0,11`` under a printed weighting.
    scheme : BandScheme
        The mutu table used.
    weights : IkmWeighting
        The weighting of the NRR (:class:`IkmWeighting`; ``EXACT``, 1/9, by
        default): ``value`` is the sum of ``weighted_nrr``.
    """

    value: Decimal
    converted: Decimal
    category: Band
    respondents: int
    unsur_totals: tuple[Decimal, ...]
    unsur_answers: tuple[int, ...]
    nrr: tuple[Decimal, ...]
    weighted_nrr: tuple[Decimal, ...]
    scheme: BandScheme
    weights: IkmWeighting = IkmWeighting.EXACT

    @property
    def mutu(self) -> str:
        """The mutu pelayanan: ``category.grade`` (A-D), or its label where the band has no grade.

        Examples
        --------
        >>> score([[4] * 9]).mutu
        'A'
        """
        return self.category.grade if self.category.grade is not None else self.category.label

    @property
    def kinerja(self) -> str:
        """The kinerja unit pelayanan: ``category.label``.

        Examples
        --------
        >>> score([[4] * 9]).kinerja
        'Sangat Baik'
        """
        return self.category.label


def _exact(value: Fraction) -> Decimal:
    return divide(value.numerator, value.denominator)


def _build(
    respondents: int,
    totals: Sequence[Decimal],
    answers: Sequence[int],
    scheme: BandScheme,
    weights: IkmWeighting = IkmWeighting.EXACT,
) -> IkmResult:
    """Every result is made here, from per-unsur totals and answer counts."""
    count = len(totals)
    weight = _unsur_weight(weights, count)
    nrr_exact = [Fraction(total) / n for total, n in zip(totals, answers, strict=True)]
    index = sum(nrr_exact, Fraction(0)) * weight
    converted = _exact(index * CONVERSION_FACTOR)
    return IkmResult(
        value=_exact(index),
        converted=converted,
        category=scheme.classify(converted),
        respondents=respondents,
        unsur_totals=tuple(totals),
        unsur_answers=tuple(answers),
        nrr=tuple(_exact(v) for v in nrr_exact),
        weighted_nrr=tuple(_exact(v * weight) for v in nrr_exact),
        scheme=scheme,
        weights=weights,
    )


def classify(index: NumberLike, *, scheme: BandScheme = IKM_MUTU_CONVERTED) -> Band:
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
    responses: ArrayLike | ScoreMatrix,
    *,
    unsur: int | None = UNSUR_COUNT,
    scheme: BandScheme = IKM_MUTU_CONVERTED,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    weights: IkmWeighting | str = IkmWeighting.EXACT,
) -> IkmResult:
    """Compute the IKM of one survey from its answers.

    Parameters
    ----------
    responses : array_like or ScoreMatrix
        Respondents x unsur matrix of 1-4 answers: nested lists (``None`` =
        missing), a 2-D numpy array (an ``int8`` array is not copied; see
        :func:`sakip.likert.validated_scores` for masks, sentinels, NaN), or
        a :class:`~sakip.likert.ScoreMatrix` on the 1-4 scale.
    unsur : int or None, default 9
        Required number of columns; ``None`` accepts any (the weight is then
        1 / columns).
    scheme : BandScheme, default IKM_MUTU_CONVERTED
        As in :func:`classify`.
    missing : MissingPolicy or its value, default MissingPolicy.RAISE
        A missing answer raises, or (``EXCLUDE``) is left out of its unsur's
        total and count; never counted as 0.
    missing_mask, sentinel : array_like of bool and int, optional
        Missing answers marked by a mask or a value outside the scale, in a
        list as in an array (:func:`sakip.likert.validated_scores`).
    weights : IkmWeighting or its value, default IkmWeighting.EXACT
        The weight of each NRR: exactly 1/9 (the regulation, the default),
        or a legacy printed decimal (``"0.111"``, ``"0.11"``, 9 unsur only)
        to reproduce a published SKM report (:class:`IkmWeighting`).

    Returns
    -------
    IkmResult
        The survey's index, its conversion and mutu, and the per-unsur figures.

    Raises
    ------
    InvalidValueError
        Wrong number of unsur; an answer outside 1-4; empty or ragged input;
        a missing answer under ``RAISE``; an unsur nobody answered;
        ``weights`` that is none of the values, or a printed weight with
        other than 9 unsur.
    InvalidTypeError
        A non-integer answer; ``unsur`` that is not a whole number (or None).
    OutOfBandError
        A converted value below 25 under a printed weighting (every NRR
        close to 1): the mutu table has no band for it.

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
    >>> result.value, result.converted, result.category
    (Decimal('4'), Decimal('100'), Band('Sangat Baik', [88.31, 100]))
    >>> result.category.grade, result.mutu, result.kinerja
    ('A', 'A', 'Sangat Baik')

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

    The same survey as a report that multiplies each NRR by a printed 0,11
    (:class:`IkmWeighting`): 3,5 x 0,99.

    >>> score([[4, 3, 3, 4, 3, 4, 4, 3, 4],
    ...        [3, 3, 4, 4, 3, 4, 4, 3, 3],
    ...        [4, 3, 3, 4, 4, 4, 3, 3, 4],
    ...        [4, 2, 3, 4, 3, 4, 4, 3, 4]], weights="0.11").value
    Decimal('3.465')
    """
    scheme = as_scheme(scheme)
    chosen = _weighting(weights)
    matrix = _matrix(responses, unsur, missing, missing_mask, sentinel)
    totals = [Decimal(int(t)) for t in matrix.col_sums]
    answers = [int(n) for n in matrix.col_counts]
    return _build(matrix.n_respondents, totals, answers, scheme, chosen)


def _matrix(
    responses: ArrayLike | ScoreMatrix,
    unsur: int | None,
    missing: MissingPolicy,
    missing_mask: npt.ArrayLike | None,
    sentinel: int | None,
) -> ScoreMatrix:
    """The validated 1-4 matrix, with ``unsur`` columns when a number is required."""
    required = None if unsur is None else to_positive_int(unsur, field="unsur")
    matrix = score_matrix(
        responses,
        scale=LIKERT_1_4,
        missing=missing,
        missing_mask=missing_mask,
        sentinel=sentinel,
        field="responses",
    )
    if required is not None and matrix.n_items != required:
        raise InvalidValueError(
            "responses", f"must have {required} unsur (columns)", matrix.n_items
        )
    return matrix


def score_batch(
    responses: ArrayLike | ScoreMatrix,
    *,
    policy: RoundingPolicy,
    unsur: int | None = UNSUR_COUNT,
    scheme: BandScheme = IKM_MUTU_CONVERTED,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    weights: IkmWeighting | str = IkmWeighting.EXACT,
) -> ScoreBatch:
    """Every respondent's own index (1-4) and mutu band at once.

    The survey's IKM (the figure the LKIP prints) is :func:`score`; this is
    the per-respondent view of a large survey (who rated the service low),
    computed in integer arithmetic on the validated matrix.

    Parameters
    ----------
    responses : array_like or ScoreMatrix
        As in :func:`score` (an ``int8`` matrix is not copied).
    policy : RoundingPolicy
        How each respondent's index is rounded.
    unsur, scheme, missing, missing_mask, sentinel, weights
        As in :func:`score`. Under a printed weighting a respondent's index
        is the mean of the answers given times ``9 x weight`` (0,999 or
        0,99), i.e. the 9 answers each times the printed weight when none
        is missing.

    Returns
    -------
    ScoreBatch
        One row per respondent: ``scaled`` is the mean of the respondent's
        answers rounded under ``policy`` (times ``10**policy.places``),
        ``positions`` the band of the exact mean x 25 in ``scheme`` (the
        mutu of :data:`~sakip.schemes.IKM_MUTU_CONVERTED` by default).

    Raises
    ------
    InvalidValueError, InvalidTypeError, OutOfBandError
        As :func:`score`; a ``policy`` that is not a
        :class:`~sakip.numbers.RoundingPolicy`.

    Notes
    -----
    Row ``i`` agrees exactly with the survey of that respondent alone:
    ``decimals()[i] == score([responses[i]]).rounded(policy)`` and
    ``categories()[i] == score([responses[i]]).category`` (for a
    respondent with missing answers excluded, ``score`` of the answers
    given with ``unsur=None``).

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> half_up = RoundingPolicy(2, Rounding.HALF_UP)
    >>> batch = score_batch([[4, 3, 3, 4, 3, 4, 4, 3, 4], [2] * 9], policy=half_up)
    >>> batch.decimals(), [band.grade for band in batch.categories()]
    ([Decimal('3.56'), Decimal('2.00')], ['A', 'D'])
    >>> one = score([[4, 3, 3, 4, 3, 4, 4, 3, 4]])
    >>> one.rounded(half_up), one.mutu
    (Decimal('3.56'), 'A')
    >>> score_batch([[4] * 9], policy=half_up, weights="0.11").decimals()
    [Decimal('3.96')]
    """
    chosen = _weighting(weights)
    matrix = _matrix(responses, unsur, missing, missing_mask, sentinel)
    if chosen is IkmWeighting.EXACT:
        return matrix.row_scores(policy, scheme, factor=CONVERSION_FACTOR)
    return _printed_row_scores(matrix, policy, as_scheme(scheme), chosen)


def _printed_row_scores(
    matrix: ScoreMatrix, policy: RoundingPolicy, scheme: BandScheme, weights: IkmWeighting
) -> ScoreBatch:
    """Each respondent's mean x 9 x the printed weight, exactly, in integers."""
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    factor = _unsur_weight(weights, matrix.n_items) * matrix.n_items
    sums = matrix.row_sums.astype(np.int64) * factor.numerator
    counts = matrix.row_counts.astype(np.int64) * factor.denominator
    scaled = divide_round(sums, counts, policy.places, policy.rounding)
    positions = scheme.classify_ratio_array(sums * CONVERSION_FACTOR, counts)
    for fresh in (scaled, positions):
        fresh.setflags(write=False)
    return ScoreBatch(scaled=scaled, policy=policy, positions=positions, scheme=scheme)


def from_totals(
    *,
    respondents: int,
    unsur_totals: Sequence[NumberLike],
    unsur_answers: Sequence[int] | None = None,
    scheme: BandScheme = IKM_MUTU_CONVERTED,
    weights: IkmWeighting | str = IkmWeighting.EXACT,
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
    weights : IkmWeighting or its value, default IkmWeighting.EXACT
        As in :func:`score`.

    Returns
    -------
    IkmResult
        As from :func:`score`, with the totals and answer counts given.

    Raises
    ------
    InvalidValueError
        No unsur; ``respondents`` or an answer count ``<= 0``; more answers
        than respondents; a total outside ``[answers, 4 x answers]`` (an
        NRR outside 1-4); lengths that differ.
    InvalidTypeError
        Counts that are not whole numbers (a bool included; ``"22"`` is 22,
        as for every count, :func:`sakip.coerce.to_positive_int`);
        ``unsur_totals`` or ``unsur_answers`` that is not a sequence (a str
        is refused, not iterated: :func:`sakip.coerce.to_sequence`).

    Examples
    --------
    >>> r = from_totals(respondents=10, unsur_totals=[35, 36, 34, 38, 33, 37, 36, 35, 31])
    >>> r.nrr[:2], r.value
    ((Decimal('3.5'), Decimal('3.6')), Decimal('3.5'))
    >>> r.converted, r.mutu, r.kinerja
    (Decimal('87.5'), 'B', 'Baik')
    >>> from_totals(respondents=10, unsur_totals=[35, 36, 34, 38, 33, 37, 36, 35, 31],
    ...             weights="0.111").converted
    Decimal('87.4125')
    """
    scheme = as_scheme(scheme)
    chosen = _weighting(weights)
    n = to_positive_int(respondents, field="respondents")
    totals = [
        to_decimal(t, field="unsur_totals")
        for t in to_sequence(unsur_totals, field="unsur_totals")
    ]
    if not totals:
        raise InvalidValueError("unsur_totals", "must not be empty", unsur_totals)
    if unsur_answers is None:
        answers = [n] * len(totals)
    else:
        answers = [
            to_positive_int(a, field="unsur_answers")
            for a in to_sequence(unsur_answers, field="unsur_answers")
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
    return _build(n, totals, answers, scheme, chosen)


def from_nrr(
    *,
    respondents: int,
    nrr: Sequence[NumberLike],
    scheme: BandScheme = IKM_MUTU_CONVERTED,
    weights: IkmWeighting | str = IkmWeighting.EXACT,
) -> IkmResult:
    """Build an IKM from a period's respondents and NRR per unsur.

    The totals are taken as ``NRR x respondents``; when the NRR were printed
    rounded, so is everything computed from them.

    Parameters
    ----------
    respondents : int
        As in :func:`from_totals`.
    nrr : sequence of int, str or Decimal
        NRR per unsur, each within 1-4.
    scheme, weights
        As in :func:`from_totals`.

    Returns
    -------
    IkmResult
        As from :func:`from_totals`, with the totals ``NRR x respondents``.

    Raises
    ------
    InvalidValueError
        An NRR outside 1-4, no unsur, ``respondents <= 0``.
    InvalidTypeError
        ``nrr`` that is not a sequence (a str is refused); ``respondents``
        that is not a whole number (``"22"`` is 22, as for every count).

    Examples
    --------
    >>> from_nrr(respondents=20, nrr=["3.70", "3.80", "3.00"]).value
    Decimal('3.5')

    The printed NRR of the Bantul 2023 survey (see :func:`detect_weighting`),
    exactly 1/9 and as a report weighting by 0,111:

    >>> bantul = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]
    >>> from sakip.numbers import Rounding, round_to
    >>> round_to(from_nrr(respondents=1, nrr=bantul).converted, 2, Rounding.HALF_UP)
    Decimal('87.28')
    >>> from_nrr(respondents=1, nrr=bantul, weights="0.111").converted
    Decimal('87.1905')
    """
    chosen = _weighting(weights)
    n = to_positive_int(respondents, field="respondents")
    values = [to_decimal(v, field="nrr") for v in to_sequence(nrr, field="nrr")]
    for position, value in enumerate(values):
        if not _LOW <= value <= _HIGH:
            raise InvalidValueError("nrr", f"must lie within 1-4 at unsur {position}", value)
    totals = [UNBOUNDED.multiply(value, Decimal(n)) for value in values]
    return from_totals(respondents=n, unsur_totals=totals, scheme=scheme, weights=chosen)


def detect_weighting(
    *,
    nrr: Sequence[NumberLike],
    policy: RoundingPolicy,
    printed_index: NumberLike | None = None,
    printed_converted: NumberLike | None = None,
) -> IkmWeighting | None:
    """Which weighting of the NRR gives a printed IKM: the audit of a published SKM report.

    Parameters
    ----------
    nrr : sequence of int, str or Decimal
        The NRR per unsur as the report prints them, each within 1-4.
    policy : RoundingPolicy
        How the report rounds its total; a printed figure with fewer places
        than the policy agrees when it is the value rounded to its own
        places (:meth:`~sakip.numbers.RoundingPolicy.agrees`).
    printed_index : int, str or Decimal, optional
        The printed index (1-4, *nilai indeks*).
    printed_converted : int, str or Decimal, optional
        The printed converted value (25-100, *nilai konversi*, the "Nilai
        IKM"). Exactly one of the two is given.

    Returns
    -------
    IkmWeighting or None
        The first weighting, in the order ``EXACT`` (1/9), ``PRINTED_0_111``,
        ``PRINTED_0_11``, whose total rounded under ``policy`` is the printed
        figure (the regulation's weight is preferred when it reproduces the
        figure too); ``None`` when none does: the total does not follow from
        the printed NRR under any known weighting. The printed weightings
        are tried with 9 unsur only.

    Raises
    ------
    InvalidValueError
        Both or neither printed figure; an NRR outside 1-4; no NRR.
    InvalidTypeError
        ``nrr`` that is not a sequence (a str is refused); a ``policy`` that
        is not a :class:`~sakip.numbers.RoundingPolicy`.

    Notes
    -----
    ``index = sum(NRR) x weight`` with ``weight`` 1/9, 0,111 or 0,11, and
    ``converted = index x 25``, both exact before the comparison. The NRR
    are taken as printed (often rounded), as the report itself used them.

    References
    ----------
    Fixtures of the tests: SKM Dinas Pertanahan dan Tata Ruang Kabupaten
    Bantul 2023 (skm.bantulkab.go.id: NRR 3,31 ... 3,35, Nilai IKM 87,28,
    reproduced only by 1/9); DPMPTSP Provinsi Sumatera Barat, IKM Semester
    I, section 4.1 (per-unsur NRR x 0,111, printed IKM 81,71 reproduced by
    none). See :class:`IkmWeighting` for the weights' sources.

    Examples
    --------
    The Bantul 2023 survey, "Nilai IKM" printed 87,28 (2 places, half up):

    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> half_up = RoundingPolicy(2, Rounding.HALF_UP)
    >>> bantul = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]
    >>> detect_weighting(nrr=bantul, printed_converted="87.28", policy=half_up)
    <IkmWeighting.EXACT: 'exact'>

    A report whose total was computed with 0,11, and one that follows from
    no weighting:

    >>> detect_weighting(nrr=bantul, printed_converted="86.41", policy=half_up)
    <IkmWeighting.PRINTED_0_11: '0.11'>
    >>> detect_weighting(nrr=bantul, printed_converted="86.00", policy=half_up) is None
    True
    """
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    if (printed_index is None) == (printed_converted is None):
        raise InvalidValueError(
            "printed_index",
            "must be given, or printed_converted, exactly one of the two",
            printed_index,
        )
    values = [to_decimal(v, field="nrr") for v in to_sequence(nrr, field="nrr")]
    if not values:
        raise InvalidValueError("nrr", "must not be empty", nrr)
    for position, value in enumerate(values):
        if not _LOW <= value <= _HIGH:
            raise InvalidValueError("nrr", f"must lie within 1-4 at unsur {position}", value)
    if printed_index is not None:
        printed, factor = to_decimal(printed_index, field="printed_index"), 1
    else:
        assert printed_converted is not None
        printed = to_decimal(printed_converted, field="printed_converted")
        factor = CONVERSION_FACTOR
    total = sum((Fraction(v) for v in values), Fraction(0))
    candidates = [IkmWeighting.EXACT]
    if len(values) == UNSUR_COUNT:
        candidates += list(_PRINTED_WEIGHTS)
    for weights in candidates:
        figure = total * _unsur_weight(weights, len(values)) * factor
        if policy.agrees(_exact(figure), printed=printed):
            return weights
    return None


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
        from them with the parts' weighting (:class:`IkmWeighting`).

    Raises
    ------
    InvalidValueError
        No part, parts with different numbers of unsur or different
        weightings.
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
    items = to_sequence(parts, field="parts")
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
    weights = items[0].weights
    for part in items:
        if part.weights is not weights:
            raise InvalidValueError(
                "parts", f"must all have the weighting {weights.value!r}", part.weights.value
            )
    return _build(respondents, totals, answers, as_scheme(chosen), weights)


def pool_indices(*, respondents: Sequence[int], indices: Sequence[NumberLike]) -> Decimal:
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
        Arguments that are not sequences (a str is refused); counts that
        are not whole numbers.

    Notes
    -----
    Equal to :func:`pool` when no answer is missing, since then each IKM
    is the unit's total score over ``9 x respondents``.

    Examples
    --------
    >>> pool_indices(respondents=[10, 30], indices=[4, 3])
    Decimal('3.25')
    """
    counts = [
        to_positive_int(n, field="respondents")
        for n in to_sequence(respondents, field="respondents")
    ]
    values = [to_decimal(v, field="indices") for v in to_sequence(indices, field="indices")]
    if not counts or len(counts) != len(values):
        raise InvalidValueError(
            "indices", f"must be as many as respondents ({len(counts)}), and some", len(values)
        )
    for value in values:
        if not _LOW <= value <= _HIGH:
            raise InvalidValueError("indices", "must lie within 1-4", value)
    weighted = sum((Fraction(v) * n for v, n in zip(values, counts, strict=True)), Fraction(0))
    return _exact(weighted / sum(counts))
