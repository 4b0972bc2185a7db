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

from sakip._version import __version__
from sakip.bands import Band, BandScheme, Gap, GapPolicy, scheme_from_lower_bounds
from sakip.errors import (
    AmbiguousNumberError,
    DataSetError,
    InvalidTypeError,
    InvalidValueError,
    NumberFormatError,
    OutOfBandError,
    SakipError,
    SchemeError,
)
from sakip.numbers import (
    NumberStyle,
    Rounding,
    divide,
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
    "AmbiguousNumberError",
    "Band",
    "BandScheme",
    "DataSetError",
    "Gap",
    "GapPolicy",
    "InvalidTypeError",
    "InvalidValueError",
    "NumberFormatError",
    "NumberStyle",
    "OutOfBandError",
    "Rounding",
    "SakipError",
    "SchemeError",
    "__version__",
    "divide",
    "format_number",
    "parse_number",
    "percent",
    "round_to",
    "scheme_from_lower_bounds",
    "to_decimal",
]
