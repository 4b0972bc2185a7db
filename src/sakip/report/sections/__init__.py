"""The sections of an LKIP data set, one module each (see :mod:`.base` and :mod:`.registry`).

Each constant names a section for typed access:
``dataset.section(TAHANAN)`` is the parsed :class:`.tahanan.TahananInput`
(or ``None``), ``report.result(TAHANAN)`` its
:class:`~sakip.instruments.tahanan.TahananResult`.

Examples
--------
>>> from sakip.report.compute import compute_report
>>> from sakip.report.dataset import load_dataset
>>> report = compute_report(load_dataset())
>>> report.result(TAHANAN).value, report.dataset.section(TAHANAN).detainees
(Decimal('100'), 22)
"""

from sakip.report.sections.anggaran import ANGGARAN
from sakip.report.sections.barang_bukti import BARANG_BUKTI
from sakip.report.sections.base import Feed, ParseContext, Parsed, Section, Table, Tally
from sakip.report.sections.ikm import IKM
from sakip.report.sections.ikpa import IKPA
from sakip.report.sections.kepegawaian import KEPEGAWAIAN
from sakip.report.sections.kpkk import KPKK
from sakip.report.sections.nka import NKA
from sakip.report.sections.registry import SECTIONS
from sakip.report.sections.tahanan import TAHANAN
from sakip.report.sections.whoqol import WHOQOL
from sakip.report.sections.zona_integritas import ZONA_INTEGRITAS

__all__ = [
    "ANGGARAN",
    "BARANG_BUKTI",
    "IKM",
    "IKPA",
    "KEPEGAWAIAN",
    "KPKK",
    "NKA",
    "SECTIONS",
    "TAHANAN",
    "WHOQOL",
    "ZONA_INTEGRITAS",
    "Feed",
    "ParseContext",
    "Parsed",
    "Section",
    "Table",
    "Tally",
]
