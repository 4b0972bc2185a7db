"""WHOQOL-BREF scoring of assessments: one (:func:`score_assessment`) or many at once.

Private module of :mod:`sakip.instruments.whoqol`, which re-exports every
public name; import them from there.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip._result import rounded_under
from sakip.bands import Band
from sakip.batch import ScoreBatch
from sakip.coerce import ArrayLike, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import divide_round
from sakip.instruments._whoqol_items import (
    _DOMAINS,
    _UNSCORED_ITEMS,
    DEFAULT_MISSING_RULE,
    ITEM_COUNT,
    Domain,
    MissingRule,
    NegativeItems,
)
from sakip.likert import LIKERT_1_5, _read_only, validated_scores
from sakip.numbers import Rounding, RoundingPolicy, divide


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

    @property
    def category(self) -> Band | None:
        """``None``: WHOQOL-BREF domain scores have no categories."""
        return None

    def rounded(self, policy: RoundingPolicy) -> Decimal | None:
        """The transformed score (0-100) rounded under ``policy``; ``None`` when not valid.

        Row ``i`` of :func:`score_batch` for this domain equals it exactly.

        Examples
        --------
        >>> from sakip.numbers import Rounding, RoundingPolicy
        >>> score_assessment([4] * 26).physical.rounded(RoundingPolicy(2, Rounding.HALF_UP))
        Decimal('60.71')
        """
        return rounded_under(self.transformed, policy)


@attrs.frozen
class AssessmentScore:
    """The four domain scores of one WHOQOL-BREF assessment.

    Attributes
    ----------
    items : tuple of int or None
        The 26 answers as given (before any reversal here); None = missing.
    missing : int
        Missing items of the 26.
    void : bool
        More missing items than the rule's ``max_missing_total``: nothing
        is scored.
    physical, psychological, social, environment : DomainScore
    negative_items : NegativeItems
        Whether Q3, Q4, Q26 were reversed here (``RAW``, the default) or
        arrived already reversed.
    """

    items: tuple[int | None, ...]
    missing: int
    void: bool
    physical: DomainScore
    psychological: DomainScore
    social: DomainScore
    environment: DomainScore
    negative_items: NegativeItems = NegativeItems.RAW

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
        score: DomainScore = getattr(self, to_enum(domain, Domain, field="domain").value)
        return score


def _check_rule(rule: object) -> MissingRule:
    if not isinstance(rule, MissingRule):
        raise InvalidTypeError("rule", "must be a MissingRule", rule)
    return rule


def _negative(value: NegativeItems | str) -> NegativeItems:
    return to_enum(value, NegativeItems, field="negative_items")


def _item_matrix(
    data: ArrayLike, missing_mask: npt.ArrayLike | None, sentinel: int | None, field: str
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
    items: ArrayLike,
    *,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    negative_items: NegativeItems | str = NegativeItems.RAW,
) -> AssessmentScore:
    """Score one WHOQOL-BREF assessment.

    Parameters
    ----------
    items : sequence of int or None, or 1-D array
        The answers to Q1..Q26 in order, each 1-5; ``None`` (or NaN, a
        masked cell, a ``sentinel``) is a missing answer. A ``str`` is
        refused (:func:`sakip.coerce.to_sequence`); an array passes
        :func:`sakip.coerce.to_array`.
    rule : MissingRule, default DEFAULT_MISSING_RULE
        How many missing items a domain and the assessment may have.
    missing_mask, sentinel : array_like of bool and int, optional
        Missing answers marked by a mask or a value outside the scale, in a
        list as in an array (:func:`sakip.likert.validated_scores`).
    negative_items : NegativeItems or its value, default NegativeItems.RAW
        Whether Q3, Q4, Q26 are given as answered (reversed here, the
        default) or already reversed (``"pre_reversed"``: scored as given);
        see :class:`NegativeItems`.

    Returns
    -------
    AssessmentScore

    Raises
    ------
    InvalidValueError
        Not 26 items; an answer outside 1-5; a ``missing_mask`` that is not
        1-D with 26 flags; a ``negative_items`` that is none of the values.
    InvalidTypeError
        A non-integer answer.

    Notes
    -----
    Items 3, 4, 26 are reversed (``6 - x``), unless ``negative_items`` says
    they arrive reversed. For a domain with ``s`` the sum
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

    The awell-score test fixture, whose Q3, Q4, Q26 are stored already
    reversed: physical 53,57 read as such, 75 when reversed again:

    >>> fixture = [4, 4, 2, 1, 4, 3, 4, 5, 3, 4, 5, 3, 4, 3, 4, 3, 4, 4, 5, 4, 3, 5, 4, 3, 4, 2]
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> policy = RoundingPolicy(2, Rounding.HALF_UP)
    >>> score_assessment(fixture, negative_items="pre_reversed").physical.rounded(policy)
    Decimal('53.57')
    >>> score_assessment(fixture).physical.rounded(policy)
    Decimal('75.00')
    """
    rule = _check_rule(rule)
    flipped_items = _negative(negative_items).reversed_here
    data: ArrayLike
    if isinstance(items, np.ndarray):
        # validated_scores passes it to to_array once the missing_mask is known.
        if items.ndim != 1:
            raise InvalidValueError("items", "must be one assessment (1-D)", f"{items.ndim}-D")
        data = items.reshape(1, -1)
    else:
        data = [list(to_sequence(items, field="items"))]
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
            (6 - v if item in flipped_items else v)
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
        negative_items=_negative(negative_items),
    )


# -- many assessments (numpy path) ---------------------------------------------------------


@attrs.frozen(eq=False)
class DomainSums:
    """Domain sums, counts and validity of many assessments, as read-only arrays.

    The integer figures every domain score of :func:`score_assessment`
    derives from, for many assessments at once (build it with
    :func:`domain_sums`). Columns follow :class:`Domain` order (physical,
    psychological, social, environment). Frozen, hashable by identity,
    every array read-only.

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
    negative_items : NegativeItems or None
        Whether Q3, Q4, Q26 were reversed in the sums (``RAW``) or arrived
        reversed (None when built by hand).
    """

    sums: npt.NDArray[np.int16] = attrs.field(converter=_read_only)
    answered: npt.NDArray[np.int8] = attrs.field(converter=_read_only)
    missing: npt.NDArray[np.int8] = attrs.field(converter=_read_only)
    void: npt.NDArray[np.bool_] = attrs.field(converter=_read_only)
    valid: npt.NDArray[np.bool_] = attrs.field(converter=_read_only)
    rule: MissingRule | None = None
    negative_items: NegativeItems | None = None

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

        >>> domain_sums([[4] * 26]).raw_scaled(2, Rounding.HALF_UP)[0].tolist()
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
        >>> domain_sums(items, rule=rule).transformed_scaled(0, Rounding.HALF_UP).tolist()
        [[50, 50, None, 50]]
        """
        return self._scaled(25, True, places, rounding)


