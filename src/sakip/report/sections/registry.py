"""The data set's sections, in report order: adding a section is one module and one line here.

Examples
--------
>>> [section.key for section in SECTIONS][:3]
['tahanan', 'barang_bukti', 'kpkk']
"""

from __future__ import annotations

from typing import Any

from sakip.report.sections.anggaran import ANGGARAN
from sakip.report.sections.barang_bukti import BARANG_BUKTI
from sakip.report.sections.base import Section
from sakip.report.sections.ikm import IKM
from sakip.report.sections.ikpa import IKPA
from sakip.report.sections.kepegawaian import KEPEGAWAIAN
from sakip.report.sections.kpkk import KPKK
from sakip.report.sections.nka import NKA
from sakip.report.sections.tahanan import TAHANAN
from sakip.report.sections.whoqol import WHOQOL
from sakip.report.sections.zona_integritas import ZONA_INTEGRITAS

__all__ = ["SECTIONS"]

#: Every section, in the order of their tables in the report and of their audit findings.
SECTIONS: tuple[Section[Any, Any], ...] = (
    TAHANAN,
    BARANG_BUKTI,
    KPKK,
    WHOQOL,
    IKPA,
    NKA,
    ANGGARAN,
    KEPEGAWAIAN,
    ZONA_INTEGRITAS,
    IKM,
)
