"""WHOQOL-BREF: quality-of-life scoring and the share of clients whose quality of life rose.

The WHOQOL-BREF has 26 items answered 1-5. Items 3, 4 and 26 are phrased
negatively and reversed (``6 - x``); 24 items form four domains (Q1 and Q2,
overall quality of life and health, are read separately):

============== ================================== ============
domain         items                              Indonesian
============== ================================== ============
physical       Q3 Q4 Q10 Q15 Q16 Q17 Q18          Fisik
psychological  Q5 Q6 Q7 Q11 Q19 Q26               Psikologis
social         Q20 Q21 Q22                        Sosial
environment    Q8 Q9 Q12 Q13 Q14 Q23 Q24 Q25      Lingkungan
============== ================================== ============

A domain's raw score is the mean of its items x 4 (4-20); its transformed
score is ``(raw - 4) x 100 / 16`` (0-100). Missing items follow the WHO
rules as a documented, replaceable :class:`MissingRule`.

BNN rehabilitation clients are assessed at the start and at the end of
treatment. The LKIP indicator *persentase penyalahguna dan/atau pecandu
narkoba yang mengalami peningkatan kualitas hidup* is, per domain, the
share of clients whose domain score rose, and overall the mean of the four
domain shares (:func:`score`); units are pooled by adding their counts
(:func:`pool`).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from numbers import Integral
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import divide_round
from sakip.likert import LIKERT_1_5, validated_scores
from sakip.numbers import Rounding, divide

__all__ = [
    "DEFAULT_MISSING_RULE",
    "DOMAIN_ITEMS",
    "ITEM_COUNT",
    "REVERSED_ITEMS",
    "SPSS_SYNTAX_RULE",
    "AssessmentBatch",
    "AssessmentScore",
    "Domain",
    "DomainImprovement",
    "DomainScore",
    "ImprovementResult",
    "MissingRule",
    "from_counts",
    "pool",
    "score",
    "score_assessment",
    "score_assessments",
]

ITEM_COUNT = 26
"""Number of WHOQOL-BREF items."""

REVERSED_ITEMS = (3, 4, 26)
"""Negatively phrased items (1-based), scored ``6 - answer``."""


class Domain(enum.Enum):
    """The four WHOQOL-BREF domains, in the WHO order.

    Examples
    --------
    >>> Domain.SOCIAL.items, Domain.SOCIAL.label
    ((20, 21, 22), 'Sosial')
    """

    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"
    SOCIAL = "social"
    ENVIRONMENT = "environment"

    @property
    def items(self) -> tuple[int, ...]:
        """The domain's items, 1-based question numbers."""
        return DOMAIN_ITEMS[self]

    @property
    def label(self) -> str:
        """The Indonesian name used in LKIP tables."""
        return _LABELS[self]


DOMAIN_ITEMS: dict[Domain, tuple[int, ...]] = {
    Domain.PHYSICAL: (3, 4, 10, 15, 16, 17, 18),
    Domain.PSYCHOLOGICAL: (5, 6, 7, 11, 19, 26),
    Domain.SOCIAL: (20, 21, 22),
    Domain.ENVIRONMENT: (8, 9, 12, 13, 14, 23, 24, 25),
}
"""Items of each domain (1-based), WHOQOL-BREF scoring manual (1996)."""

_LABELS = {
    Domain.PHYSICAL: "Fisik",
    Domain.PSYCHOLOGICAL: "Psikologis",
    Domain.SOCIAL: "Sosial",
    Domain.ENVIRONMENT: "Lingkungan",
}
_DOMAINS = tuple(Domain)
_UNSCORED_ITEMS = tuple(
    item
    for item in range(1, ITEM_COUNT + 1)
    if not any(item in items for items in DOMAIN_ITEMS.values())
)


