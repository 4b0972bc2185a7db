"""sakip: exact SAKIP / LKIP performance-accountability figures for BNN units.

The everyday scalar API is named here (``sakip.__all__``, at most 40 names):
exact numbers and rounding, band schemes (the built-in ones in the
:mod:`sakip.schemes` namespace), indicators and capaian, summaries, the ten
instrument modules and the errors. Everything else stays importable from its
own module (``sakip.capaian.achievement_array``, ``sakip.batch.ScoreBatch``,
``sakip.coerce.to_array``, ``sakip.report``...).

Importing :mod:`sakip` loads only its errors and version: every other name
is imported from its module when first used (PEP 562), so a tool that needs
one instrument does not pay for the others, nor for the report layer.

Examples
--------
>>> import sakip
>>> sakip.round_to("99.975", 2, sakip.Rounding.HALF_UP)
Decimal('99.98')
>>> sakip.schemes.CAPAIAN_LKIP.classify(50).label
'Kurang'
>>> sakip.tahanan.score(detainees=22).value
Decimal('100')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sakip._version import __version__
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError

if TYPE_CHECKING:  # pragma: no cover - each name is imported on first use at run time
    import sakip.instruments.anggaran as anggaran
    import sakip.instruments.barang_bukti as barang_bukti
    import sakip.instruments.ikm as ikm
    import sakip.instruments.ikpa as ikpa
    import sakip.instruments.kepegawaian as kepegawaian
    import sakip.instruments.kpkk as kpkk
    import sakip.instruments.nka as nka
    import sakip.instruments.tahanan as tahanan
    import sakip.instruments.whoqol as whoqol
    import sakip.instruments.zona_integritas as zona_integritas
    from sakip import schemes
    from sakip.bands import Band, BandScheme
    from sakip.capaian import Polarity, achievement, classify_achievement
    from sakip.indicators import (
        Indicator,
        Objective,
        PerformanceAgreement,
        Realization,
        WorkUnit,
        evaluate,
    )
    from sakip.interop import to_dataframe, to_records
    from sakip.numbers import (
        Rounding,
        RoundingPolicy,
        format_number,
        parse_number,
        percent,
        round_to,
        to_decimal,
    )
    from sakip.summary import compare_summaries, summarize

__all__ = [
    "Band",
    "BandScheme",
    "Indicator",
    "InvalidTypeError",
    "InvalidValueError",
    "Objective",
    "PerformanceAgreement",
    "Polarity",
    "Realization",
    "Rounding",
    "RoundingPolicy",
    "SakipError",
    "WorkUnit",
    "__version__",
    "achievement",
    "anggaran",
    "barang_bukti",
    "classify_achievement",
    "compare_summaries",
    "evaluate",
    "format_number",
    "ikm",
    "ikpa",
    "kepegawaian",
    "kpkk",
    "nka",
    "parse_number",
    "percent",
    "round_to",
    "schemes",
    "summarize",
    "tahanan",
    "to_dataframe",
    "to_decimal",
    "to_records",
    "whoqol",
    "zona_integritas",
]

_INSTRUMENTS = (
    "anggaran",
    "barang_bukti",
    "ikm",
    "ikpa",
    "kepegawaian",
    "kpkk",
    "nka",
    "tahanan",
    "whoqol",
    "zona_integritas",
)

# Where each lazily loaded name lives: a module (``None``: the name is the module).
_HOMES: dict[str, tuple[str, str | None]] = {
    **{name: (f"sakip.instruments.{name}", None) for name in _INSTRUMENTS},
    "schemes": ("sakip.schemes", None),
    **{name: ("sakip.bands", name) for name in ("Band", "BandScheme")},
    **{
        name: ("sakip.capaian", name)
        for name in ("Polarity", "achievement", "classify_achievement")
    },
    **{
        name: ("sakip.indicators", name)
        for name in (
            "Indicator",
            "Objective",
            "PerformanceAgreement",
            "Realization",
            "WorkUnit",
            "evaluate",
        )
    },
    **{name: ("sakip.interop", name) for name in ("to_dataframe", "to_records")},
    **{
        name: ("sakip.numbers", name)
        for name in (
            "Rounding",
            "RoundingPolicy",
            "format_number",
            "parse_number",
            "percent",
            "round_to",
            "to_decimal",
        )
    },
    **{name: ("sakip.summary", name) for name in ("compare_summaries", "summarize")},
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562), so ``import sakip`` stays light."""
    try:
        module_name, attribute = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module 'sakip' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