def domain_sums(
    items: ArrayLike,
    *,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    negative_items: NegativeItems | str = NegativeItems.RAW,
) -> DomainSums:
    """The domain sums, counts and validity of many WHOQOL-BREF assessments at once.

    What :func:`score_batch` and :func:`score` compute from; call it once
    when a pipeline needs several domains' scores, the raw and transformed
    arrays of every domain (:meth:`DomainSums.raw_scaled`,
    :meth:`DomainSums.transformed_scaled`) and the improvement.

    Parameters
    ----------
    items : array_like, shape (n, 26)
        One row per assessment: nested lists (``None`` = missing) or a 2-D
        array (an ``int8`` array is not copied; NaN, a mask or a sentinel
        mark missing answers, see :func:`sakip.likert.validated_scores`).
    rule : MissingRule, default DEFAULT_MISSING_RULE
        As in :func:`score_assessment`.
    missing_mask, sentinel, negative_items
        As in :func:`score_assessment`.

    Returns
    -------
    DomainSums

    Raises
    ------
    InvalidValueError
        Not 26 items per row; an answer outside 1-5; empty or ragged input.
    InvalidTypeError
        A non-integer answer.

    Notes
    -----
    Row ``i`` agrees exactly with ``score_assessment(items[i])``: the same
    sums, counts and validity, and :meth:`DomainSums.raw_scaled` and
    :meth:`DomainSums.transformed_scaled` give its rounded scores.

    References
    ----------
    WHO, WHOQOL-BREF scoring manual (1996), as :func:`score_assessment`.

    Examples
    --------
    >>> import numpy as np
    >>> sums = domain_sums(np.full((2, 26), 4, dtype=np.int8))
    >>> sums.sums[0].tolist(), sums.answered[0].tolist()
    ([24, 22, 12, 32], [7, 6, 3, 8])

    Transformed: 25 x (24 - 7) / 7 = 60,71; 25 x (22 - 6) / 6 = 66,67; 75; 75:

    >>> sums.transformed_scaled(2, Rounding.HALF_UP)[0].tolist()
    [6071, 6667, 7500, 7500]
    """
    rule = _check_rule(rule)
    chosen = _negative(negative_items)
    flipped_items = chosen.reversed_here
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
            flip = item in flipped_items
            (np.subtract if flip else np.add)(total, column, out=total, casting="unsafe")
            if given is not None:
                assert count is not None and flipped is not None
                np.add(count, given[:, item - 1], out=count)
                if flip:
                    np.add(flipped, given[:, item - 1], out=flipped)
            elif flip:
                total += 6
        if flipped is not None and any(item in flipped_items for item in domain.items):
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
    return DomainSums(
        sums=np.stack(domain_sums, axis=1),
        answered=np.stack(domain_counts, axis=1),
        missing=missing,
        void=void,
        valid=np.stack(valid_each, axis=1),
        rule=rule,
        negative_items=chosen,
    )


