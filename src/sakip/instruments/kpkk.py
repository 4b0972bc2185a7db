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

:func:`score` returns exact Decimals and labels for each respondent;
:func:`score_batch` returns numpy arrays for large surveys and agrees with
:func:`score` exactly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import BandScheme, as_scheme
from sakip.errors import InvalidValueError
from sakip.likert import LIKERT_1_4, LikertScale, MissingPolicy, ScoreMatrix, score_matrix
from sakip.numbers import Rounding
from sakip.schemes import KPKK_LIKERT_4

__all__ = ["KpkkBatchResult", "KpkkResult", "score", "score_batch"]


@attrs.frozen
class KpkkResult:
    """The figures of a KPKK questionnaire, as the LKIP prints them.

    Attributes
    ----------
    value : Decimal
        Overall mean: grand total / number of answers (exact, unrounded).
    category : str
        Category of ``value`` in ``scheme``.
    grand_total : int
        Sum of every answer (the report's *Jumlah* of the *Total* column).
    answers : int
        Number of answers (respondents x aspects when none is missing).
    respondent_totals, respondent_answers : tuple of int
        Per respondent (*responden*): total and number of answers.
    respondent_means : tuple of Decimal
        Per respondent: total / answers (*rata-rata*), exact.
    respondent_categories : tuple of str
        Per respondent: the category (*kategori*) of the exact mean.
    aspect_sums, aspect_answers : tuple of int
        Per aspect (*aspek*): sum (*jumlah*) and number of answers.
    aspect_means : tuple of Decimal
        Per aspect: sum / answers, exact.
    aspect_categories : tuple of str
        Per aspect: the category of the exact mean.
    category_counts : tuple of (str, int)
        Number of respondents in each category of ``scheme``, low to high,
        zeros included.
    scheme : BandScheme
        The categories used.
    """

    value: Decimal
    category: str
    grand_total: int
    answers: int
    respondent_totals: tuple[int, ...]
    respondent_answers: tuple[int, ...]
    respondent_means: tuple[Decimal, ...]
    respondent_categories: tuple[str, ...]
    aspect_sums: tuple[int, ...]
    aspect_answers: tuple[int, ...]
    aspect_means: tuple[Decimal, ...]
    aspect_categories: tuple[str, ...]
    category_counts: tuple[tuple[str, int], ...]
    scheme: BandScheme

    def respondents_in(self, label: str) -> int:
        """Number of respondents whose mean falls in the category ``label``.

        Raises
        ------
        InvalidValueError
            A label that is not in the scheme.

        Examples
        --------
        >>> score([[3, 3], [3, 2], [3, 3]]).respondents_in("Baik")  # means 3, 2,5 and 3
        2
        """
        return _count_of(self.category_counts, label, self.scheme)


def _count_of(counts: tuple[tuple[str, int], ...], label: str, scheme: BandScheme) -> int:
    for name, count in counts:
        if name == label:
            return count
    raise InvalidValueError("label", f"must be one of {list(scheme.labels)}", label)


def _matrix(
    scores: object,
    scale: LikertScale,
    missing: MissingPolicy,
    missing_mask: npt.ArrayLike | None,
    sentinel: int | None,
) -> ScoreMatrix:
    return score_matrix(
        scores,
        scale=scale,
        missing=missing,
        missing_mask=missing_mask,
        sentinel=sentinel,
        field="scores",
    )


