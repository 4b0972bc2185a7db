"""KPKK: Kuesioner Program dan Kegiatan Kewirausahaan (entrepreneurship programme questionnaire).

BNN's alternative-development programme (*pemberdayaan alternatif*) asks the
residents of a drug-prone area who received an entrepreneurship programme to
rate it on a number of aspects (*aspek*), each on a 1-4 Likert scale. The
questionnaire gives, per respondent, a total, a mean and a category; per
aspect, a sum, a mean and a category; and an overall mean with its category
and the number of respondents in each category.

The overall mean is the grand total over the number of answers
(``384 / 150 = 2,56`` in the LKIP 2024), not the mean of the respondents'
means (the two differ only when answers are missing and excluded).

:func:`score` returns the exact figures of one questionnaire (the overall
mean and every respondent's and aspect's figures); :func:`score_batch`
scores every respondent of a large survey at once into the shared
:class:`~sakip.batch.ScoreBatch`, row ``i`` agreeing exactly with
``score([scores[i]])``. The aspect figures of a large survey come from the
validated :class:`~sakip.likert.ScoreMatrix`, which both functions take.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import numpy.typing as npt

from sakip._result import RoundedValue
from sakip.bands import Band, BandScheme, as_scheme
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike
from sakip.errors import InvalidValueError
from sakip.likert import LIKERT_1_4, LikertScale, MissingPolicy, ScoreMatrix, score_matrix
from sakip.numbers import RoundingPolicy
from sakip.schemes import KPKK_LIKERT_4

__all__ = ["KpkkResult", "score", "score_batch"]


@attrs.frozen
class KpkkResult(RoundedValue):
    """The figures of a KPKK questionnaire, as the LKIP prints them.

    Frozen and hashable; every sequence is a tuple.

    Attributes
    ----------
    value : Decimal
        Overall mean: grand total / number of answers (exact, unrounded).
    category : Band
        Band of ``value`` in ``scheme`` (``category.label`` is the
        *kategori*).
    grand_total : int
        Sum of every answer (the report's *Jumlah* of the *Total* column).
    answers : int
        Number of answers (respondents x aspects when none is missing).
    respondent_totals, respondent_answers : tuple of int
        Per respondent (*responden*): total and number of answers.
    respondent_means : tuple of Decimal
        Per respondent: total / answers (*rata-rata*), exact.
    respondent_categories : tuple of Band
        Per respondent: the band (*kategori*) of the exact mean.
    aspect_sums, aspect_answers : tuple of int
        Per aspect (*aspek*): sum (*jumlah*) and number of answers.
    aspect_means : tuple of Decimal
        Per aspect: sum / answers, exact.
    aspect_categories : tuple of Band
        Per aspect: the band of the exact mean.
    category_counts : tuple of (Band, int)
        Number of respondents in each band of ``scheme``, low to high,
        zeros included.
    scheme : BandScheme
        The categories used.
    """

    value: Decimal
    category: Band
    grand_total: int
    answers: int
    respondent_totals: tuple[int, ...]
    respondent_answers: tuple[int, ...]
    respondent_means: tuple[Decimal, ...]
    respondent_categories: tuple[Band, ...]
    aspect_sums: tuple[int, ...]
    aspect_answers: tuple[int, ...]
    aspect_means: tuple[Decimal, ...]
    aspect_categories: tuple[Band, ...]
    category_counts: tuple[tuple[Band, int], ...]
    scheme: BandScheme

    def respondents_in(self, category: Band | str) -> int:
        """Number of respondents whose mean falls in ``category`` (a band or its label).

        Raises
        ------
        InvalidValueError
            A band or a label that is not in the scheme.

        Examples
        --------
        >>> score([[3, 3], [3, 2], [3, 3]]).respondents_in("Baik")  # means 3, 2,5 and 3
        2
        """
        for band, count in self.category_counts:
            if category == band or category == band.label:
                return count
        raise InvalidValueError("category", f"must be one of {list(self.scheme.labels)}", category)


def score(
    scores: ArrayLike | ScoreMatrix,
    *,
    scheme: BandScheme = KPKK_LIKERT_4,
    scale: LikertScale = LIKERT_1_4,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> KpkkResult:
    """Score a KPKK questionnaire: per respondent, per aspect and overall.

    Parameters
    ----------
    scores : array_like or ScoreMatrix
        Respondents x aspects matrix of integer scores: nested lists
        (``None`` = missing answer), a 2-D numpy array (see
        :func:`sakip.likert.validated_scores` for NaN, masks and
        sentinels), or a :class:`~sakip.likert.ScoreMatrix` already
        validated.
    scheme : BandScheme, default KPKK_LIKERT_4
        Categories of the means (Buruk / Cukup / Baik / Sangat Baik).
    scale : LikertScale, default LIKERT_1_4
        The allowed scores.
    missing : MissingPolicy or its value, default MissingPolicy.RAISE
        A missing answer raises, or (``EXCLUDE``) is left out of its
        respondent's and its aspect's sum and count. It is never a 0.
    missing_mask, sentinel : array_like of bool and int, optional
        Missing answers marked by a mask or a value outside the scale, in a
        list as in an array (:func:`sakip.likert.validated_scores`).

    Returns
    -------
    KpkkResult

    Raises
    ------
    InvalidValueError
        A score outside the scale, an empty or ragged matrix, a missing
        answer under ``RAISE``, a respondent or aspect without any answer.
    InvalidTypeError
        A non-integer score.
    OutOfBandError
        A mean outside ``scheme``.

    Notes
    -----
    ``mean_i = total_i / answers_i`` per respondent, ``mean_j = sum_j /
    answers_j`` per aspect, ``value = grand_total / answers``; every mean is
    exact and categorised on its exact value (the report prints means
    rounded half up to 2 places: 31 / 15 = 2,0667 prints 2,07).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 4 (hasil
    perhitungan kuesioner penilaian program dan kegiatan kewirausahaan).

    Examples
    --------
    >>> result = score([[4, 3, 2, 3], [4, 2, 2, 2]])
    >>> result.value, result.category.label
    (Decimal('2.75'), 'Baik')
    >>> result.respondent_totals, result.respondent_means
    ((12, 10), (Decimal('3'), Decimal('2.5')))
    >>> [band.label for band in result.respondent_categories]
    ['Baik', 'Cukup']
    >>> result.aspect_means
    (Decimal('4'), Decimal('2.5'), Decimal('2'), Decimal('2.5'))
    >>> [band.label for band in result.aspect_categories]
    ['Sangat Baik', 'Cukup', 'Cukup', 'Cukup']
    >>> result.respondents_in("Baik"), result.respondents_in("Cukup")
    (1, 1)
    """
    scheme = as_scheme(scheme)
    matrix = score_matrix(
        scores, scale=scale, missing=missing, missing_mask=missing_mask, sentinel=sentinel
    )
    value = matrix.mean()
    respondent_means = matrix.row_means()
    respondent_categories = tuple(scheme.classify(mean) for mean in respondent_means)
    aspect_means = matrix.col_means()
    counts = tuple((band, respondent_categories.count(band)) for band in scheme.bands)
    return KpkkResult(
        value=value,
        category=scheme.classify(value),
        grand_total=matrix.total,
        answers=matrix.count,
        respondent_totals=tuple(int(x) for x in matrix.row_sums),
        respondent_answers=tuple(int(x) for x in matrix.row_counts),
        respondent_means=respondent_means,
        respondent_categories=respondent_categories,
        aspect_sums=tuple(int(x) for x in matrix.col_sums),
        aspect_answers=tuple(int(x) for x in matrix.col_counts),
        aspect_means=aspect_means,
        aspect_categories=tuple(scheme.classify(mean) for mean in aspect_means),
        category_counts=counts,
        scheme=scheme,
    )


def score_batch(
    scores: ArrayLike | ScoreMatrix,
    *,
    policy: RoundingPolicy,
    scheme: BandScheme = KPKK_LIKERT_4,
    scale: LikertScale = LIKERT_1_4,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> ScoreBatch:
    """Score every respondent of a KPKK survey at once: rounded means and categories.

    Parameters
    ----------
    scores : array_like or ScoreMatrix
        As in :func:`score`. An integer matrix is not copied; a
        :class:`~sakip.likert.ScoreMatrix` is used as it is, so a pipeline
        that also needs the aspect figures
        (:meth:`~sakip.likert.ScoreMatrix.col_means_scaled`,
        :meth:`~sakip.likert.ScoreMatrix.col_positions`) or the overall
        mean (:meth:`~sakip.likert.ScoreMatrix.mean`) validates it once.
    policy : RoundingPolicy
        How each respondent's mean is rounded (the LKIP: 2 places, half up).
    scheme, scale, missing, missing_mask, sentinel
        As in :func:`score`.

    Returns
    -------
    ScoreBatch
        One row per respondent: ``scaled`` is the mean rounded under
        ``policy`` (times ``10**policy.places``), ``positions`` the band of
        the *exact* mean in ``scheme``.

    Raises
    ------
    InvalidValueError, InvalidTypeError, OutOfBandError
        As :func:`score` for the matrix, and as
        :meth:`~sakip.likert.ScoreMatrix.row_scores` (which does the work)
        for ``policy`` and ``scheme``.

    Notes
    -----
    Row ``i`` agrees exactly with the scalar path on that respondent alone:
    ``decimals()[i] == score([scores[i]]).rounded(policy)`` and
    ``categories()[i] == score([scores[i]]).category`` (for a respondent
    with missing answers excluded, ``score`` of the answers given). Means
    are decided on exact rational numbers in integer arithmetic
    (:meth:`sakip.likert.ScoreMatrix.row_positions`).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 4.

    Examples
    --------
    >>> import numpy as np
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> half_up = RoundingPolicy(2, Rounding.HALF_UP)
    >>> batch = score_batch(np.array([[4, 3, 2], [4, 2, 2]], dtype=np.int8), policy=half_up)
    >>> batch.decimals(), batch.labels()
    ([Decimal('3.00'), Decimal('2.67')], ['Baik', 'Baik'])
    >>> score([[4, 2, 2]]).rounded(half_up)
    Decimal('2.67')
    """
    matrix = score_matrix(
        scores, scale=scale, missing=missing, missing_mask=missing_mask, sentinel=sentinel
    )
    return matrix.row_scores(policy, scheme)
