"""WHOQOL-BREF: quality-of-life scoring and the share of clients whose quality of life rose.

The WHOQOL-BREF has 26 items answered 1-5. Items 3, 4 and 26 are phrased
negatively and reversed (``6 - x``), unless the data says they arrive
already reversed (:class:`NegativeItems`); 24 items form four domains (Q1
and Q2, overall quality of life and health, are read separately):

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
domain shares (:func:`score`, a :class:`WhoqolResult`); units are pooled by
adding their counts (:func:`pool`).

One assessment is scored by :func:`score_assessment`; many at once by
:func:`score_batch` (one domain's transformed score per assessment, in the
shared :class:`~sakip.batch.ScoreBatch`, row ``i`` equal to
``score_assessment(items[i]).domain(domain).rounded(policy)``), from the
integer :class:`DomainSums` that :func:`domain_sums` computes once for
every domain and that :func:`score` also takes.

The code lives in three private modules along the instrument's seams (the
items and scoring rules, the scoring of assessments, the improvement
between two assessments); every public name is imported from here.
"""

from __future__ import annotations

from sakip.instruments._whoqol_assessment import (
    AssessmentScore,
    DomainScore,
    DomainSums,
    domain_sums,
    score_assessment,
    score_batch,
)
from sakip.instruments._whoqol_improvement import (
    DomainImprovement,
    WhoqolResult,
    from_counts,
    pool,
    score,
)
from sakip.instruments._whoqol_items import (
    DEFAULT_MISSING_RULE,
    DOMAIN_ITEMS,
    ITEM_COUNT,
    REVERSED_ITEMS,
    SPSS_SYNTAX_RULE,
    Domain,
    MissingRule,
    NegativeItems,
)

__all__ = [
    "DEFAULT_MISSING_RULE",
    "DOMAIN_ITEMS",
    "ITEM_COUNT",
    "REVERSED_ITEMS",
    "SPSS_SYNTAX_RULE",
    "AssessmentScore",
    "Domain",
    "DomainImprovement",
    "DomainScore",
    "DomainSums",
    "MissingRule",
    "NegativeItems",
    "WhoqolResult",
    "domain_sums",
    "from_counts",
    "pool",
    "score",
    "score_assessment",
    "score_batch",
]
