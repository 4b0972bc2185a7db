"""sakip: exact SAKIP / LKIP performance-accountability figures for BNN units.

The foundation (exact numbers, rounding policies, band schemes, errors) and
the indicator engine are re-exported here by name; each index formula is a
module in :mod:`sakip.instruments`, also importable as ``from sakip import
ikpa``.

Examples
--------
>>> import sakip
>>> sakip.round_to("99.975", 2, sakip.Rounding.HALF_UP)
Decimal('99.98')
>>> sakip.CAPAIAN_LKIP.classify(50).label
'Kurang'
"""

from sakip import likert
from sakip._version import __version__
from sakip.bands import Band, BandScheme, Gap, GapPolicy, scheme_from_lower_bounds
from sakip.capaian import (
    AchievementArray,
    ClassifyOn,
    Polarity,
    TargetStatus,
    achievement,
    achievement_array,
    classify_achievement,
    target_status,
)
from sakip.errors import (
    AmbiguousNumberError,
    DataSetError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    NumberFormatError,
    OutOfBandError,
    SakipError,
    SchemeError,
)
from sakip.findings import Finding, check_printed
from sakip.indicators import (
    Indicator,
    IndicatorHistory,
    IndicatorResult,
    Objective,
    PerformanceAgreement,
    QuarterAggregation,
    Realization,
    UnitLevel,
    WorkUnit,
    YearRecord,
    aggregate_quarters,
    evaluate,
)
from sakip.instruments import (
    anggaran,
    barang_bukti,
    ikm,
    ikpa,
    kepegawaian,
    kpkk,
    nka,
    tahanan,
    whoqol,
    zona_integritas,
)
from sakip.interop import to_dataframe, to_records
from sakip.numbers import (
    NumberStyle,
    Rounding,
    RoundingPolicy,
    divide,
    exact_sum,
    format_number,
    parse_number,
    percent,
    round_to,
    to_decimal,
)
from sakip.schemes import (
    BUILTIN_SCHEMES,
    CAPAIAN_LKIP,
    DEKTARA_2024,
    DEKTARI_2024,
    IKM_MUTU,
    IKM_MUTU_CONVERTED,
    IKPA_CATEGORY,
    KPKK_LIKERT_4,
    NKA_CATEGORY,
    SAKIP_PREDIKAT,
)
from sakip.summary import (
    Average,
    Summary,
    SummaryComparison,
    UnitCount,
    compare_summaries,
    count_in_categories,
    count_meeting_targets,
    count_meeting_targets_by_group,
    meets_target_array,
    summarize,
)

__all__ = [
    "BUILTIN_SCHEMES",
    "CAPAIAN_LKIP",
    "DEKTARA_2024",
    "DEKTARI_2024",
    "IKM_MUTU",
    "IKM_MUTU_CONVERTED",
    "IKPA_CATEGORY",
    "KPKK_LIKERT_4",
    "NKA_CATEGORY",
    "SAKIP_PREDIKAT",
    "AchievementArray",
    "AmbiguousNumberError",
    "Average",
    "Band",
    "BandScheme",
    "ClassifyOn",
    "DataSetError",
    "Finding",
    "Gap",
    "GapPolicy",
    "Indicator",
    "IndicatorHistory",
    "IndicatorResult",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "NumberFormatError",
    "NumberStyle",
    "Objective",
    "OutOfBandError",
    "PerformanceAgreement",
    "Polarity",
    "QuarterAggregation",
    "Realization",
    "Rounding",
    "RoundingPolicy",
    "SakipError",
    "SchemeError",
    "Summary",
    "SummaryComparison",
    "TargetStatus",
    "UnitCount",
    "UnitLevel",
    "WorkUnit",
    "YearRecord",
    "__version__",
    "achievement",
    "achievement_array",
    "aggregate_quarters",
    "anggaran",
    "barang_bukti",
    "check_printed",
    "classify_achievement",
    "compare_summaries",
    "count_in_categories",
    "count_meeting_targets",
    "count_meeting_targets_by_group",
    "divide",
    "evaluate",
    "exact_sum",
    "format_number",
    "ikm",
    "ikpa",
    "kepegawaian",
    "kpkk",
    "likert",
    "meets_target_array",
    "nka",
    "parse_number",
    "percent",
    "round_to",
    "scheme_from_lower_bounds",
    "summarize",
    "tahanan",
    "target_status",
    "to_dataframe",
    "to_decimal",
    "to_records",
    "whoqol",
    "zona_integritas",
]
