"""How an LKIP data set is laid out in a workbook: the sheets, their columns, their paths.

One layout serves both directions: :mod:`sakip.report.workbook_template`
writes a data set document (or an empty template) into these sheets and
:mod:`sakip.report.workbook_reader` turns the sheets back into the same
document the TOML parser gets, so every rule of ``docs/dataset.md`` applies
unchanged. The mapping is generic and documented in ``docs/excel-in.md``:

- every sheet has two header rows: an Indonesian heading (row 1) and the
  column's *key* (row 2), the path of the value inside the row's table in
  the TOML format (``printed.capaian``, ``quarters[0]``, ``values.Revisi
  DIPA``); data starts at row 3 and the reader finds columns by key, so
  columns may be moved;
- a sheet of shape ``one`` holds one table (one data row), ``many`` an array
  of tables (one row each), ``list`` the positions of parallel arrays (row
  *n* is position *n*, written ``[#]`` in a key);
- a child sheet names its parent row in a link column (the indicator's
  sasaran code, the budget table's number).
"""

from __future__ import annotations

import enum
import re

import attrs

from sakip import schemes
from sakip.capaian import Polarity
from sakip.indicators import QuarterAggregation, UnitLevel
from sakip.instruments import ikm, ikpa, kepegawaian
from sakip.numbers import Rounding
from sakip.report import answers_csv
from sakip.targets import ZeroTarget

__all__ = [
    "HEADER_ROWS",
    "KINDS",
    "LAYOUT",
    "SHEETS",
    "Column",
    "Sheet",
    "Step",
    "path_text",
    "split_key",
]

#: Row 1 the headings, row 2 the keys; data from row 3.
HEADER_ROWS = 2

Step = str | int
"""One step of a path: a table key, a list position, or ``"#"`` (the row's position)."""

#: The kinds of cell and what the Petunjuk sheet says of each.
KINDS = {
    "text": "teks",
    "int": "bilangan bulat",
    "number": "angka: sel angka, atau teks dengan titik desimal (3.60)",
    "printed": "angka tercetak: teks persis seperti tercetak (102.77); sel angka hanya bilangan bulat",
    "amount": "rupiah: bilangan bulat, atau dengan sen (paling banyak 2 desimal)",
    "bool": "ya / tidak",
    "choice": "pilihan dari daftar",
    "lines": "daftar: satu nilai per baris di dalam sel (Alt+Enter)",
    "link": "kode baris induk",
    "ident": "nomor baris ini (dirujuk lembar lain)",
}

_KEY = re.compile(r"\[([0-9]+|#|\*)\]|\.?([^.\[\]]+)")


