"""WHOQOL-BREF improvement between two assessments: the LKIP's share of clients whose quality of life rose.

Private module of :mod:`sakip.instruments.whoqol`, which re-exports every
public name; import them from there.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from sakip._result import RoundedValue
from sakip.bands import Band
from sakip.coerce import ArrayLike, to_count, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.instruments._whoqol_assessment import DomainSums, _check_rule, _negative, _sums_of
from sakip.instruments._whoqol_items import (
    _DOMAINS,
    DEFAULT_MISSING_RULE,
    Domain,
    MissingRule,
    NegativeItems,
)
from sakip.numbers import divide


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
class WhoqolResult(RoundedValue):
    """The LKIP's *persentase peningkatan kualitas hidup* with its per-domain counts.

    Frozen and hashable (when the client ids are).

    Attributes
    ----------
    value : Decimal
        Mean of the four domain percentages, exact (the report's ``%``
        column).
    category : None
        The indicator has no band of its own (its capaian against the
        target is :func:`sakip.achievement`).
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
    def category(self) -> Band | None:
        """``None``: the improvement percentage has no category scheme."""
        return None

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
        result: DomainImprovement = getattr(self, to_enum(domain, Domain, field="domain").value)
        return result


def _result(
    improved: Sequence[int],
    assessed: Sequence[int],
    excluded: Sequence[tuple[Hashable, ...]],
    matched: int,
    unmatched_pre: tuple[Hashable, ...],
    unmatched_post: tuple[Hashable, ...],
) -> WhoqolResult:
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
    return WhoqolResult(
        value=divide(mean.numerator, mean.denominator),
        physical=parts[0],
        psychological=parts[1],
        social=parts[2],
        environment=parts[3],
        matched=matched,
        unmatched_pre=unmatched_pre,
        unmatched_post=unmatched_post,
    )


def _ids(ids: Sequence[Hashable] | npt.NDArray[Any], rows: int, field: str) -> list[Hashable]:
    if isinstance(ids, np.ndarray) and ids.ndim == 1:
        values: list[Any] = ids.tolist()
    else:
        values = list(to_sequence(ids, field=field))
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


def score(
    *,
    pre: ArrayLike | DomainSums,
    post: ArrayLike | DomainSums,
    pre_ids: Sequence[Hashable] | npt.NDArray[Any] | None = None,
    post_ids: Sequence[Hashable] | npt.NDArray[Any] | None = None,
    rule: MissingRule = DEFAULT_MISSING_RULE,
    pre_missing_mask: npt.ArrayLike | None = None,
    post_missing_mask: npt.ArrayLike | None = None,
    sentinel: int | None = None,
    negative_items: NegativeItems | str = NegativeItems.RAW,
) -> WhoqolResult:
    """Share of clients whose quality of life rose between two WHOQOL-BREF assessments.

    Parameters
    ----------
    pre, post : array_like, shape (clients, 26), or DomainSums
        The assessments at the start and at the end of treatment (as
        :func:`domain_sums` takes them), or their scores from
        :func:`domain_sums` (scored with ``rule``), so that a pipeline
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
    negative_items : NegativeItems or its value, default NegativeItems.RAW
        Whether Q3, Q4, Q26 of both assessments are given as answered
        (reversed here) or already reversed (``"pre_reversed"``); a
        :class:`DomainSums` given must have been summed with the same value.

    Returns
    -------
    WhoqolResult
        Per domain the clients whose score rose, the clients counted and
        the percentage; overall the mean of the four percentages; the
        unmatched ids.

    Raises
    ------
    InvalidValueError
        Bad answers (see :func:`domain_sums`); ids given for one side
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

    >>> from sakip.instruments.whoqol import domain_sums
    >>> before, after = domain_sums(start[:2]), domain_sums(end)
    >>> score(pre=before, post=after).physical.improved
    1
    """
    rule = _check_rule(rule)
    negative = _negative(negative_items)
    before = _sums_of(
        pre, rule, pre_missing_mask, sentinel, "pre", "pre_missing_mask", negative_items=negative
    )
    after = _sums_of(
        post,
        rule,
        post_missing_mask,
        sentinel,
        "post",
        "post_missing_mask",
        negative_items=negative,
    )
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
        assert post_ids is not None
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
) -> WhoqolResult:
    """The improvement figures of a unit known only by its counts.

    Parameters
    ----------
    assessed : int or sequence of 4 int
        Clients counted (the same for every domain, or one per domain in
        WHO order). Every count is read by :func:`sakip.coerce.to_count`
        (``"33"`` is 33, as everywhere); a ``str`` is never walked
        character by character.
    physical, psychological, social, environment : int
        Clients whose domain score rose.

    Returns
    -------
    WhoqolResult
        With ``matched`` = the largest ``assessed`` and no ids.

    Raises
    ------
    InvalidValueError
        ``assessed <= 0``, an improved count below 0 or above ``assessed``,
        or not 4 ``assessed`` counts.
    InvalidTypeError
        Counts that are not numbers (a bool included).

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
    if isinstance(assessed, Iterable) and not isinstance(assessed, str | bytes):
        counts = [to_count(a, field="assessed") for a in to_sequence(assessed, field="assessed")]
        if len(counts) != len(_DOMAINS):
            raise InvalidValueError("assessed", "must be one count or 4 counts", counts)
    else:
        # One count for every domain; a numeral str is a count ("33"), never walked.
        counts = [to_count(assessed, field="assessed")] * len(_DOMAINS)
    improved = [
        to_count(value, field=domain.value)
        for value, domain in zip(
            (physical, psychological, social, environment), _DOMAINS, strict=True
        )
    ]
    return _result(improved, counts, [()] * len(_DOMAINS), max(counts), (), ())


def pool(results: Iterable[WhoqolResult]) -> WhoqolResult:
    """Pool units by adding their counts, domain by domain.

    Parameters
    ----------
    results : iterable of WhoqolResult
        The units.

    Returns
    -------
    WhoqolResult
        Improved and assessed counts summed per domain; percentages and the
        overall mean recomputed from them. Excluded and unmatched ids are
        concatenated in the order of the units (make ids unique across
        units, e.g. ``(unit, id)``, to tell them apart).

    Raises
    ------
    InvalidValueError
        No result.
    InvalidTypeError
        An element that is not an :class:`WhoqolResult`.

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
    items = to_sequence(results, field="results")
    if not items:
        raise InvalidValueError("results", "must not be empty", items)
    for item in items:
        if not isinstance(item, WhoqolResult):
            raise InvalidTypeError("results", "must be WhoqolResult objects", item)
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