def _count_field(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidTypeError(field, "must be an int", value)
    return int(value)


@attrs.frozen
class MissingRule:
    """How many missing items a domain and an assessment may have and still be scored.

    A domain with at most its ``max_missing`` items missing is scored on the
    items given (the WHO's "mean of the other items is substituted", which
    gives the same mean); with more it has no score. An assessment with more
    than ``max_missing_total`` of its 26 items missing is void: no domain is
    scored.

    Parameters
    ----------
    physical, psychological, social, environment : int
        Most missing items allowed in each domain (fewer than its items).
    max_missing_total : int
        Most missing items allowed in the whole assessment (of 26).
    name : str, optional
        Where the rule comes from.

    Raises
    ------
    InvalidValueError
        A limit below 0, or as large as the domain (a domain with every item
        missing has no mean), or a total of 26 or more.

    Examples
    --------
    >>> DEFAULT_MISSING_RULE.max_missing(Domain.SOCIAL), DEFAULT_MISSING_RULE.max_missing_total
    (1, 5)
    >>> MissingRule(social=3)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'social' must be from 0 to 2 (the domain has 3 items): 3
    """

    physical: int = 2
    psychological: int = 2
    social: int = 1
    environment: int = 2
    max_missing_total: int = 5
    name: str = ""

    def __attrs_post_init__(self) -> None:
        for domain in _DOMAINS:
            limit = _count_field(getattr(self, domain.value), domain.value)
            size = len(domain.items)
            if not 0 <= limit < size:
                raise InvalidValueError(
                    domain.value,
                    f"must be from 0 to {size - 1} (the domain has {size} items)",
                    limit,
                )
        total = _count_field(self.max_missing_total, "max_missing_total")
        if not 0 <= total < ITEM_COUNT:
            raise InvalidValueError(
                "max_missing_total", f"must be from 0 to {ITEM_COUNT - 1}", total
            )

    def max_missing(self, domain: Domain) -> int:
        """Most missing items allowed in ``domain``.

        Examples
        --------
        >>> SPSS_SYNTAX_RULE.max_missing(Domain.ENVIRONMENT)
        2
        """
        limit: int = getattr(self, domain.value)
        return limit


DEFAULT_MISSING_RULE = MissingRule(
    physical=2,
    psychological=2,
    social=1,
    environment=2,
    max_missing_total=5,
    name=(
        "WHOQOL-BREF manual (1996): up to 2 missing items per domain; an assessment with "
        "more than 20% (over 5.2 of 26) missing is discarded. Social domain: at most 1 "
        "missing, as the WHO SPSS syntax (MEAN.2 of 3 items); the manual's text ('< 1 item "
        "missing') would allow none: use MissingRule(social=0) for that reading."
    ),
)
"""The default missing-item rule: 2 per domain, 1 in the social domain, void above 5 of 26."""

SPSS_SYNTAX_RULE = MissingRule(
    physical=1,
    psychological=1,
    social=1,
    environment=2,
    max_missing_total=4,
    name=(
        "WHOQOL-BREF SPSS syntax, read literally: MEAN.6 of 7 physical items, MEAN.5 of 6 "
        "psychological, MEAN.2 of 3 social, MEAN.6 of 8 environment; SELECT IF (TOTAL>21), "
        "i.e. at least 22 of 26 items answered."
    ),
)
"""The WHO SPSS syntax taken literally (stricter than the manual's text)."""


# -- one assessment (scalar path) ----------------------------------------------------------


@attrs.frozen
class DomainScore:
    """One domain of one assessment.

    Attributes
    ----------
    domain : Domain
    item_sum : int
        Sum of the answered items of the domain, reversed items reversed.
    answered, missing : int
        Items answered and missing in the domain.
    valid : bool
        Whether the domain is scored under the missing-item rule (and the
        assessment is not void).
    raw : Decimal or None
        ``item_sum / answered x 4`` (4-20), exact; None when not valid.
    transformed : Decimal or None
        ``(raw - 4) x 100 / 16`` (0-100), exact; None when not valid.
    """

    domain: Domain
    item_sum: int
    answered: int
    missing: int
    valid: bool
    raw: Decimal | None
    transformed: Decimal | None


@attrs.frozen
class AssessmentScore:
    """The four domain scores of one WHOQOL-BREF assessment.

    Attributes
    ----------
    items : tuple of int or None
        The 26 answers as given (before reversal); None = missing.
    missing : int
        Missing items of the 26.
    void : bool
        More missing items than the rule's ``max_missing_total``: nothing
        is scored.
    physical, psychological, social, environment : DomainScore
    """

    items: tuple[int | None, ...]
    missing: int
    void: bool
    physical: DomainScore
    psychological: DomainScore
    social: DomainScore
    environment: DomainScore

    @property
    def domains(self) -> tuple[DomainScore, ...]:
        """The four domain scores in WHO order."""
        return (self.physical, self.psychological, self.social, self.environment)

    def domain(self, domain: Domain) -> DomainScore:
        """The score of ``domain``.

        Examples
        --------
        >>> score_assessment([4] * 26).domain(Domain.SOCIAL).transformed
        Decimal('75')
        """
        score: DomainScore = getattr(self, domain.value)
        return score


def _check_rule(rule: object) -> MissingRule:
    if not isinstance(rule, MissingRule):
        raise InvalidTypeError("rule", "must be a MissingRule", rule)
    return rule


def _item_matrix(
    data: object, missing_mask: npt.ArrayLike | None, sentinel: int | None, field: str
) -> tuple[npt.NDArray[np.integer[Any]], npt.NDArray[np.bool_] | None]:
    scores, answered = validated_scores(
        data, scale=LIKERT_1_5, missing_mask=missing_mask, sentinel=sentinel, field=field
    )
    if scores.shape[1] != ITEM_COUNT:
        raise InvalidValueError(
            field, f"must have {ITEM_COUNT} items per assessment", scores.shape[1]
        )
    return scores, answered


def score_assessment(
    items: object,
    *,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> AssessmentScore:
    """Score one WHOQOL-BREF assessment.

    Parameters
    ----------
    items : sequence of int or None, or 1-D array
        The answers to Q1..Q26 in order, each 1-5; ``None`` (or NaN, a
        masked cell, a ``sentinel``) is a missing answer.
    rule : MissingRule, default DEFAULT_MISSING_RULE
        How many missing items a domain and the assessment may have.
    missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside 1-5 marking a missing answer.

    Returns
    -------
    AssessmentScore

    Raises
    ------
    InvalidValueError
        Not 26 items; an answer outside 1-5; a ``missing_mask`` that is not
        1-D with 26 flags.
    InvalidTypeError
        A non-integer answer.

    Notes
    -----
    Items 3, 4, 26 are reversed (``6 - x``). For a domain with ``s`` the sum
    of its ``a`` answered items: ``raw = 4 s / a`` (4-20) and
    ``transformed = (raw - 4) x 100 / 16 = 25 (s - a) / a`` (0-100), both
    exact. Substituting the domain mean for a missing item, as the manual
    says, leaves that mean unchanged, so it is not done explicitly. No
    rounding: the manual's conversion table (raw rounded to an integer) is
    a display aid, not used here.

    References
    ----------
    WHO, *WHOQOL-BREF: introduction, administration, scoring and generic
    version of the assessment*, field trial version, December 1996 (scoring
    section and the SPSS syntax for checking data and computing domain
    scores).

    Examples
    --------
    Every item answered 3 (the reversed ones too) gives the middle of each scale:

    >>> result = score_assessment([3] * 26)
    >>> result.physical.raw, result.physical.transformed
    (Decimal('12'), Decimal('50'))

    Q3 answered 1 (no pain) counts as 5; one missing social item is allowed,
    two are not:

    >>> items = [3] * 26
    >>> items[2] = 1
    >>> items[19] = items[20] = None
    >>> result = score_assessment(items)
    >>> result.physical.item_sum, result.social.valid, result.social.raw
    (23, False, None)
    """
    rule = _check_rule(rule)
    if isinstance(items, np.ndarray):
        if items.ndim != 1:
            raise InvalidValueError("items", "must be one assessment (1-D)", f"{items.ndim}-D")
        data: object = items.reshape(1, -1)
    elif isinstance(items, list | tuple):
        data = [list(items)]
    else:
        raise InvalidTypeError("items", "must be a sequence of 26 answers", items)
    mask = None
    if missing_mask is not None:
        flags = np.asarray(missing_mask)
        if flags.ndim != 1:
            # A (2, 13) mask must not be read as one row of 26 flags.
            raise InvalidValueError(
                "missing_mask", "must be 1-D, one flag per item", f"{flags.ndim}-D"
            )
        mask = flags.reshape(1, -1)
    scores, answered = _item_matrix(data, mask, sentinel, "items")
    given: list[int | None] = [
        int(v) if answered is None or answered[0, n] else None
        for n, v in enumerate(scores[0].tolist())
    ]
    missing_total = sum(v is None for v in given)
    void = missing_total > rule.max_missing_total
    domains: dict[Domain, DomainScore] = {}
    for domain in _DOMAINS:
        values = [
            (6 - v if item in REVERSED_ITEMS else v)
            for item in domain.items
            if (v := given[item - 1]) is not None
        ]
        total, count = sum(values), len(values)
        missing = len(domain.items) - count
        valid = not void and missing <= rule.max_missing(domain)
        domains[domain] = DomainScore(
            domain=domain,
            item_sum=total,
            answered=count,
            missing=missing,
            valid=valid,
            raw=divide(4 * total, count) if valid else None,
            transformed=divide(25 * (total - count), count) if valid else None,
        )
    return AssessmentScore(
        items=tuple(given),
        missing=missing_total,
        void=void,
        physical=domains[Domain.PHYSICAL],
        psychological=domains[Domain.PSYCHOLOGICAL],
        social=domains[Domain.SOCIAL],
        environment=domains[Domain.ENVIRONMENT],
    )


# -- many assessments (batch path) ---------------------------------------------------------


@attrs.frozen(eq=False)
class AssessmentBatch:
    """Domain scores of many assessments as arrays (the batch twin of :class:`AssessmentScore`).

    Columns follow :class:`Domain` order (physical, psychological, social,
    environment).

    Attributes
    ----------
    sums : numpy.ndarray of int16, shape (n, 4)
        Sum of the answered items of each domain, reversed items reversed.
    answered : numpy.ndarray of int8, shape (n, 4)
        Items answered in each domain.
    missing : numpy.ndarray of int8, shape (n,)
        Missing items of the 26.
    void : numpy.ndarray of bool, shape (n,)
        Assessments with more missing items than the rule allows.
    valid : numpy.ndarray of bool, shape (n, 4)
        Domains that are scored.
    rule : MissingRule or None
        The missing-item rule the assessments were scored with (None when
        built by hand).
    """

    sums: npt.NDArray[np.int16]
    answered: npt.NDArray[np.int8]
    missing: npt.NDArray[np.int8]
    void: npt.NDArray[np.bool_]
    valid: npt.NDArray[np.bool_]
    rule: MissingRule | None = None

    def __len__(self) -> int:
        return int(self.sums.shape[0])

    def _scaled(
        self, factor: int, shift: bool, places: int, rounding: Rounding
    ) -> np.ma.MaskedArray[Any, Any]:
        mask = ~self.valid
        most = max(len(domain.items) for domain in _DOMAINS)
        sums, counts = self.sums, self.answered
        if sums.size and (
            int(sums.min()) >= 0
            and int(sums.max()) <= 5 * most
            and int(counts.min()) >= 0
            and int(counts.max()) <= most
        ):
            # A score depends only on (items answered, their sum): round each
            # feasible pair once, exactly, and look the scores up.
            grid_counts, grid_sums = np.divmod(
                np.arange((most + 1) * (5 * most + 1)), 5 * most + 1
            )
            grid_top = factor * (grid_sums - grid_counts) if shift else factor * grid_sums
            table = divide_round(grid_top, np.maximum(grid_counts, 1), places, rounding)
            index = counts.astype(np.intp) * (5 * most + 1)
            index += sums
            return np.ma.MaskedArray(table.take(index), mask=mask)
        safe = np.where(self.valid, counts, 1).astype(np.int64)
        wide = sums.astype(np.int64)
        top = factor * (wide - safe) if shift else factor * wide
        return np.ma.MaskedArray(divide_round(top, safe, places, rounding), mask=mask)

    def raw_scaled(self, places: int, rounding: Rounding) -> np.ma.MaskedArray[Any, Any]:
        """Raw domain scores (4-20) rounded to ``places``, scaled by ``10**places``.

        Returns
        -------
        numpy.ma.MaskedArray of int64, shape (n, 4)
            Masked where the domain is not valid; elsewhere
            ``round_to(raw, places, rounding) * 10**places`` of the scalar path.

        Examples
        --------
        Every answer 4 (Q3, Q4 and Q26 reversed to 2): physical 4 x 24 / 7 = 13,71,
        psychological 4 x 22 / 6 = 14,67, social and environment 16:

        >>> score_assessments([[4] * 26]).raw_scaled(2, Rounding.HALF_UP)[0].tolist()
        [1371, 1467, 1600, 1600]
        """
        return self._scaled(4, False, places, rounding)

    def transformed_scaled(self, places: int, rounding: Rounding) -> np.ma.MaskedArray[Any, Any]:
        """Transformed domain scores (0-100) rounded to ``places``, scaled by ``10**places``.

        Returns
        -------
        numpy.ma.MaskedArray of int64, shape (n, 4)
            Masked where the domain is not valid.

        Examples
        --------
        Three social items missing of three: the social domain is masked.

        >>> items = [[3] * 19 + [None] * 3 + [3] * 4]
        >>> rule = MissingRule(social=2, max_missing_total=3)
        >>> score_assessments(items, rule=rule).transformed_scaled(0, Rounding.HALF_UP).tolist()
        [[50, 50, None, 50]]
        """
        return self._scaled(25, True, places, rounding)


def score_assessments(
    items: object,
    *,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> AssessmentBatch:
    """Score many WHOQOL-BREF assessments at once.

    Parameters
    ----------
    items : array_like, shape (n, 26)
        One row per assessment: nested lists (``None`` = missing) or a 2-D
        array (an ``int8`` array is not copied; NaN, a mask or a sentinel
        mark missing answers, see :func:`sakip.likert.validated_scores`).
    rule : MissingRule, default DEFAULT_MISSING_RULE
        Missing-item rule.
    missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside 1-5 marking a missing answer.

    Returns
    -------
    AssessmentBatch

    Raises
    ------
    InvalidValueError
        Not 26 items per row; an answer outside 1-5; empty or ragged input.
    InvalidTypeError
        A non-integer answer.

    Notes
    -----
    Row ``i`` agrees exactly with ``score_assessment(items[i])``: the same
    sums, counts and validity, and :meth:`AssessmentBatch.raw_scaled` and
    :meth:`AssessmentBatch.transformed_scaled` give its rounded scores.

    References
    ----------
    WHO, WHOQOL-BREF scoring manual (1996), as :func:`score_assessment`.

    Examples
    --------
    >>> import numpy as np
    >>> batch = score_assessments(np.full((2, 26), 4, dtype=np.int8))
    >>> batch.sums[0].tolist(), batch.answered[0].tolist()
    ([24, 22, 12, 32], [7, 6, 3, 8])

    Transformed: 25 x (24 - 7) / 7 = 60,71; 25 x (22 - 6) / 6 = 66,67; 75; 75:

    >>> batch.transformed_scaled(2, Rounding.HALF_UP)[0].tolist()
    [6071, 6667, 7500, 7500]
    """
    rule = _check_rule(rule)
    scores, answered = _item_matrix(items, missing_mask, sentinel, "items")
    n = scores.shape[0]
    if scores.dtype == np.uint64:
        scores = scores.astype(np.int64)  # no common integer type with int16 otherwise
    given: npt.NDArray[np.int8] | None = None
    if answered is not None:
        # Missing cells to 0 (one pass over the matrix), so that every sum
        # below is a plain column addition; answers given counted as int8.
        given = answered.view(np.int8)
        scores = np.multiply(scores, answered, dtype=scores.dtype)
    # Column by column (strided views, contiguous accumulators): a reversed
    # item adds 6 - x, that is -x now and 6 per answer at the end.
    domain_sums: list[npt.NDArray[np.int16]] = []
    domain_counts: list[npt.NDArray[np.int8]] = []
    for domain in _DOMAINS:
        total = np.zeros(n, dtype=np.int16)
        count = np.zeros(n, dtype=np.int8) if given is not None else None
        flipped = np.zeros(n, dtype=np.int8) if given is not None else None
        for item in domain.items:
            column = scores[:, item - 1]
            flip = item in REVERSED_ITEMS
            (np.subtract if flip else np.add)(total, column, out=total, casting="unsafe")
            if given is not None:
                assert count is not None and flipped is not None
                np.add(count, given[:, item - 1], out=count)
                if flip:
                    np.add(flipped, given[:, item - 1], out=flipped)
            elif flip:
                total += 6
        if flipped is not None and any(item in REVERSED_ITEMS for item in domain.items):
            flipped *= 6
            total += flipped
        domain_sums.append(total)
        domain_counts.append(
            count if count is not None else np.full(n, len(domain.items), dtype=np.int8)
        )
    if given is None:
        missing = np.zeros(n, dtype=np.int8)
    else:
        # Answered items: those of the domains, and the two outside them (Q1, Q2).
        answered_items = domain_counts[0] + domain_counts[1]
        for count in domain_counts[2:]:
            answered_items += count
        for item in _UNSCORED_ITEMS:
            answered_items += given[:, item - 1]
        missing = ITEM_COUNT - answered_items
    void = missing > rule.max_missing_total
    scored = ~void
    valid_each = []
    for domain, count in zip(_DOMAINS, domain_counts, strict=True):
        enough = count >= len(domain.items) - rule.max_missing(domain)
        enough &= scored
        valid_each.append(enough)
    sums = np.stack(domain_sums, axis=1)
    counts = np.stack(domain_counts, axis=1)
    valid = np.stack(valid_each, axis=1)
    return AssessmentBatch(
        sums=sums, answered=counts, missing=missing, void=void, valid=valid, rule=rule
    )


# -- improvement between two assessments ---------------------------------------------------


@attrs.frozen
class DomainImprovement:
    """How many clients' score in one domain rose between the two assessments.

    Attributes
    ----------
    domain : Domain
    improved : int
        Clients whose domain score at the end is strictly higher than at the
        start.
    assessed : int
        Clients with a valid domain score in both assessments.
    percent : Decimal
        ``improved / assessed x 100``, exact.
    excluded : tuple
        Ids of matched clients left out of this domain because it is not
        valid (too many missing items, or a void assessment) in either
        assessment.
    """

    domain: Domain
    improved: int
    assessed: int
    percent: Decimal
    excluded: tuple[Hashable, ...] = ()


@attrs.frozen
class ImprovementResult:
    """The LKIP's *persentase peningkatan kualitas hidup* with its per-domain counts.

    Attributes
    ----------
    value : Decimal
        Mean of the four domain percentages, exact (the report's ``%``
        column).
    physical, psychological, social, environment : DomainImprovement
    matched : int
        Clients found in both assessments.
    unmatched_pre : tuple
        Ids assessed at the start only (no end assessment).
    unmatched_post : tuple
        Ids assessed at the end only (no start assessment).
    """

    value: Decimal
    physical: DomainImprovement
    psychological: DomainImprovement
    social: DomainImprovement
    environment: DomainImprovement
    matched: int
    unmatched_pre: tuple[Hashable, ...] = ()
    unmatched_post: tuple[Hashable, ...] = ()

    @property
    def domains(self) -> tuple[DomainImprovement, ...]:
        """The four domains in WHO order."""
        return (self.physical, self.psychological, self.social, self.environment)

    def domain(self, domain: Domain) -> DomainImprovement:
        """The counts of ``domain``.

        Examples
        --------
        >>> unit = from_counts(assessed=33, physical=28, psychological=23, social=27,
        ...                    environment=29)
        >>> unit.domain(Domain.SOCIAL).improved
        27
        """
        result: DomainImprovement = getattr(self, domain.value)
        return result


def _result(
    improved: Sequence[int],
    assessed: Sequence[int],
    excluded: Sequence[tuple[Hashable, ...]],
    matched: int,
    unmatched_pre: tuple[Hashable, ...],
    unmatched_post: tuple[Hashable, ...],
) -> ImprovementResult:
    parts: list[DomainImprovement] = []
    total = Fraction(0)
    for domain, up, count, left_out in zip(_DOMAINS, improved, assessed, excluded, strict=True):
        if count <= 0:
            raise InvalidValueError(
                domain.value,
                "has no client with a valid score in both assessments (no percentage)",
                count,
            )
        if not 0 <= up <= count:
            raise InvalidValueError(domain.value, f"improved must be from 0 to {count}", up)
        share = Fraction(100 * up, count)
        total += share
        parts.append(
            DomainImprovement(
                domain=domain,
                improved=up,
                assessed=count,
                percent=divide(share.numerator, share.denominator),
                excluded=left_out,
            )
        )
    mean = total / len(_DOMAINS)
    return ImprovementResult(
        value=divide(mean.numerator, mean.denominator),
        physical=parts[0],
        psychological=parts[1],
        social=parts[2],
        environment=parts[3],
        matched=matched,
        unmatched_pre=unmatched_pre,
        unmatched_post=unmatched_post,
    )


def _ids(ids: object, rows: int, field: str) -> list[Hashable]:
    if isinstance(ids, np.ndarray):
        values: list[Any] = ids.tolist()
    elif isinstance(ids, Sequence) and not isinstance(ids, str):
        values = list(ids)
    else:
        raise InvalidTypeError(field, "must be a sequence of client ids", ids)
    if len(values) != rows:
        raise InvalidValueError(field, f"must have one id per assessment ({rows})", len(values))
    seen: set[Hashable] = set()
    for value in values:
        if not isinstance(value, Hashable):
            raise InvalidTypeError(field, "ids must be hashable", value)
        if value in seen:
            raise InvalidValueError(field, "must not repeat an id", value)
        seen.add(value)
    return values


def _scored(
    data: object,
    rule: MissingRule,
    missing_mask: npt.ArrayLike | None,
    sentinel: int | None,
    field: str,
) -> AssessmentBatch:
    if not isinstance(data, AssessmentBatch):
        return score_assessments(data, rule=rule, missing_mask=missing_mask, sentinel=sentinel)
    if data.rule != rule:
        raise InvalidValueError(field, "must be scored with the rule given to score()", data.rule)
    if missing_mask is not None or sentinel is not None:
        raise InvalidValueError(
            f"{field}_missing_mask" if missing_mask is not None else "sentinel",
            f"must not be given with an AssessmentBatch as {field} (its missing items are counted)",
            "mask" if missing_mask is not None else sentinel,
        )
    return data


def score(
    *,
    pre: object,
    post: object,
    pre_ids: object = None,
    post_ids: object = None,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    pre_missing_mask: npt.ArrayLike | None = None,
    post_missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
) -> ImprovementResult:
    """Share of clients whose quality of life rose between two WHOQOL-BREF assessments.

    Parameters
    ----------
    pre, post : array_like, shape (clients, 26), or AssessmentBatch
        The assessments at the start and at the end of treatment (as
        :func:`score_assessments` takes them), or their scores from
        :func:`score_assessments` (scored with ``rule``), so that a pipeline
        that also reports the domain scores scores each assessment once.
    pre_ids, post_ids : sequence of hashable, optional
        Client ids of the rows, to match ``pre`` and ``post`` by id; given
        both or neither. Without them row ``i`` of ``pre`` and of ``post``
        are the same client (ids are then the row numbers) and both must
        have as many rows.
    rule : MissingRule, default DEFAULT_MISSING_RULE
        Missing-item rule applied to both assessments.
    pre_missing_mask, post_missing_mask : array_like of bool, optional
        ``True`` marks a missing answer.
    sentinel : int, optional
        A value outside 1-5 marking a missing answer in both.

    Returns
    -------
    ImprovementResult
        Per domain the clients whose score rose, the clients counted and
        the percentage; overall the mean of the four percentages; the
        unmatched ids.

    Raises
    ------
    InvalidValueError
        Bad answers (see :func:`score_assessments`); ids given for one side
        only, of the wrong length or repeated; rows that differ in number
        without ids; a domain without any client valid in both assessments.
    InvalidTypeError
        Ids that are not a sequence of hashables; non-integer answers.

    Notes
    -----
    A client's domain *rose* when its end score is strictly higher than its
    start score; an equal score did not rise but is counted. The raw and
    the transformed scores are increasing functions of the domain's item
    mean, so either gives the same answer; the comparison is made exactly
    on the means (``s1 / a1 > s0 / a0`` as ``s1 a0 > s0 a1`` in integers).
    A client whose domain is not valid in either assessment is left out of
    that domain's count and listed in its ``excluded``. Clients in one
    assessment only are listed in ``unmatched_pre`` / ``unmatched_post``
    and counted nowhere.

    ``percent_d = improved_d / assessed_d x 100``; ``value = (percent_physical
    + percent_psychological + percent_social + percent_environment) / 4``.
    The LKIP prints percentages rounded half up to 2 places (28 / 33 =
    84,8484... prints 84,85).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 5 (persentase
    penyalahguna dan/atau pecandu narkoba yang mengalami peningkatan
    kualitas hidup; WHOQOL at the start and end of treatment). WHO,
    WHOQOL-BREF scoring manual (1996).

    Examples
    --------
    Two clients matched by id; client "b" has no end assessment:

    >>> start = [[3] * 26, [3] * 26, [2] * 26]
    >>> end = [[4] * 26, [3] * 26]
    >>> result = score(pre=start, post=end, pre_ids=["a", "c", "b"], post_ids=["a", "c"])
    >>> result.physical.improved, result.physical.assessed, result.physical.percent
    (1, 2, Decimal('50'))
    >>> result.value, result.unmatched_pre
    (Decimal('50'), ('b',))

    Scores already computed for the report are used as they are:

    >>> before, after = score_assessments(start[:2]), score_assessments(end)
    >>> score(pre=before, post=after).physical.improved
    1
    """
    rule = _check_rule(rule)
    before = _scored(pre, rule, pre_missing_mask, sentinel, "pre")
    after = _scored(post, rule, post_missing_mask, sentinel, "post")
    if (pre_ids is None) != (post_ids is None):
        raise InvalidValueError("post_ids", "must be given with pre_ids (both or neither)", None)
    if pre_ids is None:
        if len(before) != len(after):
            raise InvalidValueError(
                "post",
                f"must have as many clients as pre ({len(before)}) when no ids are given",
                len(after),
            )
        ids: list[Hashable] = []
        pre_rows = post_rows = np.arange(0)
        unmatched_pre: tuple[Hashable, ...] = ()
        unmatched_post: tuple[Hashable, ...] = ()
    else:
        first = _ids(pre_ids, len(before), "pre_ids")
        second = _ids(post_ids, len(after), "post_ids")
        where_after = {client: row for row, client in enumerate(second)}
        ids = [client for client in first if client in where_after]
        pre_rows = np.array(
            [row for row, c in enumerate(first) if c in where_after], dtype=np.intp
        )
        post_rows = np.array([where_after[c] for c in ids], dtype=np.intp)
        in_pre = set(first)
        unmatched_pre = tuple(c for c in first if c not in where_after)
        unmatched_post = tuple(c for c in second if c not in in_pre)
    if pre_ids is None:
        # Row i is client i: no gathering copies.
        both = before.valid & after.valid
        s0, a0, s1, a1 = before.sums, before.answered, after.sums, after.answered
    else:
        both = before.valid[pre_rows] & after.valid[post_rows]
        s0, a0 = before.sums[pre_rows], before.answered[pre_rows]
        s1, a1 = after.sums[post_rows], after.answered[post_rows]
    # s1 / a1 > s0 / a0 as s1 a0 > s0 a1, in integers (int32: no overflow).
    rose = np.multiply(s1, a0, dtype=np.int32) > np.multiply(s0, a1, dtype=np.int32)
    rose &= both
    improved = rose.sum(axis=0).tolist()
    assessed = both.sum(axis=0).tolist()
    excluded = []
    for d in range(len(_DOMAINS)):
        rows = np.flatnonzero(~both[:, d]).tolist()
        excluded.append(tuple(rows) if pre_ids is None else tuple(ids[i] for i in rows))
    matched = len(before) if pre_ids is None else len(ids)
    return _result(improved, assessed, excluded, matched, unmatched_pre, unmatched_post)


def from_counts(
    *,
    assessed: int | Sequence[int],
    physical: int,
    psychological: int,
    social: int,
    environment: int,
) -> ImprovementResult:
    """The improvement figures of a unit known only by its counts.

    Parameters
    ----------
    assessed : int or sequence of 4 int
        Clients counted (the same for every domain, or one per domain in
        WHO order).
    physical, psychological, social, environment : int
        Clients whose domain score rose.

    Returns
    -------
    ImprovementResult
        With ``matched`` = the largest ``assessed`` and no ids.

    Raises
    ------
    InvalidValueError
        ``assessed <= 0``, an improved count below 0 or above ``assessed``,
        or not 4 ``assessed`` counts.
    InvalidTypeError
        Counts that are not ints.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 5 (table of
    WHOQoL counts and percentages per unit).

    Examples
    --------
    BNNK Kotawaringin Barat: 33 clients; 28, 23, 27 and 29 improved.

    >>> from sakip.numbers import Rounding, round_to
    >>> unit = from_counts(assessed=33, physical=28, psychological=23, social=27, environment=29)
    >>> [str(round_to(d.percent, 2, Rounding.HALF_UP)) for d in unit.domains]
    ['84.85', '69.70', '81.82', '87.88']
    >>> round_to(unit.value, 2, Rounding.HALF_UP)
    Decimal('81.06')
    """
    if isinstance(assessed, Sequence):
        counts = [_count_field(a, "assessed") for a in assessed]
        if len(counts) != len(_DOMAINS):
            raise InvalidValueError("assessed", "must be one int or 4 ints", counts)
    else:
        counts = [_count_field(assessed, "assessed")] * len(_DOMAINS)
    improved = [
        _count_field(value, domain.value)
        for value, domain in zip(
            (physical, psychological, social, environment), _DOMAINS, strict=True
        )
    ]
    return _result(improved, counts, [()] * len(_DOMAINS), max(counts), (), ())


def pool(results: Iterable[ImprovementResult]) -> ImprovementResult:
    """Pool units by adding their counts, domain by domain.

    Parameters
    ----------
    results : iterable of ImprovementResult
        The units.

    Returns
    -------
    ImprovementResult
        Improved and assessed counts summed per domain; percentages and the
        overall mean recomputed from them. Excluded and unmatched ids are
        concatenated in the order of the units (make ids unique across
        units, e.g. ``(unit, id)``, to tell them apart).

    Raises
    ------
    InvalidValueError
        No result.
    InvalidTypeError
        An element that is not an :class:`ImprovementResult`.

    Notes
    -----
    The province figure is the mean of the four pooled percentages, not
    the mean of the units' overall percentages.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 5 (row
    "Kalimantan Tengah": 119, 118, 115, 125 of 150 -> 79,5).

    Examples
    --------
    >>> kobar = from_counts(assessed=33, physical=28, psychological=23, social=27, environment=29)
    >>> palangka = from_counts(assessed=39, physical=29, psychological=30, social=31, environment=28)
    >>> bnnp = from_counts(assessed=78, physical=62, psychological=65, social=57, environment=68)
    >>> pool([kobar, palangka, bnnp]).value
    Decimal('79.5')
    """
    items = list(results)
    if not items:
        raise InvalidValueError("results", "must not be empty", items)
    for item in items:
        if not isinstance(item, ImprovementResult):
            raise InvalidTypeError("results", "must be ImprovementResult objects", item)
    improved = [sum(r.domains[d].improved for r in items) for d in range(len(_DOMAINS))]
    assessed = [sum(r.domains[d].assessed for r in items) for d in range(len(_DOMAINS))]
    excluded = [
        tuple(client for r in items for client in r.domains[d].excluded)
        for d in range(len(_DOMAINS))
    ]
    return _result(
        improved,
        assessed,
        excluded,
        sum(r.matched for r in items),
        tuple(client for r in items for client in r.unmatched_pre),
        tuple(client for r in items for client in r.unmatched_post),
    )