@attrs.frozen
class Column:
    """One column of a sheet.

    ``key`` is the path of the value inside the row's table (``printed.capaian``);
    a key ending in ``.*`` holds a mapping with one column per name
    (``values.Revisi DIPA``), one ending in ``[*]`` a list with one column per
    position (``quarters[0]``); ``examples`` are the names or the number of
    positions an empty template shows. A column with ``by`` lives in the
    table above the row's array, keyed by the row's value of ``by``
    (``kepegawaian.printed_fulfilment.<unit>``).

    Examples
    --------
    >>> column = Column("printed.capaian", "Capaian tercetak", "printed")
    >>> column.fixed, column.wildcard
    (True, False)
    """

    key: str
    label: str
    kind: str
    note: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    examples: tuple[str, ...] = ()
    by: str | None = None

    @property
    def wildcard(self) -> bool:
        """Whether the column stands for several columns (``.*`` or ``[*]``)."""
        return self.key.endswith((".*", "[*]"))

    @property
    def fixed(self) -> bool:
        """Whether the column is one column of the sheet."""
        return not self.wildcard

    @property
    def in_document(self) -> bool:
        """Whether the column's value is part of the document (links and row numbers are not)."""
        return self.kind not in {"link", "ident"}

    def headers(self, names: list[str]) -> list[str]:
        """The keys of the concrete columns for ``names`` (mapping keys, or positions as text).

        Examples
        --------
        >>> Column("quarters[*]", "TW", "number").headers(["0", "1"])
        ['quarters[0]', 'quarters[1]']
        >>> Column("staff.*", "Pegawai", "int").headers(["PNS"])
        ['staff.PNS']
        """
        if not self.wildcard:
            return [self.key]
        if self.key.endswith("[*]"):
            return [f"{self.key[:-3]}[{name}]" for name in names]
        return [f"{self.key[:-2]}.{name}" for name in names]

    def match(self, header: str) -> tuple[Step, ...] | None:
        """The path a header of this column stands for, or ``None`` when it is not one.

        Examples
        --------
        >>> Column("values.*", "Nilai", "printed").match("values.Revisi DIPA")
        ('values', 'Revisi DIPA')
        >>> Column("scores[#][*]", "Skor", "int").match("scores[#][3]")
        ('scores', '#', 3)
        >>> Column("code", "Kode", "text").match("name") is None
        True
        """
        if self.fixed:
            return split_key(self.key) if header == self.key else None
        stem = self.key[:-3] if self.key.endswith("[*]") else self.key[:-2]
        if self.key.endswith("[*]"):
            found = re.fullmatch(re.escape(stem) + r"\[([0-9]{1,4})\]", header)
            return (*split_key(stem), int(found.group(1))) if found else None
        prefix = stem + "."
        if header.startswith(prefix) and len(header) > len(prefix):
            return (*split_key(stem), header[len(prefix) :])
        return None


@attrs.frozen
class Sheet:
    """One sheet: its name, the document path of its table(s), its shape and columns.

    ``path`` is absolute, or relative to the parent sheet's row when
    ``parent`` is set; ``link`` is the key of the column naming the parent
    row, whose value is the parent's ``ident`` column.

    Examples
    --------
    >>> SHEETS["Indikator"].parent, SHEETS["Indikator"].link, SHEETS["Sasaran"].ident
    ('Sasaran', 'sasaran', 'code')
    """

    name: str
    path: str
    shape: str
    columns: tuple[Column, ...]
    note: str
    parent: str | None = None
    link: str | None = None
    ident: str | None = None


def split_key(key: str) -> tuple[Step, ...]:
    """A key as path steps.

    Examples
    --------
    >>> split_key("objectives"), split_key("printed.capaian"), split_key("scores[#][2]")
    (('objectives',), ('printed', 'capaian'), ('scores', '#', 2))
    >>> split_key("")
    ()
    """
    steps: list[Step] = []
    for match in _KEY.finditer(key):
        index, name = match.groups()
        if name is not None:
            steps.append(name)
        elif index == "#":
            steps.append("#")
        else:
            steps.append(int(index))
    return tuple(steps)


def path_text(steps: tuple[Step, ...]) -> str:
    """The path as the data set reader names it (``objectives[0].indicators[1].target``).

    Examples
    --------
    >>> path_text(("objectives", 0, "indicators", 1, "printed", "capaian"))
    'objectives[0].indicators[1].printed.capaian'
    """
    text = ""
    for step in steps:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def _names(kind: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in kind)


_POLARITY = _names(Polarity)
_ROUNDING = _names(Rounding)
_YES_NO = ("ya", "tidak")
_LOCATION = Column(
    "location", "Letak dalam dokumen", "text", "Bab, tabel atau baris sumber (boleh kosong)."
)
_UNIT = Column(
    "unit", "Kode unit", "text", "Kode unit dari lembar Dokumen atau Subunit.", required=True
)
_INDICATOR_REF = Column(
    "indicator", "Kode indikator", "text", "Indikator yang realisasinya diukur instrumen ini."
)
_ANSWERS_NOTE = (
    "Nama berkas CSV jawaban mentah SKM, relatif terhadap folder buku kerja ini "
    "(mis. skm-2024.csv di folder yang sama); salin berkas itu ke samping buku kerja. "
    "Diisi sebagai ganti NRR unsur."
)
_DOMAINS = ("physical", "psychological", "social", "environment")
_DOMAIN_NAMES = {
    "physical": "fisik",
    "psychological": "psikologis",
    "social": "sosial",
    "environment": "lingkungan",
    "overall": "keseluruhan",
}


