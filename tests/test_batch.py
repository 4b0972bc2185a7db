"""Batch paths against the scalar Decimal path: exact agreement after rounding, ties included.

Every expected value here comes from the scalar path (``achievement``,
``round_to``, ``BandScheme.index``, ``score``, ``score_assessment``,
``count_meeting_targets``), never from batch output. Inputs are built to hit
rounding ties (capaian landing exactly on ``.xx5``) and every bound of every
built-in scheme (exactly on it, one step below and above, and closer than a
step on either side).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sakip import BandScheme, Polarity, Rounding, RoundingPolicy, achievement, round_to
from sakip._achievement_paths import block_path
from sakip.capaian import ClassifyOn, TargetStatus, _formulas, achievement_array, target_status
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.exact_array import FLOAT_EXACT_LIMIT, InexactArrayError, divide_round
from sakip.instruments import kpkk, whoqol
from sakip.likert import LIKERT_1_4, MissingPolicy, score_matrix
from sakip.numbers import divide
from sakip.schemes import BUILTIN_SCHEMES, CAPAIAN_LKIP, IKM_MUTU, KPKK_LIKERT_4
from sakip.summary import count_meeting_targets, count_meeting_targets_by_group, meets_target_array
from tests.strategies import band_schemes

HIGH, LOW = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
INVERSE = Polarity.LOWER_IS_BETTER_INVERSE
CODE = {TargetStatus.ABOVE: 1, TargetStatus.AT: 0, TargetStatus.BELOW: -1}


def bounds_of(scheme: BandScheme) -> list[Decimal]:
    return sorted({b for band in scheme.bands for b in (band.lower, band.upper) if b is not None})


def index_or_none(scheme: BandScheme, value: Decimal) -> int | None:
    try:
        return scheme.index(value)
    except OutOfBandError:
        return None


def positions_or_none(
    run: Callable[..., Any], *args: object, **kwargs: object
) -> list[int] | None:
    """``run(*args, **kwargs)`` as a list, or None when it raises OutOfBandError."""
    try:
        return [int(x) for x in run(*args, **kwargs)]
    except OutOfBandError:
        return None


def expected_positions(scheme: BandScheme, values: list[Decimal]) -> list[int] | None:
    """Scalar positions, or None when any element raises (the batch then raises too)."""
    positions = [index_or_none(scheme, v) for v in values]
    if any(p is None for p in positions):
        return None
    return [p for p in positions if p is not None]


# -- capaian --------------------------------------------------------------------------------

# Figures as reports print them: up to 2 decimals; mostly small, some beyond the
# float64 fast path (so the int64 path is checked against the scalar one too).
small_figures = st.integers(0, 10**7).map(lambda n: Decimal(n).scaleb(-2))
large_figures = st.integers(10**12, 10**15 // 200).map(lambda n: Decimal(n).scaleb(-2))
figures = st.one_of(small_figures, small_figures, small_figures, large_figures)


def two_places(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.01"))


@st.composite
def capaian_pairs(draw: st.DrawFn) -> tuple[Decimal, Decimal]:
    """(target, realisation): random, or built to land on a tie or on a category bound."""
    kind = draw(st.integers(0, 6))
    if kind == 6:
        # Tiny targets (0,01 .. 0,12): quotients with small denominators and
        # every remainder, 1 included.
        target = Decimal(draw(st.integers(1, 12))).scaleb(-2)
        return target, Decimal(draw(st.integers(0, 10**4))).scaleb(-2)
    if kind == 0:
        # r / t x 100 = k + 0.005 exactly (t = 200, r = 2k + 0.01), or k + 0.5 (t = 2).
        k = draw(st.integers(0, 10**6))
        if draw(st.booleans()):
            return Decimal(200), Decimal(2 * k + 1).scaleb(-2)
        return Decimal(2), Decimal(2 * k + 1).scaleb(-2)
    if kind == 1:
        # Exactly on a bound of a built-in scheme: t = j, r = j x bound / 100 when that
        # has 2 decimals, else t = 100,00 and r = 100 x bound (bounds have <= 4 decimals).
        scheme = draw(st.sampled_from(BUILTIN_SCHEMES))
        bound = draw(st.sampled_from(bounds_of(scheme)))
        j = Decimal(draw(st.integers(1, 10**4)))
        if two_places(bound * j / 100):
            return j, bound * j / 100
        return Decimal(10**4), bound * 100
    if kind == 2:
        # A tie one place below 10**-k: r / t x 100 = (2i + 1) / (2 x 10**k).
        k = draw(st.integers(0, 4))
        return Decimal(2 * 10**k), Decimal(2 * draw(st.integers(0, 10**6)) + 1).scaleb(-2)
    if kind == 3:
        # Just below or above a bound by less than a hundredth of a percent.
        scheme = draw(st.sampled_from(BUILTIN_SCHEMES))
        bound = draw(st.sampled_from(bounds_of(scheme)))
        t = Decimal(draw(st.integers(1, 10**5)) * 10**4)  # t x bound / 100 is exact
        step = draw(st.sampled_from([-1, 1]))
        return t.scaleb(-2), (t * bound / 100 + step).scaleb(-2)
    return draw(figures), draw(figures)


def scalar_capaian(
    t: Decimal, r: Decimal, polarity: Polarity, cap: int | str | None, floor: bool
) -> Decimal | None:
    try:
        return achievement(
            target=t,
            realization=r,
            polarity=polarity,
            cap=cap,
            floor_at_zero=floor,
        )
    except InvalidValueError:
        return None


@settings(max_examples=150)
@given(
    st.lists(st.tuples(capaian_pairs(), st.booleans()), min_size=1, max_size=30),
    st.sampled_from([LOW, INVERSE]),
    st.sampled_from(list(Rounding)),
    st.integers(0, 4),
    st.sampled_from([None, None, 100, "120.5"]),
    st.booleans(),
)
def test_capaian_batch_agrees_with_scalar(
    flagged: list[tuple[tuple[Decimal, Decimal], bool]],
    formula: Polarity,
    rounding: Rounding,
    places: int,
    cap: int | str | None,
    floor: bool,
) -> None:
    rows = [(pair, formula if low else HIGH) for pair, low in flagged]
    rows = [row for row in rows if two_places(row[0][0]) and two_places(row[0][1])]
    expected = [scalar_capaian(t, r, p, cap, floor) for (t, r), p in rows]
    kept = [(row, e) for row, e in zip(rows, expected, strict=True) if e is not None]
    assume(kept)
    policy = RoundingPolicy(places, rounding)
    check_capaian(kept, policy, cap, floor)
    # Report-sized figures only: the float64 block path, unless a cap is given, a
    # capaian is negative (not floored) or the 0 / 0 rule applies.
    small = [(row, e) for row, e in kept if max(row[0]) < 10**6]
    if small:
        fast = check_capaian(small, policy, cap, floor)
        zero_rule = any((r if p is INVERSE else t) == 0 for ((t, r), p), _ in small)
        negative = any(e < 0 for _, e in small)
        assert fast == (cap is None and not zero_rule and not negative)


def check_capaian(
    kept: list[tuple[tuple[tuple[Decimal, Decimal], Polarity], Decimal]],
    policy: RoundingPolicy,
    cap: int | str | None,
    floor: bool,
) -> bool:
    """Compare the batch path with the scalar results; whether the block path was taken."""
    places = policy.places
    targets = np.array([float(t) for ((t, _), _), _ in kept])
    realizations = np.array([float(r) for ((_, r), _), _ in kept])
    polarity = np.array([p.value for (_, p), _ in kept])
    exact = [e for _, e in kept]
    formulas = _formulas(polarity, targets.shape)
    fast = (
        cap is None and block_path(targets, realizations, policy, formulas, floor, 2) is not None
    )
    try:
        batch = achievement_array(
            target=targets,
            realization=realizations,
            policy=policy,
            polarity=polarity,
            cap=cap,
            floor_at_zero=floor,
        )
    except InexactArrayError:
        # The documented limit: capaian x 10**places beyond int64 (figures of
        # tens of billions); it raises instead of rounding silently.
        assert max(max(t, r) for ((t, r), _), _ in kept) > 10**9
        return fast
    assert batch.decimals() == [policy.apply(e) for e in exact]
    statuses = [target_status(target=t, realization=r, polarity=p) for ((t, r), p), _ in kept]
    assert batch.status.tolist() == [CODE[s] for s in statuses]
    # The residual is the side of the rounded value on which the exact one lies.
    assert batch.residual is not None
    assert batch.residual.tolist() == [
        (e.scaleb(places) > s) - (e.scaleb(places) < s)
        for e, s in zip(exact, batch.scaled.tolist(), strict=True)
    ]
    for scheme in BUILTIN_SCHEMES:
        assert positions_or_none(batch.classify, scheme) == expected_positions(scheme, exact)
        shown = [policy.apply(e) for e in exact]
        assert positions_or_none(
            batch.classify, scheme, on=ClassifyOn.DISPLAYED
        ) == expected_positions(scheme, shown)
    return fast


@settings(max_examples=60)
@given(
    st.lists(capaian_pairs(), min_size=1, max_size=30),
    st.sampled_from(list(Polarity)),
    st.sampled_from(list(Rounding)),
)
def test_capaian_one_polarity_for_all(
    pairs: list[tuple[Decimal, Decimal]],
    polarity: Polarity,
    rounding: Rounding,
) -> None:
    pairs = [(t, r) for t, r in pairs if two_places(t) and two_places(r)]
    expected = [scalar_capaian(t, r, polarity, None, True) for t, r in pairs]
    kept = [(pair, e) for pair, e in zip(pairs, expected, strict=True) if e is not None]
    assume(kept)
    policy = RoundingPolicy(2, rounding)
    batch = achievement_array(
        target=np.array([float(t) for (t, _), _ in kept]),
        realization=np.array([float(r) for (_, r), _ in kept]),
        policy=policy,
        polarity=polarity,
    )
    assert batch.decimals() == [policy.apply(e) for _, e in kept]
    assert batch.classify().tolist() == [CAPAIAN_LKIP.index(e) for _, e in kept]


def test_capaian_ties_of_the_issue() -> None:
    # 99,975 -> 99,98 half up and 99,97 truncated; 102,777... -> 102,77 truncated.
    half_up = achievement_array(
        target=[200.0, 3.60],
        realization=[199.95, 3.70],
        policy=RoundingPolicy(2, Rounding.HALF_UP),
    )
    truncated = achievement_array(
        target=[200.0, 3.60],
        realization=[199.95, 3.70],
        policy=RoundingPolicy(2, Rounding.TRUNCATE),
    )
    assert [str(v) for v in half_up.decimals()] == ["99.98", "102.78"]
    assert [str(v) for v in truncated.decimals()] == ["99.97", "102.77"]
    # 99,975 is "Sangat Baik" on its exact value, and so is 99,98 displayed.
    assert half_up.classify().tolist() == [3, 4]
    assert half_up.classify(on=ClassifyOn.DISPLAYED).tolist() == [3, 4]


def test_capaian_takes_the_fast_path_on_report_figures() -> None:
    policy = RoundingPolicy(2, Rounding.TRUNCATE)
    args = (_formulas(Polarity.HIGHER_IS_BETTER, (2,)), True, 2)
    fast = block_path(np.array([3.6, 7.0]), np.array([3.7, 16.0]), policy, *args)
    assert fast is not None and fast[0].tolist() == [10277, 22857]
    # What it cannot take exactly it leaves to the exact integer path (which may raise):
    for target, realization in (
        ([0.0], [0.0]),  # a zero target: the stated rules
        ([1e11], [1.0]),  # too large for float64 blocks
        ([3.333], [1.0]),  # more decimals than input_places
        ([float("nan")], [1.0]),
        ([1.0], [-1.0]),
    ):
        assert block_path(np.array(target), np.array(realization), policy, *args) is None
    # ... which still gives the scalar path's answer on large figures:
    large = achievement_array(target=[1e11], realization=[1.0], policy=policy)
    expected = round_to(achievement(target="1e11", realization=1), 2, Rounding.TRUNCATE)
    assert large.decimals() == [expected]


def test_capaian_errors_name_the_element_on_both_paths() -> None:
    policy = RoundingPolicy(2, Rounding.TRUNCATE)
    with pytest.raises(InexactArrayError, match="at most 2 decimal places"):
        achievement_array(target=[1.0, 3.333], realization=[1.0, 1.0], policy=policy)
    with pytest.raises(InvalidValueError, match=r"'target\[2\]' must be > 0"):
        achievement_array(target=[1.0, 2.0, 0.0], realization=[1.0, 1.0, 1.0], policy=policy)
    with pytest.raises(InvalidValueError, match=r"'realization\[1\]' must be >= 0"):
        achievement_array(target=[1.0, 2.0], realization=[1.0, -1.0], policy=policy, polarity=LOW)
    with pytest.raises(InvalidValueError, match=r"'target\[1\]' must be a finite number"):
        achievement_array(target=[1.0, np.inf], realization=[1.0, 1.0], policy=policy)
    with pytest.raises(InvalidTypeError):
        achievement_array(target=[1.0], realization=[1.0], policy=2)  # type: ignore[arg-type]


def test_capaian_long_arrays_cross_block_boundaries() -> None:
    # More elements than one block, with the last block partial.
    rng = np.random.default_rng(7)
    n = 20_011
    targets = rng.integers(1, 10**6, n)
    realizations = rng.integers(0, 10**6, n)
    lower = rng.random(n) < 0.5
    policy = RoundingPolicy(2, Rounding.HALF_UP)
    batch = achievement_array(
        target=targets / 100, realization=realizations / 100, policy=policy, polarity=lower
    )
    sample = range(0, n, 97)
    for i in sample:
        exact = achievement(
            target=Decimal(int(targets[i])).scaleb(-2),
            realization=Decimal(int(realizations[i])).scaleb(-2),
            polarity=LOW if lower[i] else HIGH,
        )
        assert int(batch.scaled[i]) == int(policy.apply(exact).scaleb(2))
        assert int(batch.classify()[i]) == CAPAIAN_LKIP.index(exact)


# -- band schemes: every bound of every built-in scheme ---------------------------------------


def around_bounds(scheme: BandScheme, places: int) -> list[Decimal]:
    """Each bound, one step of 10**-places below and above it, and halfway steps."""
    step = Decimal(1).scaleb(-places)
    values = []
    for bound in bounds_of(scheme):
        values += [bound, bound - step, bound + step]
    return values


@pytest.mark.parametrize("scheme", BUILTIN_SCHEMES, ids=lambda s: s.name)
@pytest.mark.parametrize("extra", [0, 1, 2])
def test_every_bound_of_every_scheme(scheme: BandScheme, extra: int) -> None:
    places = scheme.places + extra
    for value in around_bounds(scheme, places):
        expected = index_or_none(scheme, value)
        scaled = [int(value.scaleb(places))]
        assert positions_or_none(scheme.classify_scaled_array, scaled, places) == (
            None if expected is None else [expected]
        ), value
        assert positions_or_none(scheme.classify_array, [float(value)]) == (
            None if expected is None else [expected]
        ), value
        assert positions_or_none(scheme.classify_ratio_array, scaled, 10**places) == (
            None if expected is None else [expected]
        ), value
        # The same scaled value with the exact one a hair above or below it.
        tiny = Decimal(1).scaleb(-places - 6)
        for side in (-1, 1):
            near = index_or_none(scheme, value + side * tiny)
            got = positions_or_none(scheme.classify_scaled_array, scaled, places, residual=[side])
            assert got == (None if near is None else [near]), (value, side)


@pytest.mark.parametrize("scheme", BUILTIN_SCHEMES, ids=lambda s: s.name)
def test_capaian_exactly_on_and_beside_every_bound(scheme: BandScheme) -> None:
    # Capaian = bound exactly (t = 100, r = bound), and bound - 100/t for large t.
    policy = RoundingPolicy(2, Rounding.TRUNCATE)
    for bound in bounds_of(scheme):
        if bound < 0 or bound != bound.quantize(Decimal("0.01")):
            continue
        pairs = [(Decimal(100), bound), (Decimal(100), bound + Decimal("0.01"))]
        if bound > 0:
            t = Decimal(200_000)  # t x bound / 100 is an integer for 2 decimals
            pairs.append((t.scaleb(-2), (t * bound / 100 - 1).scaleb(-2)))  # just below
            pairs.append((Decimal(100), bound - Decimal("0.01")))
        exact = [achievement(target=t, realization=r) for t, r in pairs]
        batch = achievement_array(
            target=[float(t) for t, _ in pairs],
            realization=[float(r) for _, r in pairs],
            policy=policy,
        )
        assert batch.decimals() == [policy.apply(e) for e in exact]
        assert positions_or_none(batch.classify, scheme) == expected_positions(scheme, exact)


@settings(max_examples=100)
@given(band_schemes(), st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=30), st.data())
def test_scaled_classification_of_generated_schemes(
    scheme: BandScheme, integers: list[int], data: st.DataObject
) -> None:
    places = data.draw(st.integers(scheme.places, scheme.places + 2))
    # Put some values exactly on the bounds.
    for bound in bounds_of(scheme)[:3]:
        integers.append(int(bound.scaleb(places)))
    values = [Decimal(n).scaleb(-places) for n in integers]
    assert positions_or_none(scheme.classify_scaled_array, integers, places) == expected_positions(
        scheme, values
    )
    sides = data.draw(
        st.lists(st.sampled_from([-1, 0, 1]), min_size=len(integers), max_size=len(integers))
    )
    tiny = Decimal(1).scaleb(-places - 6)
    near = [v + s * tiny for v, s in zip(values, sides, strict=True)]
    assert positions_or_none(
        scheme.classify_scaled_array, integers, places, residual=sides
    ) == expected_positions(scheme, near)


def test_scaled_classification_refuses_a_finer_scheme_with_a_residual() -> None:
    with pytest.raises(InvalidValueError, match="decimal places"):
        IKM_MUTU.classify_scaled_array([300], 2, residual=[1])
    # Without a residual the value is exact, and the bounds' places are used.
    assert IKM_MUTU.classify_scaled_array([306, 307], 2).tolist() == [1, 2]


# -- exact division ---------------------------------------------------------------------------


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.integers(-(10**6), 10**6),
                st.integers(-(FLOAT_EXACT_LIMIT // 10**4), FLOAT_EXACT_LIMIT // 10**4),
                st.integers(-(2**62 // 10**4), 2**62 // 10**4),  # the int64 route
            ),
            st.one_of(st.integers(1, 10**3), st.integers(1, 2**40)).flatmap(
                lambda d: st.sampled_from([d, -d])
            ),
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 4),
    st.sampled_from(list(Rounding)),
)
def test_divide_round_agrees_with_decimal(
    pairs: list[tuple[int, int]], places: int, rounding: Rounding
) -> None:
    # Both routes (float64 blocks below 2**52, int64 above) against Decimal.
    top = [n for n, _ in pairs]
    bottom = [d for _, d in pairs]
    got = divide_round(np.array(top), np.array(bottom), places, rounding).tolist()
    expected = [int(round_to(divide(n, d), places, rounding).scaleb(places)) for n, d in pairs]
    assert got == expected


def test_divide_round_ties() -> None:
    # 99,975 half up, half even and truncated; and the same negative.
    for rounding, expected in (
        (Rounding.HALF_UP, [9998, -9998]),
        (Rounding.HALF_EVEN, [9998, -9998]),
        (Rounding.TRUNCATE, [9997, -9997]),
    ):
        assert divide_round([19995, -19995], [200], 2, rounding).tolist() == expected
    assert divide_round([9985], [100], 1, Rounding.HALF_EVEN).tolist() == [998]
    # Beyond int64 it raises rather than round silently.
    with pytest.raises(InexactArrayError):
        divide_round([2**62], [3], 2, Rounding.TRUNCATE)


# -- Likert matrices (KPKK, IKM) ----------------------------------------------------------------


@st.composite
def likert_rows(draw: st.DrawFn) -> list[list[int | None]]:
    """Rows on 1-4 with missing answers, some built to have a mean on a KPKK bound."""
    k = draw(st.integers(1, 12))
    rows: list[list[int | None]] = []
    for _ in range(draw(st.integers(1, 25))):
        if draw(st.integers(0, 3)) == 0:
            # Means 1.75, 2.5, 3.25 (on the bounds) and one answer off them.
            base = draw(st.sampled_from([[1, 2, 2, 2], [2, 3, 2, 3], [3, 3, 3, 4], [4, 4, 4, 1]]))
            row: list[int | None] = [base[i % 4] for i in range(4 * (k // 4 or 1))]
            row = row[:k] + [base[i % 4] for i in range(len(row), k)]
            if draw(st.booleans()):
                j = draw(st.integers(0, k - 1))
                row[j] = max(1, min(4, (row[j] or 1) + draw(st.sampled_from([-1, 1]))))
        else:
            row = list(draw(st.lists(st.integers(1, 4), min_size=k, max_size=k)))
        for hole in draw(st.sets(st.integers(0, k - 1), max_size=max(0, k - 1))):
            if draw(st.integers(0, 3)) == 0:
                row[hole] = None
        rows.append(row)
    return rows


@settings(max_examples=120)
@given(likert_rows(), st.integers(0, 3), st.sampled_from(list(Rounding)))
def test_likert_batch_agrees_with_scalar(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    policy = RoundingPolicy(places, rounding)
    try:
        exact = kpkk.score(rows, missing=MissingPolicy.EXCLUDE)
    except InvalidValueError:
        with pytest.raises(InvalidValueError):
            kpkk.score_batch(rows, policy=policy, missing=MissingPolicy.EXCLUDE)
        return
    batch = kpkk.score_batch(rows, policy=policy, missing=MissingPolicy.EXCLUDE)
    factor = 10**places
    assert batch.categories() == list(exact.respondent_categories)
    assert batch.decimals() == [round_to(m, places, rounding) for m in exact.respondent_means]
    # Row i is score() of respondent i alone (the answers given).
    for i, row in enumerate(rows):
        one = kpkk.score([[v for v in row if v is not None]])
        assert (batch.decimals()[i], batch.categories()[i]) == (one.rounded(policy), one.category)
    # The aspect figures and the overall mean of the ScoreMatrix score_batch validates.
    matrix = score_matrix(rows, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    assert matrix.mean() == exact.value
    assert [KPKK_LIKERT_4.bands[p] for p in matrix.col_positions(KPKK_LIKERT_4)] == list(
        exact.aspect_categories
    )
    assert matrix.col_means_scaled(places, rounding).tolist() == [
        int(round_to(m, places, rounding) * factor) for m in exact.aspect_means
    ]
    assert np.bincount(batch.positions, minlength=4).tolist() == [
        count for _, count in exact.category_counts
    ]
    # Every built-in scheme on the respondent means (out-of-range means raise in both).
    for scheme in BUILTIN_SCHEMES:
        assert positions_or_none(matrix.row_positions, scheme) == expected_positions(
            scheme, list(exact.respondent_means)
        )


def test_likert_int8_matrix_stays_int8_and_is_not_copied() -> None:
    scores = np.array([[1, 2, 2, 2], [2, 3, 2, 3], [3, 3, 3, 4]], dtype=np.int8)
    matrix = score_matrix(scores, scale=LIKERT_1_4)
    assert np.shares_memory(matrix.scores, scores) and matrix.scores.dtype == np.int8
    assert matrix.row_sums.dtype == np.int16
    batch = kpkk.score_batch(matrix, policy=RoundingPolicy(2, Rounding.HALF_UP))
    assert batch.labels() == ["Buruk", "Cukup", "Baik"]
    assert KPKK_LIKERT_4.index(Decimal("1.75")) == 0


def test_likert_wide_matrix_without_lookup_table() -> None:
    # 130 items with missing answers: too many (sum, count) pairs for a table.
    rng = np.random.default_rng(3)
    scores = rng.integers(1, 5, (40, 130)).astype(np.int8)
    mask = rng.random(scores.shape) < 0.2
    rows = [
        [None if m else int(v) for v, m in zip(r, mr, strict=True)]
        for r, mr in zip(scores.tolist(), mask.tolist(), strict=True)
    ]
    exact = kpkk.score(rows, missing=MissingPolicy.EXCLUDE)
    batch = kpkk.score_batch(
        scores,
        policy=RoundingPolicy(2, Rounding.HALF_UP),
        missing_mask=mask,
        missing=MissingPolicy.EXCLUDE,
    )
    assert batch.categories() == list(exact.respondent_categories)
    assert batch.decimals() == [round_to(m, 2, Rounding.HALF_UP) for m in exact.respondent_means]


# -- WHOQOL-BREF ----------------------------------------------------------------------------


@st.composite
def whoqol_rows(draw: st.DrawFn, n: int | None = None) -> list[list[int | None]]:
    rows = []
    for _ in range(n if n is not None else draw(st.integers(1, 12))):
        row: list[int | None] = list(draw(st.lists(st.integers(1, 5), min_size=26, max_size=26)))
        for hole in draw(st.sets(st.integers(0, 25), max_size=8)):
            row[hole] = None
        rows.append(row)
    return rows


def as_forms(rows: list[list[int | None]], dtype: str) -> tuple[object, dict[str, object]]:
    """The same answers as an int array with a mask, a sentinel, NaN floats or a masked array."""
    values = np.array([[0 if v is None else v for v in row] for row in rows])
    missing = np.array([[v is None for v in row] for row in rows])
    if dtype == "mask":
        return values.astype(np.int8), {"missing_mask": missing}
    if dtype == "sentinel":
        return np.where(missing, -9, values).astype(np.int64), {"sentinel": -9}
    if dtype == "nan":
        return np.where(missing, np.nan, values.astype(float)), {}
    if dtype == "masked":
        return np.ma.MaskedArray(values.astype(np.uint8), mask=missing), {}
    return rows, {}


@settings(max_examples=80)
@given(
    whoqol_rows(),
    st.sampled_from(["list", "mask", "sentinel", "nan", "masked"]),
    st.integers(0, 3),
    st.sampled_from(list(Rounding)),
)
def test_whoqol_batch_agrees_with_scalar(
    rows: list[list[int | None]], form: str, places: int, rounding: Rounding
) -> None:
    data, options = as_forms(rows, form)
    batch = whoqol.domain_sums(data, **options)  # type: ignore[arg-type]
    raw = batch.raw_scaled(places, rounding)
    transformed = batch.transformed_scaled(places, rounding)
    factor = 10**places
    for i, row in enumerate(rows):
        single = whoqol.score_assessment(row)
        assert (bool(batch.void[i]), int(batch.missing[i])) == (single.void, single.missing)
        for d, domain in enumerate(single.domains):
            assert (int(batch.sums[i, d]), int(batch.answered[i, d])) == (
                domain.item_sum,
                domain.answered,
            )
            assert bool(batch.valid[i, d]) is domain.valid
            if domain.raw is not None and domain.transformed is not None:
                assert int(raw[i, d]) == int(round_to(domain.raw, places, rounding) * factor)
                assert int(transformed[i, d]) == int(
                    round_to(domain.transformed, places, rounding) * factor
                )
            else:
                assert raw.mask[i, d] and transformed.mask[i, d]
    # score_batch, from the same input form: row i = score_assessment(row i), domain d.
    policy = RoundingPolicy(places, rounding)
    for domain in whoqol.Domain:
        got = whoqol.score_batch(data, domain=domain, policy=policy, **options)  # type: ignore[arg-type]
        assert got.decimals() == [
            whoqol.score_assessment(row).domain(domain).rounded(policy) for row in rows
        ]


@settings(max_examples=60)
@given(st.data())
def test_whoqol_improvement_from_scores_agrees_with_scalar(data: st.DataObject) -> None:
    pre = data.draw(whoqol_rows())
    post = data.draw(whoqol_rows(len(pre)))
    counts = [[0, 0] for _ in range(4)]
    for start, end in zip(pre, post, strict=True):
        a, b = whoqol.score_assessment(start), whoqol.score_assessment(end)
        for d in range(4):
            x, y = a.domains[d].raw, b.domains[d].raw
            if x is not None and y is not None:
                counts[d][1] += 1
                counts[d][0] += y > x
    if any(n == 0 for _, n in counts):
        with pytest.raises(InvalidValueError):
            whoqol.score(pre=pre, post=post)
        return
    from_rows = whoqol.score(pre=pre, post=post)
    from_scores = whoqol.score(pre=whoqol.domain_sums(pre), post=whoqol.domain_sums(post))
    assert [(d.improved, d.assessed) for d in from_rows.domains] == [tuple(c) for c in counts]
    assert from_scores == from_rows
    shares = sum(Fraction(100 * up, n) for up, n in counts) / 4
    assert abs(Fraction(from_rows.value) - shares) < Fraction(1, 10**50)


def test_whoqol_scores_must_match_the_rule() -> None:
    rows = [[3] * 26]
    scored = whoqol.domain_sums(rows, rule=whoqol.SPSS_SYNTAX_RULE)
    with pytest.raises(InvalidValueError, match="rule"):
        whoqol.score(pre=scored, post=scored)
    same = whoqol.score(pre=scored, post=scored, rule=whoqol.SPSS_SYNTAX_RULE)
    assert same.physical.improved == 0 and same.physical.assessed == 1
    with pytest.raises(InvalidValueError, match="missing_mask"):
        whoqol.score(
            pre=whoqol.domain_sums(rows),
            post=whoqol.domain_sums(rows),
            pre_missing_mask=np.zeros((1, 26), dtype=bool),
        )
    with pytest.raises(InvalidValueError, match="sentinel"):
        whoqol.score(pre=whoqol.domain_sums(rows), post=whoqol.domain_sums(rows), sentinel=0)


# -- units meeting targets ----------------------------------------------------------------------


@settings(max_examples=100)
@given(
    st.lists(
        st.tuples(small_figures, small_figures, st.booleans(), st.integers(0, 4)),
        min_size=1,
        max_size=40,
    ),
    st.data(),
)
def test_meeting_targets_agrees_with_scalar(
    rows: list[tuple[Decimal, Decimal, bool, int]], data: st.DataObject
) -> None:
    # Half the rows exactly on target.
    rows = [(t if data.draw(st.booleans()) else v, t, low, g) for v, t, low, g in rows]
    values = np.array([float(v) for v, _, _, _ in rows])
    targets = np.array([float(t) for _, t, _, _ in rows])
    lower = np.array([low for _, _, low, _ in rows])
    groups = np.array([g for _, _, _, g in rows])
    expected = [
        target_status(target=t, realization=v, polarity=LOW if low else HIGH)
        is not TargetStatus.BELOW
        for v, t, low, _ in rows
    ]
    assert meets_target_array(values, targets, polarity=lower).tolist() == expected
    for polarity in (HIGH, LOW):
        met, assessed = count_meeting_targets_by_group(
            values, targets, groups=groups, polarity=polarity, n_groups=5
        )
        for g in range(5):
            names = [f"u{i}" for i, row in enumerate(rows) if row[3] == g]
            count = count_meeting_targets(
                {f"u{i}": str(row[0]) for i, row in enumerate(rows) if row[3] == g},
                {f"u{i}": str(row[1]) for i, row in enumerate(rows) if row[3] == g},
                polarity=polarity,
            )
            assert (
                (int(met[g]), int(assessed[g]))
                == (count.count, count.total)
                == (
                    count.count,
                    len(names),
                )
            )


def test_meeting_targets_rejects_what_the_scalar_path_rejects() -> None:
    with pytest.raises(InvalidValueError, match=r"'values\[1\]' must be >= 0"):
        meets_target_array([1.0, -1.0], [1.0, 1.0])
    with pytest.raises(InvalidValueError, match=r"'values\[1\]' must be a finite number"):
        meets_target_array([1.0, np.nan], [1.0, 1.0])
    # Integers beyond 2**53 are compared exactly (they used to be refused).
    assert meets_target_array(np.array([2**60 + 1]), np.array([2**60])).tolist() == [True]
    assert meets_target_array(np.array([2**60]), np.array([2**60 + 1])).tolist() == [False]
    with pytest.raises(InvalidValueError, match="groups"):
        count_meeting_targets_by_group([1.0], [1.0], groups=[-1])
    with pytest.raises(InvalidValueError, match="n_groups"):
        count_meeting_targets_by_group([1.0, 2.0], [1.0, 1.0], groups=[0, 3], n_groups=2)
    with pytest.raises(InvalidTypeError):
        count_meeting_targets_by_group([1.0], [1.0], groups=[0.5])
