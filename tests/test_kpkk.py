"""Tests of sakip.instruments.kpkk against the LKIP 2024 KPKK table and by properties."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.batch import ScoreBatch
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError, SakipError
from sakip.instruments import kpkk
from sakip.likert import LIKERT_1_4, LIKERT_1_5, MissingPolicy, score_matrix
from sakip.numbers import Rounding, RoundingPolicy, round_to
from sakip.schemes import KPKK_LIKERT_4

# LKIP BNNP Kalimantan Tengah 2024, BAB III A, sasaran 4, "Hasil perhitungan kuesioner
# penilaian program dan kegiatan kewirausahaan" (Kelurahan Baamang Barat): 15 respondents
# x 10 aspects, transcribed cell by cell; the last three columns are the printed Total,
# Rata-rata and Kategori of each respondent.
REPORT_TABLE = [
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 2, 2, 1, 1, 3, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 2, 2, 2, 1, 2, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 2, 2, 2, 1, 2, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 2, 2, 2, 1, 2, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 2, 2, 2, 1, 2, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 2, 2, 2, 1, 2, 3, 2, 3], 25, "2.50", "Cukup"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
    ([4, 4, 3, 2, 2, 1, 2, 3, 2, 3], 26, "2.60", "Baik"),
]
MATRIX = [row for row, _, _, _ in REPORT_TABLE]
HALF_UP = RoundingPolicy(2, Rounding.HALF_UP)

# Same table, rows "Jumlah", "Rata-rata" and "Kategori" per aspect (the report cuts the
# second label to "Sangat Ba"). Printed means are rounded half up: 31/15 = 2.0667 -> 2.07.
ASPECT_SUMS = [60, 60, 39, 30, 29, 15, 31, 45, 30, 45]
ASPECT_MEANS = ["4.00", "4.00", "2.60", "2.00", "1.93", "1.00", "2.07", "3.00", "2.00", "3.00"]
ASPECT_CATEGORIES = [
    "Sangat Baik",
    "Sangat Baik",
    "Baik",
    "Cukup",
    "Cukup",
    "Buruk",
    "Cukup",
    "Baik",
    "Cukup",
    "Baik",
]


def test_report_respondents() -> None:
    result = kpkk.score(MATRIX)
    for i, (_, total, mean, category) in enumerate(REPORT_TABLE):
        assert result.respondent_totals[i] == total
        assert result.respondent_answers[i] == 10
        assert round_to(result.respondent_means[i], 2, Rounding.HALF_UP) == Decimal(mean)
        assert result.respondent_categories[i].label == category


def test_report_aspects() -> None:
    result = kpkk.score(MATRIX)
    assert list(result.aspect_sums) == ASPECT_SUMS
    assert list(result.aspect_answers) == [15] * 10
    assert [round_to(m, 2, Rounding.HALF_UP) for m in result.aspect_means] == [
        Decimal(m) for m in ASPECT_MEANS
    ]
    assert [band.label for band in result.aspect_categories] == ASPECT_CATEGORIES


def test_report_overall() -> None:
    # BAB III A sasaran 4: Jumlah 384, rata-rata 2,56 (Baik); "9 responden kategori baik
    # dan 6 responden kategori cukup".
    result = kpkk.score(MATRIX)
    assert result.grand_total == 384
    assert result.answers == 150
    assert result.value == Decimal("2.56")
    assert result.category == KPKK_LIKERT_4.bands[2]
    assert result.category.label == "Baik"
    assert result.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("2.56")
    assert result.respondents_in("Baik") == 9
    assert result.respondents_in(KPKK_LIKERT_4.bands[1]) == 6
    assert [(band.label, n) for band, n in result.category_counts] == [
        ("Buruk", 0),
        ("Cukup", 6),
        ("Baik", 9),
        ("Sangat Baik", 0),
    ]
    hash(result)


def test_report_aspect_category_counts_in_text() -> None:
    # The report's text (point b) names 2 Sangat Baik, 3 Baik, 3 Cukup and 1 Buruk aspect,
    # which adds up to 9 of 10: it leaves out aspect 7 (keberlanjutan, 31/15 = 2.07), which its
    # own table marks Cukup. The table is right: 4 aspects are Cukup.
    result = kpkk.score(MATRIX)
    counted = {band.label: result.aspect_categories.count(band) for band in KPKK_LIKERT_4.bands}
    assert counted == {"Sangat Baik": 2, "Baik": 3, "Cukup": 4, "Buruk": 1}


def test_report_batch() -> None:
    # The same table through score_batch (respondents) and the ScoreMatrix it takes (aspects).
    matrix = score_matrix(np.array(MATRIX, dtype=np.int8), scale=LIKERT_1_4)
    batch = kpkk.score_batch(matrix, policy=RoundingPolicy(2, Rounding.HALF_UP))
    assert isinstance(batch, ScoreBatch) and batch.scheme is KPKK_LIKERT_4
    assert batch.decimals() == [Decimal(mean) for _, _, mean, _ in REPORT_TABLE]
    assert batch.labels() == [label for _, _, _, label in REPORT_TABLE]
    assert np.bincount(batch.positions, minlength=4).tolist() == [0, 6, 9, 0]
    assert matrix.mean() == Decimal("2.56")
    assert matrix.row_sums.tolist() == [total for _, total, _, _ in REPORT_TABLE]
    labels = np.asarray(KPKK_LIKERT_4.labels)[matrix.col_positions(KPKK_LIKERT_4)]
    assert labels.tolist() == ASPECT_CATEGORIES
    assert matrix.col_means_scaled(2, Rounding.HALF_UP).tolist() == [
        int(Decimal(m) * 100) for m in ASPECT_MEANS
    ]
    # score takes the validated matrix too, and gives the same figures as from the lists.
    assert kpkk.score(matrix) == kpkk.score(MATRIX)


def test_unknown_label_raises() -> None:
    with pytest.raises(InvalidValueError, match="must be one of"):
        kpkk.score(MATRIX).respondents_in("Sedang")


def test_missing_answer_raises_or_is_excluded() -> None:
    rows: list[list[int | None]] = [list(r) for r in MATRIX]
    rows[1][4] = None  # respondent 2 left aspect 5 blank
    with pytest.raises(InvalidValueError, match="missing answer"):
        kpkk.score(rows)
    result = kpkk.score(rows, missing=MissingPolicy.EXCLUDE)
    # 25 - 1 = 24 over 9 answers: 2.666... (Baik), not 24/10 = 2.40 (Cukup).
    assert result.respondent_totals[1] == 24
    assert result.respondent_answers[1] == 9
    assert result.respondent_categories[1].label == "Baik"
    assert result.aspect_answers[4] == 14
    assert result.answers == 149


def test_scheme_must_be_a_scheme() -> None:
    with pytest.raises(InvalidTypeError):
        kpkk.score(MATRIX, scheme="KPKK")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        kpkk.score_batch(MATRIX, policy=HALF_UP, scheme=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        kpkk.score_batch(MATRIX, policy=2)  # type: ignore[arg-type]


def test_mean_outside_scheme_raises() -> None:
    # Scale 1-5 with the 1-4 scheme: a mean of 5 has no category.
    with pytest.raises(OutOfBandError):
        kpkk.score([[5, 5]], scale=LIKERT_1_5)
    with pytest.raises(OutOfBandError):
        kpkk.score_batch(np.array([[5, 5]]), policy=HALF_UP, scale=LIKERT_1_5)


# -- properties -------------------------------------------------------------------------------


@st.composite
def surveys(draw: st.DrawFn) -> list[list[int]]:
    n = draw(st.integers(1, 15))
    k = draw(st.integers(1, 10))
    return [[draw(st.integers(1, 4)) for _ in range(k)] for _ in range(n)]


@given(surveys())
def test_means_stay_on_the_scale(rows: list[list[int]]) -> None:
    result = kpkk.score(rows)
    for mean in (result.value, *result.respondent_means, *result.aspect_means):
        assert Decimal(1) <= mean <= Decimal(4)
    assert sum(count for _, count in result.category_counts) == len(rows)


@given(surveys(), st.randoms(use_true_random=False))
def test_respondent_order_invariance(rows: list[list[int]], rng: object) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = kpkk.score(rows), kpkk.score(shuffled)
    assert a.value == b.value and a.category == b.category
    assert a.aspect_means == b.aspect_means and a.aspect_categories == b.aspect_categories
    assert a.category_counts == b.category_counts


@given(surveys(), st.data())
def test_raising_one_answer_never_lowers_a_mean_or_category(
    rows: list[list[int]], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(rows) - 1))
    j = data.draw(st.integers(0, len(rows[0]) - 1))
    raised = [list(r) for r in rows]
    raised[i][j] = data.draw(st.integers(rows[i][j], 4))
    before, after = kpkk.score(rows), kpkk.score(raised)
    assert after.value >= before.value
    assert after.respondent_means[i] >= before.respondent_means[i]
    assert after.aspect_means[j] >= before.aspect_means[j]
    bands = KPKK_LIKERT_4.bands
    assert bands.index(after.respondent_categories[i]) >= bands.index(
        before.respondent_categories[i]
    )


@given(surveys(), st.integers(0, 3), st.sampled_from(list(Rounding)))
def test_scalar_and_batch_agree(rows: list[list[int]], places: int, rounding: Rounding) -> None:
    # The contract: row i of score_batch is score([rows[i]]), rounded and categorised.
    policy = RoundingPolicy(places, rounding)
    scalar = kpkk.score(rows)
    batch = kpkk.score_batch(np.array(rows, dtype=np.int8), policy=policy)
    assert batch.categories() == list(scalar.respondent_categories)
    assert batch.decimals() == [round_to(m, places, rounding) for m in scalar.respondent_means]
    for i, row in enumerate(rows):
        one = kpkk.score([row])
        assert (batch.decimals()[i], batch.categories()[i]) == (one.rounded(policy), one.category)


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-5, 9), st.floats(), st.text()), min_size=1),
        min_size=1,
        max_size=5,
    )
)
def test_bad_input_always_raises_sakip_error(rows: list[list[object]]) -> None:
    clean = (
        all(
            isinstance(v, int) and 1 <= v <= 4 and not isinstance(v, bool) for r in rows for v in r
        )
        and len({len(r) for r in rows}) == 1
    )
    if clean:
        assert kpkk.score(rows).answers == sum(len(r) for r in rows)
    else:
        with pytest.raises(SakipError):
            kpkk.score(rows)
        with pytest.raises(SakipError):
            kpkk.score_batch(rows, policy=HALF_UP)