def _printed(key: str, what: str) -> Column:
    return Column(key, f"{what} (tercetak)", "printed", f"{what} seperti tercetak di dokumen.")


def _rounding_columns() -> tuple[Column, ...]:
    kinds = {
        "capaian": "capaian",
        "budget": "persentase anggaran",
        "nka": "NKA",
        "ikpa": "IKPA",
        "survey": "survei (WHOQOL, KPKK)",
        "staffing": "pemenuhan pegawai",
    }
    columns: list[Column] = []
    for key, what in kinds.items():
        columns.append(Column(f"{key}.places", f"Desimal {what}", "int", "Jumlah desimal."))
        columns.append(
            Column(
                f"{key}.rounding", f"Pembulatan {what}", "choice", "Cara membulatkan.", _ROUNDING
            )
        )
    return tuple(columns)


def _budget_columns(prefix: str, label: str) -> tuple[Column, ...]:
    what = {"pagu": "Pagu", "blokir": "Blokir", "realisasi": "Realisasi", "sisa": "Sisa"}
    return (
        Column(f"{prefix}label", f"Uraian{label}", "text", "Uraian baris seperti tercetak."),
        *(
            Column(f"{prefix}{key}", f"{name}{label}", "amount", f"{name} (rupiah) tercetak.")
            for key, name in what.items()
        ),
        Column(
            f"{prefix}percentage",
            f"Persentase{label} (tercetak)",
            "printed",
            "Persen realisasi tercetak.",
        ),
    )


