"""WHOQOL-BREF items and scoring rules: the domains, the reversed items, the missing-item rule.

Private module of :mod:`sakip.instruments.whoqol`, which re-exports every
public name; import them from there.
"""

from __future__ import annotations

import enum
from types import MappingProxyType

import attrs

from sakip.coerce import to_count
from sakip.errors import InvalidValueError

ITEM_COUNT = 26
"""Number of WHOQOL-BREF items."""

REVERSED_ITEMS = (3, 4, 26)
"""Negatively phrased items (1-based), scored ``6 - answer``."""


class NegativeItems(enum.Enum):
    """Whether the negatively phrased items Q3, Q4, Q26 arrive as answered or already reversed.

    Every ``negative_items=`` takes the member or its value (``"raw"``,
    ``"pre_reversed"``).

    Attributes
    ----------
    RAW
        The answers as the respondent gave them: Q3, Q4 and Q26 are
        reversed here (``6 - x``), as the WHO manual says. The default.
    PRE_REVERSED
        Q3, Q4 and Q26 are stored already reversed (``6 - x`` done by the
        data system, e.g. the Polish WHOQOL-BREF methodology followed by
        the awell-score package): they are scored as they are, not
        reversed a second time.

    Notes
    -----
    Reversing pre-reversed answers again gives wrong physical and
    psychological scores without any error: in the awell-score test
    fixture the physical domain is 53,57 read as pre-reversed and 75,00
    reversed again. Only the data's provenance can tell which applies.

    References
    ----------
    WHO, WHOQOL-BREF scoring manual (1996), "Reverse 3 negatively phrased
    items: RECODE Q3 Q4 Q26". awell-health/awell-score,
    ``src/scores/whoqol_bref/`` (README: "pre-reversed value scales for
    certain questions (Q3, Q4, Q26)"; test fixture ``random_response``).

    Examples
    --------
    >>> NegativeItems("pre_reversed")
    <NegativeItems.PRE_REVERSED: 'pre_reversed'>
    """

    RAW = "raw"
    PRE_REVERSED = "pre_reversed"

    @property
    def reversed_here(self) -> tuple[int, ...]:
        """The items the scoring reverses: Q3, Q4, Q26 for ``RAW``, none when pre-reversed.

        Examples
        --------
        >>> NegativeItems.RAW.reversed_here, NegativeItems.PRE_REVERSED.reversed_here
        ((3, 4, 26), ())
        """
        return REVERSED_ITEMS if self is NegativeItems.RAW else ()


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


DOMAIN_ITEMS: MappingProxyType[Domain, tuple[int, ...]] = MappingProxyType(
    {
        Domain.PHYSICAL: (3, 4, 10, 15, 16, 17, 18),
        Domain.PSYCHOLOGICAL: (5, 6, 7, 11, 19, 26),
        Domain.SOCIAL: (20, 21, 22),
        Domain.ENVIRONMENT: (8, 9, 12, 13, 14, 23, 24, 25),
    }
)
"""Items of each domain (1-based), WHOQOL-BREF scoring manual (1996); read-only.

Examples
--------
>>> DOMAIN_ITEMS[Domain.SOCIAL]
(20, 21, 22)
"""

_LABELS = MappingProxyType(
    {
        Domain.PHYSICAL: "Fisik",
        Domain.PSYCHOLOGICAL: "Psikologis",
        Domain.SOCIAL: "Sosial",
        Domain.ENVIRONMENT: "Lingkungan",
    }
)
_DOMAINS = tuple(Domain)
_UNSCORED_ITEMS = tuple(
    item
    for item in range(1, ITEM_COUNT + 1)
    if not any(item in items for items in DOMAIN_ITEMS.values())
)


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
        Most missing items allowed in each domain (fewer than its items); a
        whole number, as :func:`sakip.coerce.to_count` reads it.
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
        # Every limit is a count read by sakip.coerce.to_count under its own name: one
        # loop instead of five attrs converters that differ only by the field's name.
        for field in (*(domain.value for domain in _DOMAINS), "max_missing_total"):
            object.__setattr__(self, field, to_count(getattr(self, field), field=field))
        for domain in _DOMAINS:
            limit: int = getattr(self, domain.value)
            size = len(domain.items)
            if not 0 <= limit < size:
                raise InvalidValueError(
                    domain.value,
                    f"must be from 0 to {size - 1} (the domain has {size} items)",
                    limit,
                )
        total = self.max_missing_total
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


# MissingRule's defaults are this rule's limits; they are written once, in the class.
DEFAULT_MISSING_RULE = MissingRule(
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