def _sums_of(
    data: ArrayLike | DomainSums,
    rule: MissingRule,
    missing_mask: npt.ArrayLike | None,
    sentinel: int | None,
    field: str,
    mask_field: str = "missing_mask",
    negative_items: NegativeItems = NegativeItems.RAW,
) -> DomainSums:
    """Assessments scored with ``rule``, or the :class:`DomainSums` given (scored with it)."""
    if not isinstance(data, DomainSums):
        return domain_sums(
            data,
            rule=rule,
            missing_mask=missing_mask,
            sentinel=sentinel,
            negative_items=negative_items,
        )
    if data.rule != rule:
        raise InvalidValueError(field, "must be scored with the rule given here", data.rule)
    if data.negative_items is not negative_items:
        raise InvalidValueError(
            field,
            f"must be summed with negative_items={negative_items.value!r} as given here",
            None if data.negative_items is None else data.negative_items.value,
        )
    if missing_mask is not None or sentinel is not None:
        raise InvalidValueError(
            mask_field if missing_mask is not None else "sentinel",
            f"must not be given with DomainSums as {field} (its missing items are counted)",
            "mask" if missing_mask is not None else sentinel,
        )
    return data


def score_batch(
    items: ArrayLike | DomainSums,
    *,
    domain: Domain,
    policy: RoundingPolicy,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    negative_items: NegativeItems | str = NegativeItems.RAW,
) -> ScoreBatch:
    """One domain's transformed score (0-100) of many assessments at once.

    Parameters
    ----------
    items : array_like, shape (n, 26), or DomainSums
        One row per assessment, as :func:`domain_sums` takes them, or their
        :class:`DomainSums` (scored with ``rule``), so that the four
        domains of a large data set are summed once.
    domain : Domain or its value
        The domain (``Domain.PHYSICAL`` or ``"physical"``).
    policy : RoundingPolicy
        How each score is rounded.
    rule : MissingRule, default DEFAULT_MISSING_RULE
        As in :func:`score_assessment`.
    missing_mask, sentinel, negative_items
        As in :func:`score_assessment`; :class:`DomainSums` given as
        ``items`` must have been summed with the same ``negative_items``.

    Returns
    -------
    ScoreBatch
        One row per assessment: ``scaled`` is the transformed domain score
        rounded under ``policy``; ``mask`` marks the assessments whose
        domain is not valid (too many missing items, or a void
        assessment); no scheme (WHOQOL-BREF has no categories).

    Raises
    ------
    InvalidValueError
        As :func:`domain_sums`; a ``domain`` that is not a :class:`Domain`
        or its value; :class:`DomainSums` scored with another rule.
    InvalidTypeError
        A ``policy`` that is not a :class:`~sakip.numbers.RoundingPolicy`;
        a non-integer answer.

    Notes
    -----
    Row ``i`` agrees exactly with the scalar path:
    ``decimals()[i] == score_assessment(items[i]).domain(domain).rounded(policy)``
    (``None`` for both when the domain is not valid). The raw scores
    (4-20) of every domain are :meth:`DomainSums.raw_scaled`.

    References
    ----------
    WHO, WHOQOL-BREF scoring manual (1996), as :func:`score_assessment`.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> half_up = RoundingPolicy(2, Rounding.HALF_UP)
    >>> rows = [[4] * 26, [3] * 19 + [None] * 3 + [3] * 4]
    >>> score_batch(rows, domain=Domain.SOCIAL, policy=half_up).decimals()
    [Decimal('75.00'), None]
    >>> score_batch(rows, domain="physical", policy=half_up).decimals()
    [Decimal('60.71'), Decimal('50.00')]
    >>> score_assessment(rows[0]).physical.rounded(half_up)
    Decimal('60.71')
    """
    if not isinstance(policy, RoundingPolicy):
        raise InvalidTypeError("policy", "must be a RoundingPolicy", policy)
    chosen = to_enum(domain, Domain, field="domain")
    rule = _check_rule(rule)
    sums = _sums_of(
        items, rule, missing_mask, sentinel, "items", negative_items=_negative(negative_items)
    )
    column = _DOMAINS.index(chosen)
    scaled = sums.transformed_scaled(policy.places, policy.rounding)
    return ScoreBatch(
        scaled=np.ma.getdata(scaled)[:, column],
        policy=policy,
        mask=~sums.valid[:, column],
    )
