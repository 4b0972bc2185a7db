"""Former home of the instrument sections' inputs and readers (now :mod:`sakip.report.sections`).

Kept so that imports of the input classes and of :func:`budget_total` from
here keep working; each section's code lives in its own module of
:mod:`sakip.report.sections`.
"""

from sakip.report.sections.anggaran import BUDGET_TOTAL_LABEL, AnggaranInput, budget_total
from sakip.report.sections.barang_bukti import BarangBuktiInput
from sakip.report.sections.ikpa import IkpaUnitInput
from sakip.report.sections.kepegawaian import KepegawaianInput
from sakip.report.sections.kpkk import KpkkInput
from sakip.report.sections.nka import NkaUnitInput
from sakip.report.sections.tahanan import TahananInput
from sakip.report.sections.whoqol import WhoqolInput, WhoqolUnitInput
from sakip.report.sections.zona_integritas import ZonaIntegritasInput

__all__ = [
    "BUDGET_TOTAL_LABEL",
    "AnggaranInput",
    "BarangBuktiInput",
    "IkpaUnitInput",
    "KepegawaianInput",
    "KpkkInput",
    "NkaUnitInput",
    "TahananInput",
    "WhoqolInput",
    "WhoqolUnitInput",
    "ZonaIntegritasInput",
    "budget_total",
]
