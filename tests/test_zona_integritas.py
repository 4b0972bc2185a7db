"""Zona Integritas: the TPI table of the report, ranking with ties, category, score_each."""

from __future__ import annotations

import random
from decimal import ROUND_FLOOR, Context, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.bands import Band, BandScheme
from sakip.batch import score_each
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SakipError
from sakip.instruments import zona_integritas
from sakip.instruments.zona_integritas import ZI_PREDIKAT, TieMethod
from sakip.numbers import Rounding, RoundingPolicy

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


def test_score_each_reproduces_the_table() -> None:
    # The components as floats (a spreadsheet column): each goes through str, so
    # BNNP Bali's 49,75 + 36,52 is exactly 86,27, which float addition is not.
    rows = [{"pengungkit": float(p), "hasil": float(h)} for _, _, p, h, _ in TPI_2024]
    batch = score_each(
        zona_integritas.score, rows, policy=RoundingPolicy(2, Rounding.HALF_UP), scheme=ZI_PREDIKAT
    )
    assert batch.decimals() == [Decimal(j) for *_, j in TPI_2024]
    assert 49.75 + 36.52 != 86.27
    # Renstra threshold (unverified): all but the last two are >= 85, Lampung and
    # Sumatera Barat are in [75, 85).
    assert batch.labels() == ["WBBM"] * 9 + ["WBK"] * 2
    ranking = zona_integritas.rank(
        [(u, d) for (_, u, *_), d in zip(TPI_2024, batch.decimals(), strict=True)]
    )
    assert [e.rank for e in ranking.entries] == list(range(1, 12))


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


def test_category_scheme_is_marked_unverified() -> None:
    assert ZI_PREDIKAT.verified is False
    assert "90/2021" in ZI_PREDIKAT.source
    assert [b.label for b in ZI_PREDIKAT.bands] == ["Belum WBK", "WBK", "WBBM"]
    # Renstra BNN 2020-2024 (same section, point 9) counts units with a ZI value of 75.
    assert zona_integritas.score(pengungkit=60, hasil="14.99").category.label == "Belum WBK"
    assert zona_integritas.score(pengungkit=60, hasil=15).category.label == "WBK"
    assert zona_integritas.score(pengungkit=60, hasil=40).category.label == "WBBM"
    with pytest.raises(OutOfBandError):
        ZI_PREDIKAT.classify("100.01")


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
        lambda: zona_integritas.rank({"A": 80}, method="Dense"),
        lambda: zona_integritas.rank({"A": 80}, method="DENSE"),
        lambda: zona_integritas.rank({"A": 80}, method=1),
        lambda: zona_integritas.rank({"A": 80}).rank_of("B"),
        lambda: zona_integritas.rank({"A": float("nan")}),
        lambda: zona_integritas.rank({"A": "-0.01"}),
        lambda: zona_integritas.rank("A85"),
        lambda: zona_integritas.rank(["A85"]),
        lambda: zona_integritas.rank([["A"]]),
        lambda: zona_integritas.rank(85),
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


def test_scheme_is_checked() -> None:
    with pytest.raises(InvalidTypeError, match="scheme"):
        zona_integritas.score(pengungkit=50, hasil=35, scheme="WBBM")  # type: ignore[arg-type]


def test_old_entry_points_are_gone() -> None:
    # 0.1.0: predikat() is the result's category; the numpy paths of a unit-level
    # instrument are replaced by score_each.
    for name in ("predikat", "score_batch", "rank_array"):
        assert not hasattr(zona_integritas, name), name


# --- the instrument contract and the coercion front door (0.1.0) --------------


def test_result_has_its_category_is_hashable_and_rounds() -> None:
    result = zona_integritas.score(pengungkit="49.97", hasil="35.03")
    assert isinstance(result.category, Band)
    assert result.category == ZI_PREDIKAT.bands[2]
    assert hash(result) == hash(zona_integritas.score(pengungkit="49.970", hasil="35.030"))
    assert result.rounded(RoundingPolicy(0, Rounding.TRUNCATE)) == Decimal(85)
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        result.rounded(2)  # type: ignore[arg-type]


