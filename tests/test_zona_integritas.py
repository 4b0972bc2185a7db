"""Zona Integritas: the TPI table of the report, ranking with ties, predikat, batch."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import InvalidTypeError, InvalidValueError, OutOfBandError, SakipError
from sakip.exact_array import scaled_to_decimals
from sakip.instruments import zona_integritas
from sakip.instruments.zona_integritas import ZI_PREDIKAT, TieMethod

# LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 13 (indikator 18),
# "3. Hasil Pengukuran": lampiran of Surat Inspektur Utama BNN
# B/658/XII/IR/IR.04.05/2024/INS (spec lines 1719-1731), transcribed exactly:
# (No., Nama Satuan Kerja, Pengungkit, Hasil, Jumlah).
TPI_2024 = [
    (1, "BNNP Daerah Istimewa Yogyakarta", "55.51", "36.43", "91.94"),
    (2, "BNNP Jawa Timur", "53.21", "34.98", "88.19"),
    (3, "BNNP Nusa Tenggara Barat", "51.47", "36.59", "88.06"),
    (4, "BNNP Sumatera Selatan", "51.24", "36.26", "87.50"),
    (5, "BNNP Sulawesi Selatan", "49.82", "36.90", "86.72"),
    (6, "BNNP Jawa Tengah", "51.31", "34.97", "86.28"),
    (7, "BNNP Bali", "49.75", "36.52", "86.27"),
    (8, "BNNP Kalimantan Selatan", "50.66", "34.86", "85.52"),
    (9, "BNNP Kalimantan Tengah", "49.97", "35.03", "85.00"),
    (10, "BNNP Lampung", "50.42", "34.53", "84.95"),
    (11, "BNNP Sumatera Barat", "51.49", "31.83", "83.32"),
]


@pytest.mark.parametrize(("no", "unit", "pengungkit", "hasil", "jumlah"), TPI_2024)
def test_tpi_totals(no: int, unit: str, pengungkit: str, hasil: str, jumlah: str) -> None:
    result = zona_integritas.score(pengungkit=pengungkit, hasil=hasil)
    assert result.value == Decimal(jumlah), unit
    assert (result.pengungkit, result.hasil) == (Decimal(pengungkit), Decimal(hasil))


def test_kalimantan_tengah_is_ninth_of_eleven() -> None:
    # Same section, point 9: "berada di peringkat ke-9"; the table numbers it 9 of 11.
    totals = {
        unit: zona_integritas.score(pengungkit=p, hasil=h).value for _, unit, p, h, _ in TPI_2024
    }
    ranking = zona_integritas.rank(totals)
    assert ranking.size == 11
    assert ranking.rank_of("BNNP Kalimantan Tengah") == 9
    assert [(e.rank, e.unit) for e in ranking.entries] == [(no, u) for no, u, *_ in TPI_2024]


def test_report_value_and_target() -> None:
    # BAB III A sasaran 13: realisasi 85 against target 85; 2023 realisasi 83,56.
    assert zona_integritas.score(pengungkit="49.97", hasil="35.03").value == 85


def test_batch_reproduces_the_table() -> None:
    pengungkit = np.array([float(p) for _, _, p, _, _ in TPI_2024])
    hasil = np.array([float(h) for _, _, _, h, _ in TPI_2024])
    totals = zona_integritas.score_batch(pengungkit=pengungkit, hasil=hasil)
    assert scaled_to_decimals(totals, 2) == [Decimal(j) for *_, j in TPI_2024]
    # Floats alone would not: BNNP Bali's 49,75 + 36,52 is not 86.27 in binary.
    assert 49.75 + 36.52 != 86.27
    assert zona_integritas.rank_array(totals, places=2).tolist() == list(range(1, 12))


def test_ties_competition_and_dense() -> None:
    # Two units tied with Kalimantan Tengah's 85,00 (hypothetical, same table otherwise).
    totals = [(u, j) for _, u, _, _, j in TPI_2024] + [("BNNP Tie", "85")]
    competition = zona_integritas.rank(totals)
    dense = zona_integritas.rank(totals, method=TieMethod.DENSE)
    assert competition.rank_of("BNNP Kalimantan Tengah") == competition.rank_of("BNNP Tie") == 9
    assert competition.rank_of("BNNP Lampung") == 11
    assert dense.rank_of("BNNP Lampung") == 10
    tied = [e.unit for e in competition.entries if e.rank == 9]
    assert tied == ["BNNP Kalimantan Tengah", "BNNP Tie"]  # input order within a tie


def test_predikat_scheme_is_marked_unverified() -> None:
    assert ZI_PREDIKAT.verified is False
    assert "90/2021" in ZI_PREDIKAT.source
    assert [b.label for b in ZI_PREDIKAT.bands] == ["Belum WBK", "WBK", "WBBM"]
    # Renstra BNN 2020-2024 (same section, point 9) counts units with a ZI value of 75.
    assert zona_integritas.predikat("74.99").label == "Belum WBK"
    assert zona_integritas.predikat(75).label == "WBK"
    assert zona_integritas.predikat(100).label == "WBBM"
    with pytest.raises(OutOfBandError):
        zona_integritas.predikat("100.01")


@pytest.mark.parametrize(
    "make",
    [
        lambda: zona_integritas.score(pengungkit="60.01", hasil=0),
        lambda: zona_integritas.score(pengungkit=0, hasil="40.01"),
        lambda: zona_integritas.score(pengungkit=-1, hasil=0),
        lambda: zona_integritas.score(pengungkit="49,97", hasil="35.03"),
        lambda: zona_integritas.score(pengungkit=None, hasil=1),
        lambda: zona_integritas.rank({}),
        lambda: zona_integritas.rank({"A": 101}),
        lambda: zona_integritas.rank([("A", 80), ("A", 81)]),
        lambda: zona_integritas.rank([("A", 80, 1)]),
        lambda: zona_integritas.rank([(1, 80)]),
        lambda: zona_integritas.rank({"A": 80}, method="dense"),
        lambda: zona_integritas.rank({"A": 80}).rank_of("B"),
        lambda: zona_integritas.rank_array([]),
        lambda: zona_integritas.rank_array([[80.0]]),
        lambda: zona_integritas.rank_array([np.nan]),
        lambda: zona_integritas.rank_array([-1.0]),
        lambda: zona_integritas.rank_array(["80"]),
        lambda: zona_integritas.rank_array([8500]),
        lambda: zona_integritas.rank_array([85], places=-1),
        lambda: zona_integritas.score_batch(pengungkit=[61.0], hasil=[0.0]),
        lambda: zona_integritas.score_batch(pengungkit=[50.0], hasil=[40.5]),
        lambda: zona_integritas.score_batch(pengungkit=[49.975], hasil=[35.0]),
    ],
)
def test_bad_input_raises(make: object) -> None:
    with pytest.raises(SakipError):
        make()  # type: ignore[operator]


def test_total_keeps_every_digit() -> None:
    # 62 significant digits: a 60-digit (or the ambient 28-digit) addition would round.
    pengungkit = Decimal("49." + "9" * 59 + "7")
    total = zona_integritas.score(pengungkit=pengungkit, hasil="35.03").value
    assert Fraction(total) == Fraction(pengungkit) + Fraction("35.03")
    assert str(total) == "85.02" + "9" * 57 + "7"


def test_predikat_scheme_and_batch_places_are_checked() -> None:
    with pytest.raises(InvalidTypeError, match="scheme"):
        zona_integritas.predikat(85, scheme="WBBM")  # type: ignore[arg-type]
    for places in (-1, True, 2.0):
        with pytest.raises(SakipError, match="places"):
            zona_integritas.score_batch(pengungkit=[50.0], hasil=[35.0], places=places)  # type: ignore[arg-type]


def test_swapped_components_are_caught() -> None:
    with pytest.raises(InvalidValueError, match="'hasil'"):
        zona_integritas.score(pengungkit="35.03", hasil="49.97")


# --- properties ---------------------------------------------------------------

pengungkits = st.integers(0, 6000).map(lambda n: Decimal(n).scaleb(-2))
hasils = st.integers(0, 4000).map(lambda n: Decimal(n).scaleb(-2))
totals_ = st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-2))


@given(pengungkits, hasils)
def test_total_is_the_exact_sum_within_0_100(pengungkit: Decimal, hasil: Decimal) -> None:
    value = zona_integritas.score(pengungkit=pengungkit, hasil=hasil).value
    assert value - pengungkit == hasil
    assert Decimal(0) <= value <= Decimal(100)


@given(st.lists(totals_, min_size=1, max_size=40), st.sampled_from(list(TieMethod)))
def test_rank_definitions(values: list[Decimal], method: TieMethod) -> None:
    ranking = zona_integritas.rank([(f"u{i}", v) for i, v in enumerate(values)], method=method)
    distinct = sorted(set(values), reverse=True)
    for entry in ranking.entries:
        higher = sum(1 for v in values if v > entry.total)
        expected = (
            1 + higher if method is TieMethod.COMPETITION else 1 + distinct.index(entry.total)
        )
        assert entry.rank == expected
    ranks = [e.rank for e in ranking.entries]
    assert ranks == sorted(ranks)
    assert ranks[0] == 1
    assert max(ranks) <= len(values)
    if method is TieMethod.DENSE:
        assert max(ranks) == len(distinct)


@given(st.lists(totals_, min_size=1, max_size=40), st.randoms())
def test_rank_is_order_invariant(values: list[Decimal], rng: random.Random) -> None:
    items = [(f"u{i}", v) for i, v in enumerate(values)]
    shuffled = list(items)
    rng.shuffle(shuffled)
    first = zona_integritas.rank(items)
    second = zona_integritas.rank(shuffled)
    assert {e.unit: e.rank for e in first.entries} == {e.unit: e.rank for e in second.entries}


@given(st.lists(totals_, min_size=1, max_size=40), st.sampled_from(list(TieMethod)))
def test_rank_array_agrees_with_rank(values: list[Decimal], method: TieMethod) -> None:
    ranking = zona_integritas.rank([(f"u{i}", v) for i, v in enumerate(values)], method=method)
    by_unit = {e.unit: e.rank for e in ranking.entries}
    floats = np.array([float(v) for v in values])
    scaled = np.array([int(v * 100) for v in values], dtype=np.int64)
    expected = [by_unit[f"u{i}"] for i in range(len(values))]
    assert zona_integritas.rank_array(floats, method=method).tolist() == expected
    assert zona_integritas.rank_array(scaled, method=method, places=2).tolist() == expected


@given(st.lists(st.tuples(pengungkits, hasils), min_size=1, max_size=30))
def test_batch_agrees_with_scalar(pairs: list[tuple[Decimal, Decimal]]) -> None:
    got = zona_integritas.score_batch(
        pengungkit=np.array([float(p) for p, _ in pairs]),
        hasil=np.array([float(h) for _, h in pairs]),
    )
    assert scaled_to_decimals(got, 2) == [
        zona_integritas.score(pengungkit=p, hasil=h).value for p, h in pairs
    ]


@given(
    st.integers(6001, 10**6).map(lambda n: Decimal(n).scaleb(-2))
    | st.integers(-(10**6), -1).map(lambda n: Decimal(n).scaleb(-2)),
    hasils,
)
def test_out_of_range_components_always_raise(bad: Decimal, hasil: Decimal) -> None:
    with pytest.raises(SakipError):
        zona_integritas.score(pengungkit=bad, hasil=hasil)
    if not Decimal(0) <= bad <= Decimal(40):
        with pytest.raises(SakipError):
            zona_integritas.score(pengungkit=hasil, hasil=bad)