def score(
    scores: object,
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
    scores : array_like
        Respondents x aspects matrix of integer scores: nested lists
        (``None`` = missing answer) or a 2-D numpy array (see
        :func:`sakip.likert.validated_scores` for NaN, masks and sentinels).
    scheme : BandScheme, default KPKK_LIKERT_4
        Categories of the means (Buruk / Cukup / Baik / Sangat Baik).
    scale : LikertScale, default LIKERT_1_4
        The allowed scores.
    missing : MissingPolicy, default MissingPolicy.RAISE
        A missing answer raises, or (``EXCLUDE``) is left out of its
        respondent's and its aspect's sum and count. It is never a 0.
    missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside the scale marking a missing answer in an array.

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
    >>> result.value, result.category
    (Decimal('2.75'), 'Baik')
    >>> result.respondent_totals, result.respondent_means, result.respondent_categories
    ((12, 10), (Decimal('3'), Decimal('2.5')), ('Baik', 'Cukup'))
    >>> result.aspect_means
    (Decimal('4'), Decimal('2.5'), Decimal('2'), Decimal('2.5'))
    >>> result.aspect_categories
    ('Sangat Baik', 'Cukup', 'Cukup', 'Cukup')
    >>> result.respondents_in("Baik"), result.respondents_in("Cukup")
    (1, 1)
    """
    scheme = as_scheme(scheme)
    matrix = _matrix(scores, scale, missing, missing_mask, sentinel)
    value = matrix.mean()
    respondent_means = matrix.row_means()
    respondent_categories = tuple(scheme.classify(mean).label for mean in respondent_means)
    aspect_means = matrix.col_means()
    counts = tuple((label, respondent_categories.count(label)) for label in scheme.labels)
    return KpkkResult(
        value=value,
        category=scheme.classify(value).label,
        grand_total=matrix.total,
        answers=matrix.count,
        respondent_totals=tuple(int(x) for x in matrix.row_sums),
        respondent_answers=tuple(int(x) for x in matrix.row_counts),
        respondent_means=respondent_means,
        respondent_categories=respondent_categories,
        aspect_sums=tuple(int(x) for x in matrix.col_sums),
        aspect_answers=tuple(int(x) for x in matrix.col_counts),
        aspect_means=aspect_means,
        aspect_categories=tuple(scheme.classify(mean).label for mean in aspect_means),
        category_counts=counts,
        scheme=scheme,
    )


@attrs.frozen(eq=False)
class KpkkBatchResult:
    """KPKK figures as numpy arrays, for surveys too large for per-respondent Decimals.

    Attributes
    ----------
    value : Decimal
        Overall mean, exact (as :attr:`KpkkResult.value`).
    category : str
        Category of ``value``.
    grand_total, answers : int
        Sum and number of every answer.
    respondent_totals, respondent_answers : numpy.ndarray of int
        Per respondent.
    respondent_categories : numpy.ndarray of int
        Band positions (0 = lowest) of each respondent's exact mean;
        ``labels()`` turns them into labels.
    aspect_sums, aspect_answers : numpy.ndarray of int64
        Per aspect.
    aspect_categories : numpy.ndarray of intp
        Band positions of each aspect's exact mean.
    category_counts : numpy.ndarray of int64
        Respondents per band, low to high.
    scheme : BandScheme
        The categories used.
    matrix : ScoreMatrix
        The validated matrix.
    """

    value: Decimal
    category: str
    grand_total: int
    answers: int
    respondent_totals: npt.NDArray[np.integer[Any]]
    respondent_answers: npt.NDArray[np.integer[Any]]
    respondent_categories: npt.NDArray[np.integer[Any]]
    aspect_sums: npt.NDArray[np.int64]
    aspect_answers: npt.NDArray[np.int64]
    aspect_categories: npt.NDArray[np.integer[Any]]
    category_counts: npt.NDArray[np.int64]
    scheme: BandScheme
    matrix: ScoreMatrix

    def respondent_means_scaled(self, places: int, rounding: Rounding) -> npt.NDArray[np.int64]:
        """Respondent means rounded to ``places``, as integers scaled by ``10**places``.

        Examples
        --------
        >>> score_batch([[4, 3, 3], [2, 1, 1]]).respondent_means_scaled(2, Rounding.TRUNCATE)
        array([333, 133])
        """
        return self.matrix.row_means_scaled(places, rounding)

    def aspect_means_scaled(self, places: int, rounding: Rounding) -> npt.NDArray[np.int64]:
        """Aspect means rounded to ``places``, as integers scaled by ``10**places``.

        Examples
        --------
        >>> score_batch([[4, 3, 3], [2, 1, 2]]).aspect_means_scaled(1, Rounding.HALF_UP)
        array([30, 20, 25])
        """
        return self.matrix.col_means_scaled(places, rounding)

    def labels(self, positions: npt.ArrayLike) -> npt.NDArray[np.str_]:
        """The scheme's labels for an array of band positions.

        Examples
        --------
        >>> batch = score_batch([[4, 4], [1, 2]])
        >>> batch.labels(batch.respondent_categories).tolist()
        ['Sangat Baik', 'Buruk']
        """
        labels: npt.NDArray[np.str_] = np.asarray(self.scheme.labels)[np.asarray(positions)]
        return labels


def score_batch(
    scores: object,
    *,
    scheme: BandScheme = KPKK_LIKERT_4,
    scale: LikertScale = LIKERT_1_4,
    missing: MissingPolicy = MissingPolicy.RAISE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> KpkkBatchResult:
    """Score a KPKK questionnaire into numpy arrays (the batch twin of :func:`score`).

    Parameters
    ----------
    scores, scheme, scale, missing, missing_mask, sentinel
        As in :func:`score`. An ``int8`` matrix is not copied.

    Returns
    -------
    KpkkBatchResult

    Raises
    ------
    InvalidValueError, InvalidTypeError, OutOfBandError
        As :func:`score`.

    Notes
    -----
    Categories are decided on exact rational means in integer arithmetic
    (:meth:`sakip.likert.ScoreMatrix.row_positions`), so for every
    respondent ``labels(respondent_categories)[i]`` equals
    ``score(...).respondent_categories[i]`` and
    ``respondent_means_scaled(p, r)[i]`` equals
    ``round_to(score(...).respondent_means[i], p, r) * 10**p``.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 4.

    Examples
    --------
    >>> import numpy as np
    >>> from sakip.numbers import round_to
    >>> batch = score_batch(np.array([[4, 3, 2], [4, 2, 2]], dtype=np.int8))
    >>> round_to(batch.value, 2, Rounding.HALF_UP)
    Decimal('2.83')
    >>> batch.labels(batch.respondent_categories).tolist(), batch.category_counts.tolist()
    (['Baik', 'Baik'], [0, 0, 2, 0])
    >>> batch.respondent_means_scaled(2, Rounding.HALF_UP).tolist()
    [300, 267]
    """
    scheme = as_scheme(scheme)
    matrix = _matrix(scores, scale, missing, missing_mask, sentinel)
    value = matrix.mean()
    positions = matrix.row_positions(scheme)
    counts = np.bincount(positions, minlength=len(scheme.bands))
    return KpkkBatchResult(
        value=value,
        category=scheme.classify(value).label,
        grand_total=matrix.total,
        answers=matrix.count,
        respondent_totals=matrix.row_sums,
        respondent_answers=matrix.row_counts,
        respondent_categories=positions,
        aspect_sums=matrix.col_sums,
        aspect_answers=matrix.col_counts,
        aspect_categories=matrix.col_positions(scheme),
        category_counts=counts.astype(np.int64, copy=False),
        scheme=scheme,
        matrix=matrix,
    )