def test_category_follows_the_scheme_given() -> None:
    official = BandScheme(
        "hypothetical official table",
        [Band("Belum WBK", 0, 80), Band("WBK", 80, 90), Band("WBBM", 90, 100, upper_closed=True)],
        source="test",
    )
    result = zona_integritas.score(pengungkit="49.97", hasil="35.03", scheme=official)
    assert result.category is not None
    assert result.category.label == "WBK"
    partial = BandScheme("only the top", [Band("WBBM", 85, 100, upper_closed=True)], source="test")
    with pytest.raises(OutOfBandError):
        zona_integritas.score(pengungkit=50, hasil=30, scheme=partial)


def test_tie_method_takes_the_member_or_its_value() -> None:
    # Failed before 0.1.0: method="dense" raised although it is the member's value.
    totals = {"A": "91.94", "B": "85.00", "C": "85", "D": "84.95"}
    assert zona_integritas.rank(totals, method="dense") == zona_integritas.rank(
        totals, method=TieMethod.DENSE
    )
    assert zona_integritas.rank(totals, method="competition").rank_of("D") == 4


def test_pairs_may_be_lists_and_names_are_stripped() -> None:
    ranking = zona_integritas.rank([["A ", 80], (" B", "81")])
    assert [(e.rank, e.unit) for e in ranking.entries] == [(1, "B"), (2, "A")]
    assert ranking.rank_of(" A") == 2
    with pytest.raises(InvalidValueError, match="must not repeat"):
        zona_integritas.rank([("A", 80), ("A ", 81)])


def test_a_str_is_not_a_sequence_of_pairs() -> None:
    with pytest.raises(InvalidTypeError, match="'totals' must be a sequence of values, not a str"):
        zona_integritas.rank("A85")  # type: ignore[arg-type]


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


@given(
    st.lists(totals_, min_size=1, max_size=40),
    st.sampled_from(list(TieMethod)),
    st.sampled_from([str, float, lambda d: d.normalize()]),
)
def test_rank_reads_plain_numbers_as_their_decimals(
    values: list[Decimal], method: TieMethod, form: object
) -> None:
    # Ties are decided on the exact totals, whatever form the caller gives them
    # in: "85.00", 85.0 and Decimal("85") all tie.
    exact = zona_integritas.rank([(f"u{i}", v) for i, v in enumerate(values)], method=method)
    plain = zona_integritas.rank(
        [(f"u{i}", form(v)) for i, v in enumerate(values)],  # type: ignore[operator]
        method=method.value,
    )
    assert [(e.rank, e.unit) for e in plain.entries] == [(e.rank, e.unit) for e in exact.entries]


@given(
    st.lists(st.tuples(pengungkits, hasils), min_size=1, max_size=30),
    st.integers(0, 3),
    st.sampled_from(list(Rounding)),
)
def test_score_each_agrees_with_score(
    pairs: list[tuple[Decimal, Decimal]], places: int, rounding: Rounding
) -> None:
    policy = RoundingPolicy(places, rounding)
    rows = [{"pengungkit": p, "hasil": h} for p, h in pairs]
    batch = score_each(zona_integritas.score, rows, policy=policy, scheme=ZI_PREDIKAT)
    scalar = [zona_integritas.score(**row) for row in rows]
    assert batch.decimals() == [r.rounded(policy) for r in scalar]
    assert batch.categories() == [r.category for r in scalar]


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


@given(pengungkits, hasils, st.integers(1, 3))
def test_result_does_not_depend_on_the_decimal_context(
    pengungkit: Decimal, hasil: Decimal, precision: int
) -> None:
    expected = zona_integritas.score(pengungkit=pengungkit, hasil=hasil)
    with localcontext(Context(prec=precision, rounding=ROUND_FLOOR)):
        got = zona_integritas.score(pengungkit=pengungkit, hasil=hasil)
    assert got == expected
    assert got.category == ZI_PREDIKAT.classify(expected.value)