LAYOUT: tuple[Sheet, ...] = (
    Sheet("Dokumen", "", "one", (
        Column("schema", "Versi format", "int", "Selalu 1.", required=True),
        Column("document.title", "Judul dokumen", "text", "Judul LKIP.", required=True),
        Column("document.year", "Tahun", "int", "Tahun anggaran yang dilaporkan.", required=True),
        Column("document.source", "Sumber", "text", "Berkas sumber transkripsi (boleh kosong)."),
        Column("unit.code", "Kode unit", "text", "Kode unit pelapor, mis. bnnk-contoh.", required=True),
        Column("unit.name", "Nama unit", "text", "Nama unit pelapor.", required=True),
        Column("unit.level", "Tingkat unit", "choice", "Tingkat unit pelapor.", _names(UnitLevel), True),
        Column("unit.parent", "Kode unit induk", "text", "Boleh kosong."),
    ), "Dokumen dan unit pelapor: satu baris."),
    Sheet("Pembulatan", "rounding", "one", _rounding_columns(),
          "Cara dokumen menampilkan tiap jenis angka; kosong: bawaan LKIP."),
    Sheet("Subunit", "subunits", "many", (
        Column("code", "Kode unit", "text", "Kode unik subunit.", required=True),
        Column("name", "Nama unit", "text", "Nama subunit.", required=True),
        Column("level", "Tingkat unit", "choice", "Tingkat subunit.", _names(UnitLevel), True),
        Column("parent", "Kode unit induk", "text", "Boleh kosong."),
    ), "Unit di bawah unit pelapor: satu baris per unit."),
    Sheet("Sasaran", "objectives", "many", (
        Column("code", "Kode sasaran", "text", "Kode unik, dirujuk lembar Indikator.", required=True),
        Column("name", "Sasaran kegiatan", "text", "Rumusan sasaran.", required=True),
    ), "Sasaran kegiatan perjanjian kinerja, berurutan.", ident="code"),
    Sheet("Indikator", "indicators", "many", (
        Column("sasaran", "Kode sasaran", "link", "Kode sasaran (lembar Sasaran) indikator ini.", required=True),
        Column("code", "Kode indikator", "text", "Kode unik di seluruh data.", required=True),
        Column("name", "Indikator kinerja", "text", "Rumusan indikator.", required=True),
        Column("unit_of_measure", "Satuan", "text", "Satuan: %, Indeks, Orang, ... (% dibatasi 0-100).", required=True),
        Column("polarity", "Polaritas", "choice", "Kosong: higher_is_better.", _POLARITY),
        Column("target", "Target", "number", "Target; kosongkan bila memakai target rentang."),
        Column("target.low", "Target rentang: bawah", "number", "Batas bawah target rentang."),
        Column("target.high", "Target rentang: atas", "number", "Batas atas target rentang."),
        Column("realization", "Realisasi", "number", "Realisasi tahun ini; boleh kosong bila TW diisi."),
        Column("quarters[*]", "Realisasi TW", "number", "Realisasi triwulan I-IV, berurutan.",
               examples=("0", "1", "2", "3")),
        Column("aggregation", "Agregasi TW", "choice", "Cara TW menjadi realisasi tahunan.",
               _names(QuarterAggregation)),
        Column("cap", "Batas atas capaian", "number", "Capaian tertinggi (boleh kosong)."),
        Column("zero_target", "Target nol", "choice", "Bila target 0; kosong: raise (ditolak).",
               _names(ZeroTarget)),
        Column("bounds.low", "Batas bawah realisasi", "number", "Boleh kosong."),
        Column("bounds.high", "Batas atas realisasi", "number", "Boleh kosong."),
        Column("national_target", "Target nasional", "number", "Boleh kosong."),
        _printed("printed.capaian", "Capaian"),
        Column("printed.category", "Kategori (tercetak)", "text", "Kategori capaian seperti tercetak."),
        _LOCATION,
        Column("count.rule", "Hitungan: aturan", "choice", "Realisasi menghitung unit.",
               ("meets_target", "in_categories")),
        Column("count.units", "Hitungan: unit", "lines", "Kode unit yang dihitung."),
        Column("count.scheme", "Hitungan: skema", "choice", "Skema kategori (in_categories).",
               tuple(name for name in schemes.__all__ if name != "BUILTIN_SCHEMES")),
        Column("count.categories", "Hitungan: kategori", "lines", "Kategori yang dihitung."),
    ), "Indikator kinerja: satu baris per indikator, urut per sasaran.", "Sasaran", "sasaran", "code"),
    Sheet("Indikator per Unit", "units", "many", (
        Column("indikator", "Kode indikator", "link", "Kode indikator (lembar Indikator).", required=True),
        _UNIT,
        Column("target", "Target", "number", "Target unit (boleh kosong)."),
        Column("realization", "Realisasi", "number", "Realisasi unit.", required=True),
        _printed("printed_capaian", "Capaian"),
        Column("printed_category", "Kategori (tercetak)", "text", "Kategori seperti tercetak."),
        _LOCATION,
    ), "Rincian indikator per unit.", "Indikator", "indikator"),
    Sheet("Riwayat Indikator", "history", "many", (
        Column("indikator", "Kode indikator", "link", "Kode indikator (lembar Indikator).", required=True),
        Column("year", "Tahun", "int", "Tahun (tidak melewati tahun dokumen).", required=True),
        Column("target", "Target", "number", "Boleh kosong."),
        Column("realization", "Realisasi", "number", "Boleh kosong."),
        Column("comparable", "Dapat dibandingkan", "bool", "tidak: definisi berubah; kosong: ya.", _YES_NO),
        Column("national_target", "Target nasional", "number", "Boleh kosong."),
        _printed("printed_capaian", "Capaian"),
    ), "Capaian tahun-tahun sebelumnya per indikator.", "Indikator", "indikator"),
    Sheet("Ringkasan", "summary", "one", (
        _LOCATION,
        _printed("mean", "Rata-rata capaian"),
        Column("above", "Di atas target", "int", "Jumlah indikator tercetak."),
        Column("at", "Sesuai target", "int", "Jumlah indikator tercetak."),
        Column("below", "Di bawah target", "int", "Jumlah indikator tercetak."),
        Column("claims_more_above", "Klaim lebih banyak di atas target", "bool",
               "Teks menyatakan lebih banyak indikator melampaui target dari tahun lalu.", _YES_NO),
        Column("previous.year", "Tahun sebelumnya", "int", "Tahun pembanding."),
        Column("previous.above", "Tahun sebelumnya: di atas", "int", ""),
        Column("previous.at", "Tahun sebelumnya: sesuai", "int", ""),
        Column("previous.below", "Tahun sebelumnya: di bawah", "int", ""),
    ), "Angka ringkasan tercetak (boleh kosong)."),
    Sheet("Anggaran Tabel", "anggaran.tables", "many", (
        Column("no", "No tabel", "ident", "Nomor tabel, dirujuk lembar Anggaran Baris.", required=True),
        Column("location", "Letak tabel", "text", "Tabel di dokumen.", required=True),
        Column("rounding", "Pembulatan", "choice", "Pembulatan persentase baris.", _ROUNDING, True),
        Column("total_rounding", "Pembulatan jumlah", "choice", "Boleh kosong.", _ROUNDING),
        Column("blokir_treatment", "Perlakuan blokir", "choice", "Kosong: unspent.", ("unspent", "realised")),
        _INDICATOR_REF,
        *_budget_columns("total.", " jumlah"),
    ), "Tabel anggaran (SAKTI): satu baris per tabel dengan baris jumlahnya.", ident="no"),
    Sheet("Anggaran Baris", "rows", "many", (
        Column("tabel", "No tabel", "link", "No tabel (lembar Anggaran Tabel).", required=True),
        *_budget_columns("", ""),
    ), "Baris tabel anggaran.", "Anggaran Tabel", "tabel"),
    Sheet("Anggaran Kesesuaian", "anggaran.agreements", "many", (
        Column("location", "Letak angka", "text", "Letak angka pertama.", required=True),
        _printed("printed", "Angka"),
        Column("other_location", "Letak angka pembanding", "text", "Letak angka kedua.", required=True),
        _printed("other", "Angka pembanding"),
    ), "Dua angka anggaran di dokumen yang harus sama."),
    Sheet("IKM", "ikm", "many", (
        _UNIT, _LOCATION, _INDICATOR_REF,
        Column("respondents", "Responden", "int",
               "Jumlah responden; dengan berkas jawaban boleh kosong (bila diisi, harus sama)."),
        Column("nrr[*]", "NRR unsur", "printed",
               "NRR per unsur U1-U9 seperti tercetak; kosongkan bila memakai berkas jawaban.",
               examples=tuple(str(i) for i in range(9))),
        Column("answers", "Berkas jawaban SKM (CSV)", "text", _ANSWERS_NOTE),
        Column("semester", "Semester", "text",
               "Semester jawaban yang dihitung (1, 2, ...); kosong: setahun, semester digabung "
               "menurut jumlah responden. Hanya dengan berkas jawaban."),
        Column("dialect", "Dialek CSV", "choice",
               "excel-id: pemisah ; dan koma desimal; plain: pemisah , dan titik desimal; "
               "kosong: dikenali dari berkas. Hanya dengan berkas jawaban.",
               _names(answers_csv.Dialect)),
        Column("columns", "Kolom unsur", "lines",
               "Nama kolom unsur di baris judul CSV, satu per baris; kosong: U1-U9. "
               "Hanya dengan berkas jawaban."),
        Column("weights", "Bobot NRR", "choice", "Kosong: exact (1/9).", _names(ikm.IkmWeighting)),
        _printed("printed.index", "Indeks"),
        _printed("printed.converted", "Nilai konversi"),
    ), "Survei Kepuasan Masyarakat per unit (dan semester): NRR tercetak, atau berkas jawaban."),
    Sheet("Tahanan", "tahanan", "one", (
        _LOCATION, _INDICATOR_REF,
        Column("detainees", "Tahanan", "int", "Jumlah tahanan."),
        Column("escapes", "Melarikan diri", "int", ""),
        Column("serious_fights", "Perkelahian berat", "int", ""),
        Column("negligent_deaths", "Meninggal karena kelalaian", "int", ""),
        _printed("printed_value", "Nilai"),
    ), "Nilai keamanan, ketertiban dan kesehatan tahanan."),
    Sheet("Barang Bukti", "barang_bukti", "one", (
        _LOCATION, _INDICATOR_REF, _printed("printed_value", "Nilai"),
    ), "Nilai keamanan barang bukti; rinciannya di lembar Barang Bukti Rincian."),
    Sheet("Barang Bukti Rincian", "barang_bukti.ledger", "many", (
        Column("type", "Jenis", "text", "Jenis barang bukti.", required=True),
        Column("unit", "Satuan", "text", "gram, butir, ...", required=True),
        Column("received", "Diterima", "number", "", required=True),
        Column("destroyed", "Dimusnahkan", "number", "", required=True),
        Column("remaining", "Sisa", "number", "", required=True),
        Column("used", "Dipakai", "number", "Boleh kosong."),
    ), "Buku barang bukti: satu baris per jenis."),
    Sheet("Barang Bukti Pasangan", "barang_bukti.pairs", "many", (
        Column("case", "Perkara", "text", "Nomor atau nama perkara.", required=True),
        Column("type", "Jenis", "text", "Jenis barang bukti.", required=True),
        Column("unit", "Satuan", "text", "gram, butir, ...", required=True),
        Column("received", "Dititipkan (BA penitipan)", "number", "", required=True),
        Column("released", "Dikeluarkan (BA pengeluaran)", "number", "", required=True),
    ), "Pasangan BA penitipan dan BA pengeluaran: satu baris per barang bukti."),
    Sheet("KPKK", "kpkk", "one", (
        _LOCATION, _INDICATOR_REF,
        _printed("printed.overall_mean", "Rata-rata keseluruhan"),
        Column("printed.overall_category", "Kategori keseluruhan (tercetak)", "text", ""),
        Column("printed.respondents_per_category.*", "Responden per kategori (tercetak)", "int",
               "Satu kolom per kategori.", examples=schemes.KPKK_LIKERT_4.labels),
    ), "KPKK: angka keseluruhan; aspek dan responden di dua lembar berikut."),
    Sheet("KPKK Aspek", "kpkk", "list", (
        Column("aspects[#]", "Aspek", "text", "Nama aspek, berurutan.", required=True),
        Column("printed.aspect_sums[#]", "Jumlah (tercetak)", "int", ""),
        _printed("printed.aspect_means[#]", "Rata-rata"),
        Column("printed.aspect_categories[#]", "Kategori (tercetak)", "text", ""),
    ), "Satu baris per aspek KPKK."),
    Sheet("KPKK Responden", "kpkk", "list", (
        Column("scores[#][*]", "Skor aspek", "int", "Skor 1-4 tiap aspek, urut seperti lembar KPKK Aspek.",
               examples=tuple(str(i) for i in range(10))),
        Column("printed.respondent_totals[#]", "Jumlah (tercetak)", "int", ""),
        _printed("printed.respondent_means[#]", "Rata-rata"),
        Column("printed.respondent_categories[#]", "Kategori (tercetak)", "text", ""),
    ), "Satu baris per responden KPKK."),
    Sheet("WHOQOL", "whoqol", "one", (
        _LOCATION, _INDICATOR_REF,
        *(_printed(f"printed_pooled.{d}", f"Provinsi {n}") for d, n in _DOMAIN_NAMES.items()),
    ), "WHOQOL-BREF: angka gabungan; per unit di lembar WHOQOL Unit."),
    Sheet("WHOQOL Unit", "whoqol.units", "many", (
        _UNIT,
        Column("clients", "Klien", "int", "Klien yang dinilai.", required=True),
        *(Column(f"improved.{d}", f"Membaik {_DOMAIN_NAMES[d]}", "int", "Klien yang skornya naik.",
                 required=True) for d in _DOMAINS),
        *(_printed(f"printed.{d}", f"Persen {n}") for d, n in _DOMAIN_NAMES.items()),
    ), "WHOQOL-BREF per unit."),
    Sheet("IKPA", "ikpa", "many", (
        _UNIT, _LOCATION, _INDICATOR_REF,
        Column("year", "Tahun aturan", "int", "Tahun aturan IKPA.", required=True),
        Column("dispensasi", "Dispensasi", "number", "Kosong: 0."),
        Column("target", "Target", "number", "Boleh kosong."),
        Column("values.*", "Nilai", "printed", "Nilai per indikator IKPA, atau n/a.",
               examples=ikpa.rules_for_year(2024).names),
        Column("weights.*", "Bobot", "int", "Bobot tercetak (boleh kosong).",
               examples=ikpa.rules_for_year(2024).names),
        _printed("printed.total", "Total"),
        _printed("printed.conversion", "Konversi"),
        _printed("printed.value", "Nilai akhir"),
    ), "IKPA (OMSPAN) per unit."),
    Sheet("NKA", "nka", "many", (
        _UNIT, _LOCATION, _INDICATOR_REF,
        Column("planning", "Perencanaan", "number", "", required=True),
        Column("execution", "Pelaksanaan", "number", "", required=True),
        Column("target", "Target", "number", "Boleh kosong."),
        _printed("printed.value", "NKA"),
        _printed("printed.capaian", "Capaian"),
    ), "Nilai Kinerja Anggaran (SMART) per unit."),
    Sheet("Kepegawaian", "kepegawaian", "one", (
        _LOCATION,
        Column("printed_total", "Jumlah pegawai (tercetak)", "int", ""),
        Column("text_total", "Jumlah pegawai di teks", "int", ""),
        Column("text_location", "Letak teks", "text", ""),
    ), "Kepegawaian: angka tercetak; per unit di lembar Kepegawaian Unit."),
    Sheet("Kepegawaian Unit", "kepegawaian.units", "many", (
        _UNIT,
        Column("required", "Kebutuhan (DSP)", "int", "", required=True),
        Column("staff.*", "Pegawai", "int", "Jumlah per status.", examples=_names(kepegawaian.EmploymentStatus)),
        Column("printed_fulfilment", "Pemenuhan % (tercetak)", "printed", "Boleh kosong.", by="unit"),
    ), "Pegawai per unit dan status."),
    Sheet("Zona Integritas", "zona_integritas", "one", (
        _LOCATION,
        Column("unit", "Nama unit di peringkat", "text", "Nama unit ini di lembar peringkat."),
        _INDICATOR_REF,
    ), "Zona Integritas; peringkat di lembar berikut."),
    Sheet("Zona Integritas Peringkat", "zona_integritas.ranking", "many", (
        Column("unit", "Nama unit", "text", "", required=True),
        Column("pengungkit", "Pengungkit", "number", "", required=True),
        Column("hasil", "Hasil", "number", "", required=True),
        _printed("printed_total", "Total"),
        Column("printed_rank", "Peringkat (tercetak)", "int", ""),
    ), "Peringkat Zona Integritas."),
)  # fmt: skip

#: The sheets by name.
SHEETS = {sheet.name: sheet for sheet in LAYOUT}
