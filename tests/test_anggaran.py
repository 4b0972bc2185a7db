"""Tests of sakip.instruments.anggaran (budget realization and reconciliation)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import score_each
from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.findings import Finding
from sakip.instruments import anggaran
from sakip.instruments.anggaran import (
    Agreement,
    AnggaranResult,
    BlokirTreatment,
    BudgetLine,
    BudgetRealization,
    PrintedRow,
    PrintedTable,
    line_realization,
    reconcile,
    rupiah,
    score,
)
from sakip.numbers import UNBOUNDED, Rounding, RoundingPolicy, percent, round_to

# LKIP BNNP Kalimantan Tengah 2024, BAB III B, "DAFTAR TARGET/REALISASI FISIK DAN KEUANGAN
# ... PER 31 DESEMBER 2024": code, output, Pagu Awal, Blokir, Realisasi, % (SAKTI).
OUTPUTS = [
    ("3236.EBA.994", "Layanan Perkantoran", 4281671000, 0, 4001008445, "93.45"),
    ("3236.EBD.955", "Layanan Manajemen Keuangan", 456000, 0, 456000, "100.00"),
    ("3237.EBC.954", "Layanan Manajemen SDM", 24950000, 0, 24100000, "96.59"),
    ("3238.EBD.952", "Layanan Perencanaan dan Penganggaran", 5280000, 0, 5246175, "99.36"),
    ("3238.EBD.953", "Layanan Pemantauan dan Evaluasi", 8235000, 0, 8235000, "100.00"),
    ("3239.EBA.962", "Layanan Umum", 297938000, 0, 297636694, "99.90"),
    ("3239.EBA.994", "Layanan Perkantoran", 1790989000, 0, 1789418240, "99.91"),
    ("3979.EBA.958", "Layanan Hubungan Masyarakat dan Informasi", 20000000, 0, 20000000, "100.00"),
    ("3247.QDE.002", "Pendampingan Program Ketahanan Keluarga", 40000000, 0, 40000000, "100.00"),
    ("3247.UBB.001", "Advokasi Program Ketahanan Keluarga", 76000000, 0, 76000000, "100.00"),
    ("3248.BDD.001", "Fasilitasi Program Alternatif Development", 70160000, 0, 70062000, "99.86"),
    ("3251.BKA.002", "Laporan Informasi Intelijen", 100000000, 0, 99992864, "99.99"),
    ("3256.BAA.001", "Layanan Rehabilitasi Berkelanjutan", 23660000, 0, 23660000, "100.00"),
    ("3257.QDB.001", "Advokasi Kebijakan Kab/Kota", 211832000, 3290000, 205553420, "97.04"),
    ("3258.BAA.002", "Layanan Asesmen Terpadu", 39825000, 384000, 35430000, "88.96"),
    ("3258.BIA.002", "Layanan Pengawasan Barang Bukti", 22200000, 0, 22200000, "100.00"),
    ("3258.BIB.002", "Layanan Pengawasan Tahanan", 64860000, 0, 64724000, "99.79"),
    ("3259.PDG.001", "Agen Pemulihan yang Dilatih", 25620000, 0, 25620000, "100.00"),
    ("3260.BAA.002", "Layanan Rehabilitasi di BNNP dan BNNK", 99800000, 0, 99769538, "99.97"),
    ("3260.BAA.003", "Layanan SKHPN", 127600000, 0, 127600000, "100.00"),
    (
        "3260.BDB.001",
        "Lembaga Rehabilitasi yang Operasional",
        74153000,
        7600000,
        66553000,
        "89.75",
    ),
    ("3260.QDB.001", "Unit IBM yang Operasional", 89732000, 5250000, 80181800, "89.36"),
    ("5354.BCA.002", "Berkas Perkara Tindak Pidana Narkotika", 346244000, 0, 345786985, "99.87"),
    ("5936.QDB.001", "SMP dan SMU Sederajat", 147320000, 0, 147320000, "100.00"),
]
OUTPUT_TOTAL = (7988525000, 16524000, 7676554161, "96.095")  # JUMLAH row, 3 places


@pytest.mark.parametrize(("code", "label", "pagu", "blokir", "realization", "printed"), OUTPUTS)
def test_output_rows_round_half_up(
    code: str, label: str, pagu: int, blokir: int, realization: int, printed: str
) -> None:
    line = line_realization(pagu=pagu, realization=realization, blokir=blokir)
    assert round_to(line.value, 2, Rounding.HALF_UP) == Decimal(printed)
    assert line.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal(printed)
    assert line.sisa == pagu - realization


def test_output_table_blokir_is_not_realised() -> None:
    # BAB III B rows 14, 15, 21: counting blokir as realised would print 98,59 / 89,93 / 100.
    rows = {code: (p, b, r, pct) for code, _, p, b, r, pct in OUTPUTS}
    for code, expected in [
        ("3257.QDB.001", "98.59"),
        ("3258.BAA.002", "89.93"),
        ("3260.BDB.001", "100.00"),
    ]:
        pagu, blokir, realization, printed = rows[code]
        counted = line_realization(
            pagu=pagu,
            realization=realization,
            blokir=blokir,
            blokir_treatment=BlokirTreatment.REALIZED,
        )
        assert (
            round_to(counted.value, 2, Rounding.HALF_UP) == Decimal(expected) != Decimal(printed)
        )


def test_output_table_total() -> None:
    lines = [
        BudgetLine(label, pagu=p, realization=r, blokir=b, code=code)
        for code, label, p, b, r, _ in OUTPUTS
    ]
    result = score(lines)
    pagu, blokir, realization, printed = OUTPUT_TOTAL
    assert (result.total.pagu, result.total.blokir, result.total.realization) == (
        pagu,
        blokir,
        realization,
    )
    assert result.rounded(RoundingPolicy(3, Rounding.HALF_UP)) == Decimal(printed)
    assert len(result.lines) == 24


# BAB III B, "Untuk realisasi BNN Provinsi Kalimantan Tengah dan jajaran TA.2024".
UNITS = [
    ("BNN Provinsi Kalimantan Tengah", 7988525000, 7675626440, "96.08"),
    ("BNNK Palangka Raya", 1746607000, 1728106059, "98.94"),
    ("BNNK Kotawaringin Barat", 1611961000, 1607121464, "99.70"),
]
UNITS_TOTAL = (11347093000, 11010853963, "97.03")


def test_unit_table() -> None:
    result = score([BudgetLine(label, pagu=p, realization=r) for label, p, r, _ in UNITS])
    for line, (_, _, _, printed) in zip(result.lines, UNITS, strict=True):
        # The rows round half up: 99,6998 -> 99,70 (truncation would give 99,69).
        assert round_to(line.value, 2, Rounding.HALF_UP) == Decimal(printed)
    assert (result.total.pagu, result.total.realization) == UNITS_TOTAL[:2]
    # The total truncates: 97,0368 -> 97,03 (half up would give 97,04).
    assert round_to(result.value, 2, Rounding.TRUNCATE) == Decimal("97.03")
    assert round_to(result.value, 2, Rounding.HALF_UP) == Decimal("97.04")


# BAB III B and BAB IV B, "rekapitulasi anggaran dan realisasi (blokir dimasukkan dalam
# realisasi)": Jenis Belanja, Anggaran, Realisasi, Sisa, Persentase.
SPENDING_ROWS = [
    PrintedRow(
        "Belanja Pegawai",
        pagu=4218311000,
        realization=3770214000,
        sisa=281590276,
        percentage="93.32",
    ),
    PrintedRow(
        "Belanja Barang",
        pagu=3642614000,
        realization=3738905716,
        sisa=31308284,
        percentage="99.14",
    ),
    PrintedRow("Belanja Modal"),  # printed "-"
]
SPENDING_TOTAL = PrintedRow(
    "Jumlah", pagu=7988525000, realization=7675626440, sisa=312898560, percentage="96.08"
)


def _spending(location: str) -> PrintedTable:
    return PrintedTable(location, SPENDING_ROWS, Rounding.HALF_UP, total=SPENDING_TOTAL)


def _expected_spending(location: str) -> list[tuple[str, int | Decimal, int | Decimal | None]]:
    return [
        (f"{location} / Belanja Pegawai / sisa", 281590276, 448097000),
        (f"{location} / Belanja Pegawai / %", Decimal("93.32"), Decimal("89.38")),
        (f"{location} / Belanja Barang / realisasi", 3738905716, 3642614000),
        (f"{location} / Belanja Barang / sisa", 31308284, -96291716),
        (f"{location} / Belanja Barang / %", Decimal("99.14"), Decimal("102.64")),
        (f"{location} / Jumlah / pagu", 7988525000, 7860925000),
        (f"{location} / Jumlah / realisasi", 7675626440, 7509119716),
    ]


def _triples(findings: tuple[Finding, ...]) -> list[tuple[str, object, object]]:
    return [(f.location, f.printed, f.computed) for f in findings]


def test_spending_type_table_does_not_reconcile() -> None:
    # formulas.md section 4: pagu sums to 7.860.925.000 against 7.988.525.000, and Belanja
    # Barang's realisation exceeds its pagu.
    findings = reconcile([_spending("BAB III B, jenis belanja")])
    assert _triples(findings) == _expected_spending("BAB III B, jenis belanja")
    assert findings[5].difference == 127600000  # the pagu of output 3260.BAA.003 (SKHPN)


def test_spending_type_percentages_follow_the_sisa_column() -> None:
    # The printed percentages are (pagu - sisa) / pagu, not realisasi / pagu: the Realisasi
    # column is the one out of line (BAB III B).
    for row in SPENDING_ROWS[:2]:
        assert row.pagu is not None and row.sisa is not None
        implied = percent(row.pagu - row.sisa, row.pagu)
        assert round_to(implied, 2, Rounding.HALF_UP) == row.percentage


def test_unit_table_mixes_roundings() -> None:
    rows = [PrintedRow(label, pagu=p, realization=r, percentage=pct) for label, p, r, pct in UNITS]
    total = PrintedRow(
        "Jumlah", pagu=UNITS_TOTAL[0], realization=UNITS_TOTAL[1], percentage=UNITS_TOTAL[2]
    )
    mixed = PrintedTable(
        "BAB III B, satker", rows, Rounding.HALF_UP, total=total, total_rounding=Rounding.TRUNCATE
    )
    assert reconcile([mixed]) == ()
    half_up = PrintedTable("BAB III B, satker", rows, Rounding.HALF_UP, total=total)
    assert _triples(reconcile([half_up])) == [
        ("BAB III B, satker / Jumlah / %", Decimal("97.03"), Decimal("97.04"))
    ]
    truncate = PrintedTable("BAB III B, satker", rows, Rounding.TRUNCATE, total=total)
    assert _triples(reconcile([truncate])) == [
        ("BAB III B, satker / BNNK Kotawaringin Barat / %", Decimal("99.70"), Decimal("99.69"))
    ]


def _report_tables() -> tuple[list[PrintedTable], list[Agreement]]:
    output_rows = [
        PrintedRow(f"{code} {label}", pagu=p, realization=r, blokir=b or None, percentage=pct)
        for code, label, p, b, r, pct in OUTPUTS
    ]
    pagu, blokir, realization, pct = OUTPUT_TOTAL
    outputs = PrintedTable(
        "BAB III B, output",
        output_rows,
        Rounding.HALF_UP,
        total=PrintedRow(
            "JUMLAH", pagu=pagu, realization=realization, blokir=blokir, percentage=pct
        ),
    )
    text_iii = PrintedTable(
        "BAB III B, teks",
        [],
        Rounding.HALF_UP,
        total=PrintedRow(
            "realisasi",
            pagu=7988525000,
            realization=7675626440,
            blokir=16524000,
            percentage="96.09",
        ),
    )
    text_iv = PrintedTable(
        "BAB IV B, teks",
        [],
        Rounding.HALF_UP,
        total=PrintedRow("realisasi", pagu=7988525000, realization=7675626440, percentage="96.08"),
    )
    # "Perbandingan anggaran pada tahun 2022-2024" (pagu per jenis belanja).
    history = [
        PrintedTable(
            f"BAB III B, perbandingan {year}",
            [
                PrintedRow("Belanja Pegawai", pagu=pegawai),
                PrintedRow("Belanja Barang", pagu=barang),
                PrintedRow("Belanja Modal", pagu=modal),
            ],
            Rounding.HALF_UP,
            total=PrintedRow("Jumlah", pagu=total),
        )
        for year, pegawai, barang, modal, total in [
            (2022, 3463814000, 4203527000, 14000000, 7681314000),
            (2023, 3652592000, 4046136000, 48550000, 7747278000),
            (2024, 4218311000, 3642614000, None, 7988525000),
        ]
    ]
    units = PrintedTable(
        "BAB III B, satker",
        [PrintedRow(label, pagu=p, realization=r, percentage=pct) for label, p, r, pct in UNITS],
        Rounding.HALF_UP,
        total=PrintedRow(
            "Jumlah", pagu=UNITS_TOTAL[0], realization=UNITS_TOTAL[1], percentage=UNITS_TOTAL[2]
        ),
        total_rounding=Rounding.TRUNCATE,
    )
    tables = [
        outputs,
        text_iii,
        _spending("BAB III B, jenis belanja"),
        *history,
        units,
        text_iv,
        _spending("BAB IV B, jenis belanja"),
    ]
    agreements = [
        Agreement(
            "BAB III B, output / JUMLAH / realisasi", realization, "BAB III B, teks", 7675626440
        ),
        Agreement(
            "BAB III B, output / JUMLAH / pagu", pagu, "BAB III B, jenis belanja", 7988525000
        ),
        Agreement("BAB III B, output / JUMLAH / blokir", blokir, "BAB III B, teks", 16524000),
        Agreement(
            "BAB III B, jenis belanja / Jumlah / realisasi",
            7675626440,
            "BAB III B, satker / BNN Provinsi Kalimantan Tengah",
            7675626440,
        ),
    ]
    return tables, agreements


def test_report_reconciliation_lists_every_difference() -> None:
    tables, agreements = _report_tables()
    findings = reconcile(tables, agreements)
    assert _triples(findings) == [
        # BAB III B text: 7.675.626.440 / 7.988.525.000 is 96,08 %, printed 96,09 %.
        ("BAB III B, teks / realisasi / %", Decimal("96.09"), Decimal("96.08")),
        *_expected_spending("BAB III B, jenis belanja"),
        # 2022 column: the parts sum to 7.681.341.000, printed 7.681.314.000.
        ("BAB III B, perbandingan 2022 / Jumlah / pagu", 7681314000, 7681341000),
        ("BAB III B, perbandingan 2024 / Jumlah / pagu", 7988525000, 7860925000),
        *_expected_spending("BAB IV B, jenis belanja"),
        # formulas.md section 4: the output table totals 7.676.554.161, the text 7.675.626.440.
        ("BAB III B, output / JUMLAH / realisasi", 7676554161, 7675626440),
    ]
    assert findings[-1].difference == 927721


def test_reconcile_checks_sisa_with_blokir_realised() -> None:
    row = PrintedRow("x", pagu=100, realization=80, blokir=10, sisa=10, percentage="90")
    realized = PrintedTable(
        "t", [row], Rounding.HALF_UP, blokir_treatment=BlokirTreatment.REALIZED
    )
    assert reconcile([realized]) == ()
    # The enum's value works as well as the member (failed before 0.1.0).
    assert reconcile([PrintedTable("t", [row], "half_up", blokir_treatment="realized")]) == ()
    unspent = PrintedTable("t", [row], Rounding.HALF_UP)
    assert [f.location for f in reconcile([unspent])] == ["t / x / sisa", "t / x / %"]


def test_reconcile_zero_pagu_percentage() -> None:
    table = PrintedTable(
        "t", [PrintedRow("x", pagu=0, realization=0, percentage="0")], Rounding.HALF_UP
    )
    (finding,) = reconcile([table])
    assert finding.computed is None and finding.difference is None


def test_printed_rows_validate() -> None:
    with pytest.raises(InvalidValueError, match="pagu and realization"):
        PrintedRow("x", pagu=100, percentage="90")
    with pytest.raises(InvalidTypeError, match="float"):
        PrintedRow("x", pagu=100, realization=90, percentage=90.0)
    with pytest.raises(InvalidTypeError):
        PrintedRow("x", pagu=100.0, realization=90)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PrintedRow("x", 100, 90)  # type: ignore[misc]  # amounts are keyword-only
    with pytest.raises(InvalidValueError, match="rows or a total"):
        PrintedTable("t", [], Rounding.HALF_UP)
    with pytest.raises(InvalidTypeError):
        reconcile(["not a table"])  # type: ignore[list-item]


# --- amounts and degenerate cases ---------------------------------------------------------


def test_zero_pagu_without_realization_has_no_percentage() -> None:
    # The report prints "-" for Belanja Modal 2024 (no budget, nothing spent).
    line = line_realization(pagu=0, realization=0)
    assert line.value is None and line.sisa == 0
    assert line.rounded(RoundingPolicy(2, Rounding.HALF_UP)) is None
    with pytest.raises(InvalidValueError, match="pagu"):
        line_realization(pagu=0, realization=1)


def test_a_table_without_budget_has_no_result() -> None:
    # AnggaranResult.value is a Decimal (the contract): a table whose pagu sums to 0 raises
    # instead of returning a value of None (changed in 0.1.0).
    with pytest.raises(InvalidValueError, match="'lines' must have a total pagu > 0"):
        score([BudgetLine("Belanja Modal", pagu=0, realization=0)])
    # A "-" line among budgeted lines is fine: its own value is None.
    result = score(
        [
            BudgetLine("Belanja Modal", pagu=0, realization=0),
            BudgetLine("Belanja Barang", pagu=10, realization=5),
        ]
    )
    assert result.lines[0].value is None and result.value == 50


def test_over_pagu_is_computed_and_flagged() -> None:
    # BAB III B: Belanja Barang, realisasi 3.738.905.716 against pagu 3.642.614.000.
    line = line_realization(pagu=3642614000, realization=3738905716)
    assert line.over_pagu and line.sisa == -96291716
    assert round_to(line.value, 2, Rounding.HALF_UP) == Decimal("102.64")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"pagu": 100.0, "realization": 50}, InvalidTypeError),
        ({"pagu": "100", "realization": 50}, InvalidTypeError),
        ({"pagu": Decimal("100.505"), "realization": 50}, InvalidValueError),
        ({"pagu": 100, "realization": -1}, InvalidValueError),
        ({"pagu": 100, "realization": 50, "blokir": 101}, InvalidValueError),
        ({"pagu": True, "realization": 0}, InvalidTypeError),
        ({"pagu": Decimal("NaN"), "realization": 0}, InvalidValueError),
        # The old British spelling and the member's name are not values of the enum.
        ({"pagu": 100, "realization": 50, "blokir_treatment": "realised"}, InvalidValueError),
        ({"pagu": 100, "realization": 50, "blokir_treatment": "REALIZED"}, InvalidValueError),
        ({"pagu": 100, "realization": 50, "blokir_treatment": True}, InvalidValueError),
    ],
)
def test_bad_amounts_raise(kwargs: dict[str, object], error: type[SakipError]) -> None:
    with pytest.raises(error):
        line_realization(**kwargs)  # type: ignore[arg-type]


def test_blokir_treatment_takes_the_member_or_its_value() -> None:
    # Failed before 0.1.0: blokir_treatment="unspent" raised (only the member was accepted).
    line = line_realization(pagu=10, realization=5, blokir=1, blokir_treatment="unspent")
    assert line.counted == 5 and line.blokir_treatment is BlokirTreatment.UNSPENT
    table = score([BudgetLine("x", pagu=10, realization=5, blokir=1)], blokir_treatment="realized")
    assert table.total.counted == 6 and table.total.blokir_treatment is BlokirTreatment.REALIZED
    with pytest.raises(InvalidValueError, match="'blokir_treatment' must be one of"):
        score([BudgetLine("x", pagu=10, realization=5)], blokir_treatment="displayed")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="'rounding' must be one of"):
        PrintedTable("t", [PrintedRow("x")], "plain")  # type: ignore[arg-type]


def test_a_str_is_not_a_sequence_of_lines_rows_or_tables() -> None:
    # Failed before 0.1.0: reconcile([], "") walked the empty str and returned no finding,
    # and PrintedTable("t", "", total=...) took "" as no rows.
    with pytest.raises(InvalidTypeError, match="'agreements' must be a sequence"):
        reconcile([], "")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'tables' must be a sequence"):
        reconcile("tables")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'rows' must be a sequence"):
        PrintedTable("t", "", Rounding.HALF_UP, total=PrintedRow("x"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'lines' must be a sequence"):
        score("lines")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'rows' must hold PrintedRow"):
        PrintedTable("t", [("x", 1, 1)], Rounding.HALF_UP)  # type: ignore[list-item]


def test_results_are_frozen_and_hashable() -> None:
    lines = [BudgetLine(label, pagu=p, realization=r) for label, p, r, _ in UNITS]
    result = score(lines)
    assert isinstance(result, AnggaranResult) and isinstance(result.total, BudgetRealization)
    assert hash(result) == hash(score(lines)) and result.category is None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.value = Decimal(0)  # type: ignore[misc]
    with pytest.raises(InvalidTypeError, match="policy"):
        result.rounded(Rounding.HALF_UP)  # type: ignore[arg-type]


def test_amounts_are_keyword_only() -> None:
    # pagu and realization could be swapped: they are keywords (changed in 0.1.0).
    with pytest.raises(TypeError):
        BudgetLine("x", 100, 90)  # type: ignore[misc]


def test_rupiah_accepts_whole_decimals_and_numpy_integers() -> None:
    assert rupiah(Decimal("7988525000.00")) == 7988525000
    assert rupiah(np.int64(16524000)) == 16524000
    with pytest.raises(InvalidTypeError):
        rupiah(np.float64(1.0))


def test_score_needs_lines() -> None:
    with pytest.raises(InvalidValueError):
        score([])
    with pytest.raises(InvalidTypeError):
        score([(100, 50)])  # type: ignore[list-item]


# --- many tables: the shared generic loop ---------------------------------------------------


def test_score_batch_is_replaced_by_score_each() -> None:
    for name in ("score_batch", "RealisationBatch", "Realisation", "realisation", "BudgetResult"):
        assert not hasattr(anggaran, name), name
    rows = [
        {"lines": [BudgetLine(label, pagu=p, realization=r, blokir=b)]}
        for _, label, p, b, r, _ in OUTPUTS
    ]
    batch = score_each(score, rows, policy=RoundingPolicy(2, Rounding.HALF_UP))
    # BAB III B output table, SAKTI half up.
    assert batch.decimals() == [Decimal(pct) for *_, pct in OUTPUTS]
    assert batch.labels() == [None] * len(OUTPUTS)


# --- properties ---------------------------------------------------------------------------


@st.composite
def budget_lines(draw: st.DrawFn, largest: int = 10**15) -> tuple[int, int, int]:
    pagu = draw(st.integers(1, largest))
    blokir = draw(st.integers(0, pagu))
    realization = draw(st.integers(0, 2 * pagu))
    return pagu, realization, blokir


@given(budget_lines(), st.sampled_from(list(BlokirTreatment)))
def test_percentage_is_exact_for_any_integer_amounts(
    line: tuple[int, int, int], treatment: BlokirTreatment
) -> None:
    pagu, realization, blokir = line
    result = line_realization(
        pagu=pagu, realization=realization, blokir=blokir, blokir_treatment=treatment
    )
    # value x pagu == counted x 100 exactly whenever the quotient terminates; always within
    # one unit of the 60th significant digit otherwise.
    assert result.counted + result.sisa == pagu
    # Products in the unbounded context: the ambient 28 digits would round them first.
    product = UNBOUNDED.multiply(result.value, Decimal(pagu))
    error = abs(UNBOUNDED.subtract(product, Decimal(result.counted * 100)))
    assert error <= UNBOUNDED.multiply(abs(product), Decimal("1e-58"))
    assert result.over_pagu == (result.counted > pagu)


@given(st.lists(budget_lines(), min_size=1, max_size=6))
def test_total_is_the_sum_of_the_lines_and_order_free(lines: list[tuple[int, int, int]]) -> None:
    rows = [
        BudgetLine(f"l{i}", pagu=p, realization=r, blokir=b) for i, (p, r, b) in enumerate(lines)
    ]
    forward, backward = score(rows), score(rows[::-1])
    assert forward.total == backward.total
    assert forward.total.pagu == sum(p for p, _, _ in lines)
    assert forward.total.sisa == sum(line.sisa for line in forward.lines)


def beyond_sen(amount: Decimal) -> bool:
    """Whether a finite Decimal has a non-zero digit after the second decimal (from its digits)."""
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)
    extra = -2 - exponent
    return extra > 0 and any(digits[-extra:])


@given(
    st.one_of(
        st.floats(),
        st.text(max_size=6),
        st.none(),
        st.booleans(),
        st.integers(max_value=-1),
        # Sen (two decimals) are accepted since issue 14; a fraction of a sen is not.
        st.decimals(allow_nan=True).filter(lambda d: not d.is_finite() or d < 0 or beyond_sen(d)),
    )
)
def test_bad_amounts_always_raise(bad: object) -> None:
    with pytest.raises(SakipError):
        line_realization(pagu=bad, realization=0)


def test_a_line_without_a_figure_still_checks_the_policy() -> None:
    # Failed before the shared sakip._result.rounded_under: the None line returned None for any policy.
    line = anggaran.line_realization(pagu=0, realization=0)
    assert line.rounded(RoundingPolicy(2, Rounding.HALF_UP)) is None
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy: 2"):
        line.rounded(2)  # type: ignore[arg-type]


# -- rupiah with sen (issue 14) ---------------------------------------------------------------

# A small APBD-style realization table (constructed; regional budget tables print amounts with
# sen, e.g. "1.234.567.354,53"). By hand:
#   Belanja Pegawai         1.250.000.000,00  1.187.456.321,45  sisa 62.543.678,55
#       1.187.456.321,45 / 1.250.000.000 x 100 = 94,996505716   -> 95,00 half up
#   Belanja Barang dan Jasa   845.320.150,50    790.118.402,75  sisa 55.201.747,75
#       790.118.402,75 / 845.320.150,50 x 100 = 93,46972295...  -> 93,47
#   Belanja Modal             300.000.000,00    287.654.321,80  sisa 12.345.678,20
#       287.654.321,80 / 300.000.000 x 100 = 95,88477393...     -> 95,88
#   Jumlah                  2.395.320.150,50  2.265.229.046,00  sisa 130.091.104,50
#       (0,45 + 0,75 + 0,80 = 2,00: the realization total is whole rupiah)
#       2.265.229.046 / 2.395.320.150,50 x 100 = 94,56894709... -> 94,57
APBD_ROWS = [
    ("Belanja Pegawai", "1.250.000.000,00", "1.187.456.321,45"),
    ("Belanja Barang dan Jasa", "845.320.150,50", "790.118.402,75"),
    ("Belanja Modal", "300.000.000,00", "287.654.321,80"),
]


def test_apbd_table_with_sen() -> None:
    from sakip.numbers import parse_number

    lines = [
        BudgetLine(label, pagu=parse_number(pagu), realization=parse_number(realization))
        for label, pagu, realization in APBD_ROWS
    ]
    assert lines[0].pagu == 1250000000 and type(lines[0].pagu) is int  # ",00" is whole
    assert lines[0].realization == Decimal("1187456321.45")
    result = anggaran.score(lines)
    half_up = RoundingPolicy(2, Rounding.HALF_UP)
    assert [line.rounded(half_up) for line in result.lines] == [
        Decimal("95.00"),
        Decimal("93.47"),
        Decimal("95.88"),
    ]
    assert [line.sisa for line in result.lines] == [
        Decimal("62543678.55"),
        Decimal("55201747.75"),
        Decimal("12345678.20"),
    ]
    assert result.total.pagu == Decimal("2395320150.50")
    assert result.total.realization == 2265229046 and type(result.total.realization) is int
    assert result.total.sisa == Decimal("130091104.50")
    assert result.rounded(half_up) == Decimal("94.57")
    assert result.value == percent(Decimal("2265229046"), Decimal("2395320150.50"))


def test_apbd_table_with_sen_reconciles() -> None:
    from sakip.numbers import parse_number

    rows = [
        PrintedRow(label, pagu=parse_number(p), realization=parse_number(r))
        for label, p, r in APBD_ROWS
    ]
    total = PrintedRow(
        "Jumlah",
        pagu=parse_number("2.395.320.150,50"),
        realization=parse_number("2.265.229.046,00"),
        sisa=parse_number("130.091.104,50"),
        percentage="94.57",
    )
    table = PrintedTable("APBD, belanja", rows, "half_up", total=total)
    assert reconcile([table]) == ()
    # One sen off in the printed sisa is a finding, with the exact amounts.
    wrong = attrs.evolve(total, sisa=Decimal("130091104.49"))
    (finding,) = reconcile([attrs.evolve(table, total=wrong)])
    assert (finding.printed, finding.computed) == (
        Decimal("130091104.49"),
        Decimal("130091104.50"),
    )


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("pagu", {"pagu": Decimal("1234567354.535"), "realization": 1}),
        ("realization", {"pagu": 10, "realization": Decimal("1.001")}),
        ("blokir", {"pagu": 10, "realization": 1, "blokir": Decimal("0.125")}),
    ],
)
def test_three_decimals_are_refused_naming_the_field(
    field: str, kwargs: dict[str, object]
) -> None:
    with pytest.raises(InvalidValueError, match=f"'{field}' must have at most two decimals"):
        line_realization(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=f"'{field}' must have at most two decimals"):
        PrintedRow("x", **kwargs)  # type: ignore[arg-type]


def test_sen_amounts_are_normalised_to_two_places_without_a_context() -> None:
    import decimal

    assert anggaran.rupiah(Decimal("1.5")) == Decimal("1.50")
    assert str(anggaran.rupiah(Decimal("1.5"))) == "1.50"
    assert str(anggaran.rupiah(Decimal("1.50000"))) == "1.50"  # trailing zeros do not count
    assert anggaran.rupiah(Decimal("-0.07"), field="sisa") == Decimal("-0.07")
    assert type(anggaran.rupiah(Decimal("16524000.00"))) is int
    # 40 significant digits: beyond the ambient 28, still exact, even under a tiny context.
    big = Decimal("123456789012345678901234567890123456789.01")
    with decimal.localcontext(decimal.Context(prec=3)):
        assert anggaran.rupiah(big) == big
        line = line_realization(pagu=big, realization=big)
    assert line.sisa == 0 and type(line.sisa) is int and line.value == 100


@given(
    st.lists(
        st.tuples(st.integers(1, 10**13), st.integers(0, 10**13), st.integers(0, 10**12)),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(list(BlokirTreatment)),
)
def test_whole_rupiah_results_are_unchanged(
    rows: list[tuple[int, int, int]], treatment: BlokirTreatment
) -> None:
    # Whole-rupiah input keeps ints everywhere and the integer formulas of 0.1.0; the same
    # amounts written as Decimal("x.00") give the identical result.
    lines = [
        BudgetLine(f"r{i}", pagu=p + b, realization=r, blokir=b)
        for i, (p, r, b) in enumerate(rows)
    ]
    result = anggaran.score(lines, blokir_treatment=treatment)
    for line, (p, r, b) in zip(result.lines, rows, strict=True):
        counted = r + (b if treatment is BlokirTreatment.REALIZED else 0)
        assert (line.pagu, line.realization, line.blokir) == (p + b, r, b)
        assert (line.counted, line.sisa) == (counted, p + b - counted)
        assert all(
            type(v) is int
            for v in (line.pagu, line.realization, line.blokir, line.counted, line.sisa)
        )
        assert line.value == percent(counted, p + b)
    assert all(type(v) is int for v in (result.total.pagu, result.total.sisa))
    as_decimals = [
        BudgetLine(
            f"r{i}",
            pagu=Decimal(f"{p + b}.00"),
            realization=Decimal(f"{r}.00"),
            blokir=Decimal(f"{b}.00"),
        )
        for i, (p, r, b) in enumerate(rows)
    ]
    assert anggaran.score(as_decimals, blokir_treatment=treatment) == result


@given(st.lists(st.tuples(st.integers(1, 10**14), st.integers(0, 10**14)), min_size=1, max_size=6))
def test_sen_amounts_equal_the_same_amounts_counted_in_sen(rows: list[tuple[int, int]]) -> None:
    # Amounts with sen give the percentages of the same amounts counted in sen as integers
    # (a percentage does not depend on the unit), and sisa x 100 is the sisa in sen: no sen
    # is ever lost.
    in_rupiah = [
        BudgetLine(f"r{i}", pagu=Decimal(f"{p}e-2"), realization=Decimal(f"{r}e-2"))
        for i, (p, r) in enumerate(rows)
    ]
    in_sen = [BudgetLine(f"r{i}", pagu=p, realization=r) for i, (p, r) in enumerate(rows)]
    # A quotient that does not terminate carries at least 60 significant digits (more for
    # long operands, so the two may differ beyond the 55th); a terminating one is exact.
    a, b = anggaran.score(in_rupiah), anggaran.score(in_sen)
    for x, y in zip((*a.lines, a.total), (*b.lines, b.total), strict=True):
        assert x.value is not None and y.value is not None
        assert abs(Fraction(x.value) - Fraction(y.value)) <= abs(Fraction(y.value)) / 10**55
        assert UNBOUNDED.multiply(Decimal(x.sisa), Decimal(100)) == y.sisa
    assert a.value == a.total.value
