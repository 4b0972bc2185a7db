"""The data-set sections (issue 15, "Sections"): one module each, a registry, typed
results, each formula computed once, and adding a section without touching the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sakip.instruments.anggaran as anggaran
import sakip.instruments.ikpa as ikpa
import sakip.instruments.kepegawaian as kepegawaian
import sakip.instruments.kpkk as kpkk
import sakip.instruments.nka as nka
import sakip.instruments.tahanan as tahanan
import sakip.instruments.whoqol as whoqol
import sakip.instruments.zona_integritas as zona_integritas
from sakip.findings import Finding
from sakip.numbers import Rounding, RoundingPolicy
from sakip.report import sections
from sakip.report.audit import run_audit
from sakip.report.compute import compute_report
from sakip.report.dataset import DataSet, bundled_dataset_path, load_dataset, parse_dataset
from sakip.report.reader import Reader, present
from sakip.report.sections import registry
from sakip.report.sections.base import (
    Feed,
    ParseContext,
    Parsed,
    Section,
    Table,
    Tally,
    check_figure,
    indicator_ref,
)

REPORT = Path(__file__).parents[1] / "src" / "sakip" / "report"


def test_the_registry_lists_every_section_module_once_in_report_order() -> None:
    keys = [section.key for section in registry.SECTIONS]
    modules = sorted(
        p.stem for p in (REPORT / "sections").glob("*.py")
        if p.stem not in {"__init__", "base", "registry"}
    )  # fmt: skip
    assert sorted(keys) == modules
    report = compute_report(load_dataset())
    # The bundled report's instrument tables come in registry order (LKIP 2024 BAB III).
    first = [
        next(i for i, t in enumerate(report.tables) if t.key.startswith(key[:4]))
        for key in keys
        if report.dataset.parsed(next(s for s in registry.SECTIONS if s.key == key))
    ]
    assert first == sorted(first)


def test_typed_results_and_inputs() -> None:
    report = compute_report(load_dataset())
    # LKIP 2024 BAB III A sasaran 10: 22 detainees, none escaped: index 100.
    assert report.result(sections.TAHANAN) == tahanan.score(detainees=22)
    assert report.dataset.section(sections.TAHANAN) is report.dataset.tahanan
    # Sasaran 11: NKA Kotawaringin Barat 99,95 (L1495).
    assert report.result(sections.NKA)["bnnk-kotawaringin-barat"].value == Decimal("99.950")
    assert report.result(sections.IKM) is None and report.dataset.ikm == ()


def test_no_type_ignore_left_in_the_sections_layer() -> None:
    files = [*(REPORT / "sections").glob("*.py")] + [
        REPORT / f"{name}.py" for name in ("dataset", "compute", "audit", "_instrument_sections")
    ]
    assert [str(f) for f in files if "type: ignore" in f.read_text(encoding="utf-8")] == []


# Each instrument's formula, as the section modules call it.
FORMULAS = [
    (tahanan, "score", 1),
    (kpkk, "score", 1),
    (whoqol, "from_counts", 3),  # three units (L820-L822)
    (ikpa, "score", 3),  # three units
    (nka, "score", 2),  # two units
    (zona_integritas, "score", 0),  # once per ranked BNNP (L1719-L1731 and on)
    (zona_integritas, "rank", 1),
    (kepegawaian, "score", 1),
    (anggaran, "reconcile", 1),
]


@pytest.mark.parametrize(("module", "name", "calls"), FORMULAS)
def test_each_formula_runs_once_for_load_report_and_audit(
    module: Any, name: str, calls: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Failed first: the parser validated each input by computing it and compute_report
    # computed it again (twice the calls).
    counted: list[int] = []
    original = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        counted.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    report = compute_report(load_dataset())
    run_audit(report)
    zona = report.dataset.section(sections.ZONA_INTEGRITAS)
    if name == "score" and module is zona_integritas and zona is not None:
        calls = len(zona.ranking)
    assert len(counted) == calls


@attrs.frozen
class Petugas:
    """A toy section: trained officers, their share printed and fed to an indicator."""

    trained: int
    total: int
    indicator: str | None
    printed: Decimal | None


class PetugasSection(Section[Petugas, Decimal]):
    """A section defined outside the package, as docs/report.md shows."""

    key = "petugas"

    def parse(self, reader: Reader, context: ParseContext) -> Parsed[Petugas, Decimal] | None:
        reader.check_keys({"trained", "total", "indicator", "printed"})
        trained = reader.integer("trained", minimum=0)
        total = reader.integer("total", minimum=1)
        indicator = indicator_ref(reader, context.indicator_codes)
        printed = reader.number("printed", required=False, exact=True)
        if not present(trained, total, indicator, printed):
            return None
        data = Petugas(trained, total, indicator, printed)
        result = reader.build(self.compute, data)
        return None if result is None else Parsed(data, result)

    def compute(self, data: Petugas) -> Decimal:
        return Decimal(data.trained) * 100 / Decimal(data.total)

    def tables(self, data: Petugas, result: Decimal, dataset: DataSet) -> list[Table]:
        shown = dataset.policies["capaian"].apply(result)
        return [Table("petugas", "Petugas terlatih", ("Terlatih", "Jumlah", "%"),
                      ((data.trained, data.total, shown),))]  # fmt: skip

    def audit(
        self, data: Petugas, result: Decimal, dataset: DataSet, tally: Tally
    ) -> Iterator[Finding]:
        policy = dataset.policies["capaian"]
        yield from check_figure(tally, "petugas", "%", data.printed, result, policy, "t / n")

    def feeds(self, data: Petugas, result: Decimal, dataset: DataSet) -> Iterator[Feed]:
        if data.indicator is not None:
            policy = RoundingPolicy(2, Rounding.TRUNCATE)
            yield Feed(data.indicator, "petugas", result, policy, "the share trained")


def test_a_new_section_is_one_module_and_one_registry_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "SECTIONS", (*registry.SECTIONS, PetugasSection()))
    text = bundled_dataset_path().read_text(encoding="utf-8")
    import tomllib

    document = tomllib.loads(text)
    # Indicator 7 (trained IBM officers): realised 10 (LKIP 2024 BAB III A, L282).
    document["petugas"] = {"trained": 2, "total": 3, "indicator": "7", "printed": "66.67"}
    report = compute_report(parse_dataset(document))
    assert report.table("petugas").rows == ((2, 3, Decimal("66.66")),)
    assert report.result(PetugasSection()) == Decimal(2) * 100 / 3
    found = [str(f) for f in run_audit(report).findings if f.location.startswith("petugas")]
    assert found == [
        "petugas, %: printed 66.67, computed 66.66 (t / n)",
        "petugas, indikator 7, realisasi: printed 10, computed 66.66 (the share trained)",
    ]
    # Without the registry line the key is unknown, with the usual located problem.
    monkeypatch.setattr(registry, "SECTIONS", registry.SECTIONS[:-1])
    with pytest.raises(Exception, match=re.escape("petugas: is not a field here")):
        parse_dataset(document)


def test_adding_a_section_counts_its_figures_in_the_audit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = run_audit(compute_report(load_dataset())).checked
    monkeypatch.setattr(registry, "SECTIONS", (*registry.SECTIONS, PetugasSection()))
    import tomllib

    document = tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    document["petugas"] = {"trained": 1, "total": 1, "printed": "100"}
    assert run_audit(compute_report(parse_dataset(document))).checked == before + 1


def _nka_document(planning: Decimal, execution: Decimal, realization: Decimal) -> dict[str, Any]:
    indicator = {"code": "14", "name": "Nilai Kinerja Anggaran", "unit_of_measure": "Nilai",
                 "target": "95", "realization": str(realization)}  # fmt: skip
    return {
        "schema": 1,
        "document": {"title": "LKIP", "year": 2024},
        "unit": {"code": "u", "name": "BNNK Contoh", "level": "BNNK"},
        "objectives": [{"code": "S1", "name": "Sasaran", "indicators": [indicator]}],
        "nka": [{"unit": "u", "planning": str(planning), "execution": str(execution),
                 "indicator": "14"}],
    }  # fmt: skip


_COMPONENT = st.decimals(min_value=0, max_value=100, places=2)


@given(_COMPONENT, _COMPONENT, st.integers(min_value=-300, max_value=300))
def test_the_nka_cross_check_reports_exactly_the_realisations_the_rounding_cannot_explain(
    planning: Decimal, execution: Decimal, cents: int
) -> None:
    # The realisation is the NKA as the document displays it (2 places, half up), moved by
    # a number of cents: it is reported exactly when it moved.
    exact = (planning + execution) / 2
    shown = RoundingPolicy(2, Rounding.HALF_UP).apply(exact)
    realization = shown + Decimal(cents) / 100
    assume(realization >= 0)
    result = run_audit(
        compute_report(parse_dataset(_nka_document(planning, execution, realization)))
    )
    crossed = [f for f in result.findings if f.location.endswith("indikator 14, realisasi")]
    assert bool(crossed) == (cents != 0)
    assert result.checked == 1
    if crossed:
        assert crossed[0].computed == shown
