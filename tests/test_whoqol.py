"""Tests of sakip.instruments.whoqol: WHO scoring, the LKIP 2024 improvement table, properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.errors import InvalidTypeError, InvalidValueError, SakipError
from sakip.instruments import whoqol
from sakip.instruments.whoqol import (
    DEFAULT_MISSING_RULE,
    SPSS_SYNTAX_RULE,
    Domain,
    MissingRule,
)
from sakip.numbers import Rounding, RoundingPolicy, divide, exact_sum, percent, round_to

# -- WHO scoring (WHOQOL-BREF manual, 1996) ---------------------------------------------------


def items_with(default: int, **answers: int | None) -> list[int | None]:
    """26 answers, all ``default`` except those given as q<number>=value."""
    items: list[int | None] = [default] * 26
    for name, value in answers.items():
        items[int(name[1:]) - 1] = value
    return items


def test_best_answers_give_20_and_100() -> None:
    # Manual: Q3, Q4, Q26 are reversed, so the best profile answers them 1 and the rest 5.
    result = whoqol.score_assessment(items_with(5, q3=1, q4=1, q26=1))
    for domain in result.domains:
        assert (domain.raw, domain.transformed) == (20, 100), domain.domain


def test_worst_answers_give_4_and_0() -> None:
    result = whoqol.score_assessment(items_with(1, q3=5, q4=5, q26=5))
    for domain in result.domains:
        assert (domain.raw, domain.transformed) == (4, 0), domain.domain


def test_manual_formulas_by_hand() -> None:
    # Manual: Physical = ((6-Q3) + (6-Q4) + Q10 + Q15 + Q16 + Q17 + Q18), mean x 4, then
    # (score - 4) x 100/16. Q3=2, Q4=4, Q10=5, Q15=3, Q16=4, Q17=2, Q18=3:
    # 4 + 2 + 5 + 3 + 4 + 2 + 3 = 23 -> raw 92/7 = 13.142857..., transformed 25 x 16/7 = 57.142857...
    items = items_with(3, q3=2, q4=4, q10=5, q15=3, q16=4, q17=2, q18=3)
    physical = whoqol.score_assessment(items).physical
    assert physical.item_sum == 23 and physical.answered == 7
    assert round_to(physical.raw, 4, Rounding.HALF_UP) == Decimal("13.1429")
    assert round_to(physical.transformed, 4, Rounding.HALF_UP) == Decimal("57.1429")
    # Social = (Q20 + Q21 + Q22): 5, 4, 3 -> 12 / 3 x 4 = 16 -> (16 - 4) x 100/16 = 75.
    social = whoqol.score_assessment(items_with(3, q20=5, q21=4, q22=3)).social
    assert (social.raw, social.transformed) == (16, 75)


def test_missing_items_use_the_mean_of_the_others() -> None:
    # Environment with Q8 and Q9 missing: mean of the 6 others (all 4) x 4 = 16.
    env = whoqol.score_assessment(items_with(4, q8=None, q9=None)).environment
    assert (env.valid, env.answered, env.missing, env.raw) == (True, 6, 2, 16)


MISSING_CASES = [
    # (missing items, rule, domain, valid?)  manual: up to 2 per domain; social 1 (SPSS MEAN.2)
    ({"q10": None, "q15": None}, DEFAULT_MISSING_RULE, Domain.PHYSICAL, True),
    ({"q10": None, "q15": None, "q16": None}, DEFAULT_MISSING_RULE, Domain.PHYSICAL, False),
    ({"q10": None, "q15": None}, SPSS_SYNTAX_RULE, Domain.PHYSICAL, False),  # MEAN.6 of 7
    ({"q5": None, "q6": None}, SPSS_SYNTAX_RULE, Domain.PSYCHOLOGICAL, False),  # MEAN.5 of 6
    ({"q8": None, "q9": None}, SPSS_SYNTAX_RULE, Domain.ENVIRONMENT, True),  # MEAN.6 of 8
    ({"q20": None}, DEFAULT_MISSING_RULE, Domain.SOCIAL, True),
    ({"q20": None, "q21": None}, DEFAULT_MISSING_RULE, Domain.SOCIAL, False),
    ({"q20": None}, MissingRule(social=0), Domain.SOCIAL, False),  # manual text: "< 1 missing"
]


@pytest.mark.parametrize(("missing", "rule", "domain", "valid"), MISSING_CASES)
def test_missing_item_rules(
    missing: dict[str, None], rule: MissingRule, domain: Domain, valid: bool
) -> None:
    result = whoqol.score_assessment(items_with(3, **missing), rule=rule)
    score = result.domain(domain)
    assert score.valid is valid
    assert (score.raw is None) is (not valid)


def test_more_than_20_percent_missing_voids_the_assessment() -> None:
    # Manual: more than 20% of 26 (5.2) missing -> discarded. 5 missing (Q1, Q2 and one per
    # domain but physical) keeps every domain; a 6th missing item voids all four.
    five = {"q1": None, "q2": None, "q5": None, "q8": None, "q20": None}
    result = whoqol.score_assessment(items_with(3, **five))
    assert result.missing == 5 and not result.void
    assert all(d.valid for d in result.domains)
    six = whoqol.score_assessment(items_with(3, q10=None, **five))
    assert six.void and not any(d.valid for d in six.domains)
    # The SPSS syntax's SELECT IF (TOTAL>21) voids at 5 missing already.
    assert whoqol.score_assessment(items_with(3, **five), rule=SPSS_SYNTAX_RULE).void


def test_missing_rule_limits_checked() -> None:
    with pytest.raises(InvalidValueError, match="physical"):
        MissingRule(physical=7)
    with pytest.raises(InvalidValueError, match="max_missing_total"):
        MissingRule(max_missing_total=26)
    with pytest.raises(InvalidTypeError):
        MissingRule(social=True)


def test_default_missing_rule_limits() -> None:
    # WHOQOL-BREF manual (1996): up to 2 missing items per domain, void above 20% of 26
    # (more than 5); social at most 1, as the WHO SPSS syntax (MEAN.2 of 3 items). The
    # constant takes these from MissingRule's defaults, so both are pinned here.
    limits = [DEFAULT_MISSING_RULE.max_missing(domain) for domain in Domain]
    assert limits == [2, 2, 1, 2] and DEFAULT_MISSING_RULE.max_missing_total == 5
    assert attrs.evolve(DEFAULT_MISSING_RULE, name="") == MissingRule()
    # A limit given as text is read by sakip.coerce.to_count and named on refusal.
    assert MissingRule(physical="1").physical == 1
    with pytest.raises(InvalidTypeError, match="'environment'"):
        MissingRule(environment=True)


# -- the LKIP 2024 table (BAB III A sasaran 5; formulas.md section 4) -------------------------

# unit, N, improved (physical, psychological, social, environment), printed percentages and
# printed overall. N and the physical counts are derived from the printed percentages
# (formulas.md). The report prints half up to 2 places and drops a trailing zero (69,7).
REPORT_UNITS = [
    (
        "BNNK Kotawaringin Barat",
        33,
        (28, 23, 27, 29),
        ("84.85", "69.7", "81.82", "87.88"),
        "81.06",
    ),
    ("BNNK Palangka Raya", 39, (29, 30, 31, 28), ("74.36", "76.92", "79.49", "71.79"), "75.64"),
    (
        "BNNP Kalimantan Tengah",
        78,
        (62, 65, 57, 68),
        ("79.49", "83.33", "73.08", "87.18"),
        "80.77",
    ),
]


def unit_results() -> list[whoqol.WhoqolResult]:
    return [
        whoqol.from_counts(assessed=n, physical=p, psychological=ps, social=so, environment=en)
        for _, n, (p, ps, so, en), _, _ in REPORT_UNITS
    ]


@pytest.mark.parametrize(("unit", "n", "counts", "printed", "overall"), REPORT_UNITS)
def test_report_units(
    unit: str, n: int, counts: tuple[int, ...], printed: tuple[str, ...], overall: str
) -> None:
    p, ps, so, en = counts
    result = whoqol.from_counts(
        assessed=n, physical=p, psychological=ps, social=so, environment=en
    )
    shown = [round_to(d.percent, 2, Rounding.HALF_UP) for d in result.domains]
    assert shown == [Decimal(x) for x in printed], unit
    assert round_to(result.value, 2, Rounding.HALF_UP) == Decimal(overall), unit
    assert [d.improved for d in result.domains] == list(counts)


def test_report_rounding_is_half_up() -> None:
    # 28/33 = 84,8484..., 57/78 = 73,0769..., 252/312 = 80,7692...: truncation would print
    # 84,84 / 73,07 / 80,76, the report prints 84,85 / 73,08 / 80,77.
    for part, whole, printed in [(28, 33, "84.85"), (57, 78, "73.08"), (252, 312, "80.77")]:
        value = percent(part, whole)
        assert round_to(value, 2, Rounding.HALF_UP) == Decimal(printed)
        assert round_to(value, 2, Rounding.TRUNCATE) != Decimal(printed)


def test_report_province_pools_counts() -> None:
    # Row "Kalimantan Tengah": 119, 118, 115, 125 of 150 -> 79,33 / 78,67 / 76,67 / 83,33 and
    # 79,5 (exactly 477 / 6: 79,50 at 2 places under any rounding).
    province = whoqol.pool(unit_results())
    assert [d.improved for d in province.domains] == [119, 118, 115, 125]
    assert [d.assessed for d in province.domains] == [150] * 4
    assert [round_to(d.percent, 2, Rounding.HALF_UP) for d in province.domains] == [
        Decimal("79.33"),
        Decimal("78.67"),
        Decimal("76.67"),
        Decimal("83.33"),
    ]
    assert province.value == Decimal("79.5")
    # Not the mean of the three unit figures (79,157...).
    mean_of_units = divide(exact_sum(r.value for r in unit_results()), 3)
    assert round_to(mean_of_units, 2, Rounding.HALF_UP) == Decimal("79.16")


def test_report_capaian_of_indicator_6() -> None:
    # BAB III A sasaran 5: target 68 %, realisasi 79,5 % -> capaian 116,91 % (truncated).
    value = whoqol.pool(unit_results()).value
    assert round_to(percent(value, 68), 2, Rounding.TRUNCATE) == Decimal("116.91")


def test_report_second_table_disagrees_with_counts() -> None:
    # BAB III A sasaran 8, table "Hasil capaian kinerja bidang rehabilitasi" prints
    # "Persentase Kualitas Hidup" 79.64 for Kalimantan Tengah and 81.01 for BNNP Kalimantan
    # Tengah. The counts of sasaran 5 give 79,5 and 80,77: the second table cannot be
    # reproduced from them (Kotawaringin Barat 81.06 and Palangka Raya 75.64 do agree).
    kobar, palangka, bnnp = unit_results()
    assert round_to(bnnp.value, 2, Rounding.HALF_UP) == Decimal("80.77") != Decimal("81.01")
    assert whoqol.pool([kobar, palangka, bnnp]).value != Decimal("79.64")
    assert round_to(kobar.value, 2, Rounding.HALF_UP) == Decimal("81.06")
    assert round_to(palangka.value, 2, Rounding.HALF_UP) == Decimal("75.64")


# -- improvement from answers -----------------------------------------------------------------


def test_improvement_matches_by_id_and_reports_unmatched() -> None:
    start = [items_with(3), items_with(3), items_with(2), items_with(4)]
    end = [items_with(4), items_with(3), items_with(5)]
    result = whoqol.score(
        pre=start, post=end, pre_ids=["a", "b", "c", "d"], post_ids=["b", "a", "e"]
    )
    # a rose (3 -> 4 everywhere but the reversed items, whose rise lowers nothing: Q3/Q4/Q26
    # answered 4 count 2), b stayed level; c and d have no end assessment, e no start.
    assert result.matched == 2
    assert result.unmatched_pre == ("c", "d")
    assert result.unmatched_post == ("e",)
    assert [(d.improved, d.assessed) for d in result.domains] == [(1, 2)] * 4
    assert result.value == 50


def test_equal_scores_do_not_count_as_improved() -> None:
    result = whoqol.score(pre=[items_with(3)], post=[items_with(3)])
    assert result.value == 0
    assert all(d.assessed == 1 for d in result.domains)


def test_invalid_domains_are_excluded_and_reported() -> None:
    start = [items_with(2), items_with(2, q20=None, q21=None), items_with(2)]
    end = [items_with(3), items_with(3), items_with(3, **{f"q{i}": None for i in range(1, 7)})]
    result = whoqol.score(pre=start, post=end, pre_ids=[10, 11, 12], post_ids=[10, 11, 12])
    # Client 11: social invalid at the start (2 of 3 missing) -> excluded from social only.
    # Client 12: 6 items missing at the end -> void -> excluded from every domain.
    assert result.social.excluded == (11, 12)
    assert result.physical.excluded == (12,)
    assert (result.social.improved, result.social.assessed) == (1, 1)
    assert (result.physical.improved, result.physical.assessed) == (2, 2)


def test_a_domain_nobody_can_be_scored_in_raises() -> None:
    with pytest.raises(InvalidValueError, match="no client with a valid score"):
        whoqol.score(pre=[items_with(3, q20=None, q21=None)], post=[items_with(4)])


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"pre": [items_with(3)], "post": [items_with(3)] * 2}, InvalidValueError),
        ({"pre": [items_with(3)], "post": [items_with(3)], "pre_ids": ["a"]}, InvalidValueError),
        (
            {
                "pre": [items_with(3)] * 2,
                "post": [items_with(3)],
                "pre_ids": ["a", "a"],
                "post_ids": ["a"],
            },
            InvalidValueError,
        ),
        (
            {
                "pre": [items_with(3)],
                "post": [items_with(3)],
                "pre_ids": ["a", "b"],
                "post_ids": ["a"],
            },
            InvalidValueError,
        ),
        (
            {"pre": [items_with(3)], "post": [items_with(3)], "pre_ids": "a", "post_ids": "a"},
            InvalidTypeError,
        ),
        (
            {
                "pre": [items_with(3)],
                "post": [items_with(3)],
                "pre_ids": [["a"]],
                "post_ids": [["a"]],
            },
            InvalidTypeError,
        ),
        ({"pre": [[3] * 25], "post": [[3] * 25]}, InvalidValueError),
        ({"pre": [items_with(3, q1=6)], "post": [items_with(3)]}, InvalidValueError),
        ({"pre": [items_with(3)], "post": [items_with(3)], "rule": "who"}, InvalidTypeError),
    ],
)
def test_bad_improvement_arguments_raise(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        whoqol.score(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"assessed": 0, "physical": 0, "psychological": 0, "social": 0, "environment": 0},
        {"assessed": 5, "physical": 6, "psychological": 0, "social": 0, "environment": 0},
        {"assessed": 5, "physical": -1, "psychological": 0, "social": 0, "environment": 0},
        {"assessed": [5, 5], "physical": 1, "psychological": 0, "social": 0, "environment": 0},
    ],
)
def test_bad_counts_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        whoqol.from_counts(**kwargs)  # type: ignore[arg-type]


def test_pool_needs_results() -> None:
    with pytest.raises(InvalidValueError):
        whoqol.pool([])
    with pytest.raises(InvalidTypeError):
        whoqol.pool([Decimal("79.5")])  # type: ignore[list-item]


# -- properties -------------------------------------------------------------------------------


@st.composite
def assessments(
    draw: st.DrawFn, max_rows: int = 8, missing: bool = True, rows: int | None = None
) -> list[list[int | None]]:
    """Rows of 26 answers; with missing, up to 7 items of a row left blank (some void rows)."""
    n = rows if rows is not None else draw(st.integers(1, max_rows))
    out: list[list[int | None]] = []
    for _ in range(n):
        row: list[int | None] = list(draw(st.lists(st.integers(1, 5), min_size=26, max_size=26)))
        if missing:
            for hole in draw(st.sets(st.integers(0, 25), max_size=7)):
                row[hole] = None
        out.append(row)
    return out


@given(assessments(), st.integers(0, 3), st.sampled_from(list(Rounding)))
def test_scalar_and_batch_scoring_agree(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    batch = whoqol.domain_sums(rows)
    raw = batch.raw_scaled(places, rounding)
    transformed = batch.transformed_scaled(places, rounding)
    factor = 10**places
    for i, row in enumerate(rows):
        single = whoqol.score_assessment(row)
        assert bool(batch.void[i]) is single.void
        assert int(batch.missing[i]) == single.missing
        for d, domain in enumerate(single.domains):
            assert int(batch.sums[i, d]) == domain.item_sum
            assert int(batch.answered[i, d]) == domain.answered
            assert bool(batch.valid[i, d]) is domain.valid
            if domain.valid:
                assert domain.raw is not None and domain.transformed is not None
                assert int(raw[i, d]) == int(round_to(domain.raw, places, rounding) * factor)
                assert int(transformed[i, d]) == int(
                    round_to(domain.transformed, places, rounding) * factor
                )
            else:
                assert raw.mask[i, d] and transformed.mask[i, d]
    # The contract: score_batch(domain=d) row i is score_assessment(row i).domain(d).rounded.
    policy = RoundingPolicy(places, rounding)
    for domain_name in Domain:
        decimals = whoqol.score_batch(rows, domain=domain_name, policy=policy).decimals()
        from_sums = whoqol.score_batch(batch, domain=domain_name, policy=policy).decimals()
        assert (
            decimals
            == from_sums
            == [whoqol.score_assessment(row).domain(domain_name).rounded(policy) for row in rows]
        )


@given(assessments())
def test_domain_scores_are_bounded(rows: list[list[int | None]]) -> None:
    for row in rows:
        for domain in whoqol.score_assessment(row).domains:
            if domain.valid:
                assert domain.raw is not None and domain.transformed is not None
                assert 4 <= domain.raw <= 20
                assert 0 <= domain.transformed <= 100
                # The transformed score is (raw - 4) x 100/16, exactly as rationals.
                difference = Fraction(domain.transformed) * 16 - (Fraction(domain.raw) - 4) * 100
                assert abs(difference) < Fraction(1, 10**40)


@given(assessments(max_rows=1, missing=False), st.integers(1, 26), st.data())
def test_a_better_answer_never_lowers_a_domain(
    rows: list[list[int | None]], item: int, data: st.DataObject
) -> None:
    row = rows[0]
    old = row[item - 1]
    assert old is not None
    # "Better" is a higher answer, except for the reversed items, where it is a lower one.
    if item in whoqol.REVERSED_ITEMS:
        new = data.draw(st.integers(1, old))
    else:
        new = data.draw(st.integers(old, 5))
    changed = list(row)
    changed[item - 1] = new
    before, after = whoqol.score_assessment(row), whoqol.score_assessment(changed)
    for b, a in zip(before.domains, after.domains, strict=True):
        assert b.raw is not None and a.raw is not None
        assert a.raw >= b.raw


def reference_counts(
    pre: list[list[int | None]], post: list[list[int | None]]
) -> list[tuple[int, int]]:
    """Improved/assessed per domain from the scalar scorer, client by client."""
    counts = [[0, 0] for _ in range(4)]
    for start, end in zip(pre, post, strict=True):
        a, b = whoqol.score_assessment(start), whoqol.score_assessment(end)
        for d in range(4):
            x, y = a.domains[d], b.domains[d]
            if x.valid and y.valid:
                assert x.raw is not None and y.raw is not None
                counts[d][1] += 1
                counts[d][0] += y.raw > x.raw
    return [(up, n) for up, n in counts]


@given(st.data())
def test_improvement_agrees_with_scalar_reference(data: st.DataObject) -> None:
    pre = data.draw(assessments())
    post = data.draw(assessments(rows=len(pre)))
    expected = reference_counts(pre, post)
    if any(n == 0 for _, n in expected):
        with pytest.raises(InvalidValueError):
            whoqol.score(pre=pre, post=post)
        return
    result = whoqol.score(pre=pre, post=post)
    assert [(d.improved, d.assessed) for d in result.domains] == expected
    assert 0 <= result.value <= 100
    shares = [Fraction(100 * up, n) for up, n in expected]
    assert abs(Fraction(result.value) - sum(shares) / 4) < Fraction(1, 10**50)


@given(st.data())
def test_client_order_and_id_matching_invariance(data: st.DataObject) -> None:
    pre = data.draw(assessments(missing=False))
    post = data.draw(assessments(missing=False, rows=len(pre)))
    ids = list(range(len(pre)))
    order = data.draw(st.permutations(ids))
    by_position = whoqol.score(pre=pre, post=post)
    shuffled = whoqol.score(
        pre=pre,
        post=[post[i] for i in order],
        pre_ids=ids,
        post_ids=order,
    )
    assert shuffled.value == by_position.value
    assert [d.improved for d in shuffled.domains] == [d.improved for d in by_position.domains]


@given(st.data())
def test_unmatched_clients_are_never_dropped_silently(data: st.DataObject) -> None:
    pre = data.draw(assessments(missing=False))
    post = data.draw(assessments(missing=False))
    pre_ids = data.draw(
        st.lists(st.integers(0, 12), min_size=len(pre), max_size=len(pre), unique=True)
    )
    post_ids = data.draw(
        st.lists(st.integers(0, 12), min_size=len(post), max_size=len(post), unique=True)
    )
    common = set(pre_ids) & set(post_ids)
    if not common:
        with pytest.raises(InvalidValueError):
            whoqol.score(pre=pre, post=post, pre_ids=pre_ids, post_ids=post_ids)
        return
    result = whoqol.score(pre=pre, post=post, pre_ids=pre_ids, post_ids=post_ids)
    assert result.matched == len(common)
    assert result.matched + len(result.unmatched_pre) == len(pre)
    assert result.matched + len(result.unmatched_post) == len(post)
    assert set(result.unmatched_pre) == set(pre_ids) - common
    assert set(result.unmatched_post) == set(post_ids) - common


@given(
    st.lists(
        st.tuples(st.integers(1, 50), st.lists(st.integers(0, 50), min_size=4, max_size=4)),
        min_size=1,
        max_size=5,
    ),
    st.randoms(use_true_random=False),
)
def test_pooling_adds_counts_in_any_order(units: list[tuple[int, list[int]]], rng: object) -> None:
    results = [
        whoqol.from_counts(
            assessed=n,
            physical=min(c[0], n),
            psychological=min(c[1], n),
            social=min(c[2], n),
            environment=min(c[3], n),
        )
        for n, c in units
    ]
    pooled = whoqol.pool(results)
    rng.shuffle(results)  # type: ignore[attr-defined]
    assert whoqol.pool(results) == pooled
    total = sum(n for n, _ in units)
    for d, domain in enumerate(pooled.domains):
        assert domain.assessed == total
        assert domain.improved == sum(min(c[d], n) for n, c in units)
        assert 0 <= domain.percent <= 100


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-1, 7), st.floats(), st.text()), min_size=1),
        min_size=1,
        max_size=3,
    )
)
def test_bad_input_always_raises_sakip_error(rows: list[list[object]]) -> None:
    clean = all(
        len(r) == 26 and all(v is None or (isinstance(v, int) and 1 <= v <= 5) for v in r)
        for r in rows
    )
    if clean:
        assert len(whoqol.domain_sums(rows)) == len(rows)
    else:
        with pytest.raises(SakipError):
            whoqol.domain_sums(rows)
    for row in rows:
        if len(row) == 26 and all(v is None or (isinstance(v, int) and 1 <= v <= 5) for v in row):
            assert whoqol.score_assessment(row).missing == row.count(None)
        else:
            with pytest.raises(SakipError):
                whoqol.score_assessment(row)


def test_one_assessment_mask_must_be_one_row() -> None:
    # A 2 x 13 mask must not be read as the 26 flags of one assessment.
    flags = np.zeros(26, dtype=bool)
    flags[19] = True
    result = whoqol.score_assessment([3] * 26, missing_mask=flags)
    assert (result.missing, result.social.answered) == (1, 2)
    with pytest.raises(InvalidValueError, match="missing_mask"):
        whoqol.score_assessment([3] * 26, missing_mask=flags.reshape(2, 13))


def test_int8_array_with_sentinel_matches_lists() -> None:
    rows = [items_with(3, q20=None), items_with(5, q3=1)]
    array = np.array([[0 if v is None else v for v in r] for r in rows], dtype=np.int8)
    a = whoqol.domain_sums(rows)
    b = whoqol.domain_sums(array, sentinel=0)
    assert a.sums.tolist() == b.sums.tolist()
    assert a.valid.tolist() == b.valid.tolist()


# -- issue 11 / 12: one coercion, frozen tables ------------------------------------------------


def test_sentinel_in_a_list_marks_a_missing_answer_as_in_an_array() -> None:
    # Issue 11: score_assessment ignored sentinel= for a plain list (the scale was checked
    # before the sentinel was applied), while the same numpy array worked.
    items = items_with(3, q20=0)
    from_list = whoqol.score_assessment(items, sentinel=0)
    from_array = whoqol.score_assessment(np.array(items, dtype=np.int8), sentinel=0)
    assert from_list == from_array
    assert (from_list.missing, from_list.social.answered) == (1, 2)


def test_from_counts_never_walks_a_str() -> None:
    # Issue 11: assessed="33" was walked character by character ("3", "3"); a numeral string
    # is a count, as everywhere else.
    by_int = whoqol.from_counts(
        assessed=33, physical=28, psychological=23, social=27, environment=29
    )
    by_str = whoqol.from_counts(
        assessed="33", physical="28", psychological=23, social=27, environment=29
    )
    assert by_str == by_int
    per_domain = whoqol.from_counts(
        assessed=("33", 33, 33, 33), physical=28, psychological=23, social=27, environment=29
    )
    assert per_domain == by_int


def test_domain_items_cannot_be_changed() -> None:
    # Issue 12: DOMAIN_ITEMS was a mutable module dict that scoring reads.
    with pytest.raises(TypeError):
        whoqol.DOMAIN_ITEMS[Domain.SOCIAL] = (20,)  # type: ignore[index]
    assert Domain.SOCIAL.items == (20, 21, 22)


def test_score_batch_arguments() -> None:
    policy = RoundingPolicy(2, Rounding.HALF_UP)
    rows = [items_with(3), items_with(4)]
    batch = whoqol.score_batch(rows, domain="social", policy=policy)
    assert batch.decimals() == [Decimal("50.00"), Decimal("75.00")]
    assert batch.scheme is None and batch.categories() == [None, None]
    assert not batch.scaled.flags.writeable
    with pytest.raises(InvalidValueError, match="'domain' must be one of"):
        whoqol.score_batch(rows, domain="SOCIAL", policy=policy)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="'policy' must be a RoundingPolicy"):
        whoqol.score_batch(rows, domain=Domain.SOCIAL, policy=2)  # type: ignore[arg-type]
    scored = whoqol.domain_sums(rows, rule=SPSS_SYNTAX_RULE)
    with pytest.raises(InvalidValueError, match="rule"):
        whoqol.score_batch(scored, domain=Domain.SOCIAL, policy=policy)
    with pytest.raises(InvalidValueError, match="sentinel"):
        whoqol.score_batch(
            scored, domain=Domain.SOCIAL, policy=policy, rule=SPSS_SYNTAX_RULE, sentinel=0
        )
    assert not scored.sums.flags.writeable and not scored.valid.flags.writeable


def test_result_contract() -> None:
    # LKIP 2024 BAB III A sasaran 5, BNNK Kotawaringin Barat: 81,06 % printed half up.
    unit = whoqol.from_counts(
        assessed=33, physical=28, psychological=23, social=27, environment=29
    )
    assert isinstance(unit, whoqol.WhoqolResult)
    assert unit.rounded(RoundingPolicy(2, Rounding.HALF_UP)) == Decimal("81.06")
    assert unit.category is None
    assert unit.domain("social") is unit.social
    hash(unit)


# -- answers already recoded (issue 14) -------------------------------------------------------

# awell-health/awell-score, src/scores/whoqol_bref/__testdata__/whoqol_bref_test_responses.ts
# ("random_response") and whoqol_bref.test.ts: Q3, Q4 and Q26 stored already reversed (README:
# "pre-reversed value scales for certain questions (Q3, Q4, Q26)"). The test computes
# physical = ((2+1+4+4+3+4+4)/7 x 4 - 4) x 6,25 = 53,57. Read as pre-reversed: 375/7, 425/6,
# 75, 525/8; reversed again (wrong for this data): 75, 475/6, 75, 525/8.
AWELL_RANDOM_RESPONSE = [
    4,
    4,
    2,
    1,
    4,
    3,
    4,
    5,
    3,
    4,
    5,
    3,
    4,
    3,
    4,
    3,
    4,
    4,
    5,
    4,
    3,
    5,
    4,
    3,
    4,
    2,
]


def pre_reverse(row: list[int | None]) -> list[int | None]:
    """What a data system that recodes Q3, Q4, Q26 stores: 6 - x on them, the rest as is."""
    return [
        None if v is None else (6 - v if n + 1 in whoqol.REVERSED_ITEMS else v)
        for n, v in enumerate(row)
    ]


def test_awell_fixture_read_as_pre_reversed_and_reversed_again() -> None:
    half_up = RoundingPolicy(2, Rounding.HALF_UP)
    right = whoqol.score_assessment(AWELL_RANDOM_RESPONSE, negative_items="pre_reversed")
    wrong = whoqol.score_assessment(AWELL_RANDOM_RESPONSE)
    assert [d.transformed for d in right.domains] == [
        divide(375, 7),
        divide(425, 6),
        Decimal(75),
        Decimal("65.625"),
    ]
    assert right.physical.rounded(half_up) == Decimal("53.57")  # the fixture's expectation
    assert right.negative_items is whoqol.NegativeItems.PRE_REVERSED
    assert [d.transformed for d in wrong.domains] == [
        Decimal(75),
        divide(475, 6),
        Decimal(75),
        Decimal("65.625"),
    ]
    assert wrong.negative_items is whoqol.NegativeItems.RAW


@pytest.mark.parametrize(
    ("answer", "pre_reversed", "raw"),
    [
        # awell-score fixtures best_response (all 5), worst_response (all 1), median (all 3).
        (5, ["100", "100", "100", "100"], [divide(500, 7), divide(250, 3), 100, 100]),
        (1, ["0", "0", "0", "0"], [divide(200, 7), divide(50, 3), 0, 0]),
        (3, ["50", "50", "50", "50"], ["50", "50", "50", "50"]),
    ],
)
def test_awell_uniform_fixtures(
    answer: int, pre_reversed: list[object], raw: list[object]
) -> None:
    given_pre = whoqol.score_assessment([answer] * 26, negative_items="pre_reversed")
    given_raw = whoqol.score_assessment([answer] * 26)
    assert [d.transformed for d in given_pre.domains] == [Decimal(str(v)) for v in pre_reversed]
    assert [d.transformed for d in given_raw.domains] == [Decimal(str(v)) for v in raw]


@given(assessments(), st.integers(0, 3), st.sampled_from(list(Rounding)))
def test_pre_reversed_input_with_the_option_equals_raw_input_without_it(
    rows: list[list[int | None]], places: int, rounding: Rounding
) -> None:
    # Issue 14's property, on every path where answers enter: scalar, sums, batch, improvement.
    recoded = [pre_reverse(row) for row in rows]
    policy = RoundingPolicy(places, rounding)
    for raw_row, recoded_row in zip(rows, recoded, strict=True):
        raw = whoqol.score_assessment(raw_row)
        pre = whoqol.score_assessment(recoded_row, negative_items="pre_reversed")
        assert pre.domains == raw.domains
        assert pre.items == tuple(recoded_row)
    raw_sums = whoqol.domain_sums(rows)
    pre_sums = whoqol.domain_sums(recoded, negative_items=whoqol.NegativeItems.PRE_REVERSED)
    for name in ("sums", "answered", "missing", "void", "valid"):
        assert np.array_equal(getattr(pre_sums, name), getattr(raw_sums, name)), name
    for domain in Domain:
        assert (
            whoqol.score_batch(
                recoded, domain=domain, policy=policy, negative_items="pre_reversed"
            ).decimals()
            == whoqol.score_batch(rows, domain=domain, policy=policy).decimals()
        )
    if all(raw_sums.valid.any(axis=0)):
        start = [[3] * 26 for _ in rows]
        assert whoqol.score(pre=start, post=rows) == whoqol.score(
            pre=start, post=recoded, negative_items="pre_reversed"
        )


@given(assessments(missing=False))
def test_social_and_environment_never_depend_on_the_option(rows: list[list[int | None]]) -> None:
    for row in rows:
        raw = whoqol.score_assessment(row)
        pre = whoqol.score_assessment(row, negative_items="pre_reversed")
        assert (raw.social, raw.environment) == (pre.social, pre.environment)


def test_negative_items_option_is_checked_and_sums_must_agree() -> None:
    with pytest.raises(InvalidValueError, match=r"'negative_items' must be one of \['raw'"):
        whoqol.score_assessment([3] * 26, negative_items="PRE_REVERSED")
    with pytest.raises(InvalidValueError, match="'negative_items' must be one of"):
        whoqol.domain_sums([[3] * 26], negative_items=True)  # type: ignore[arg-type]
    sums = whoqol.domain_sums([[3] * 26], negative_items="pre_reversed")
    half_up = RoundingPolicy(2, Rounding.HALF_UP)
    with pytest.raises(InvalidValueError, match="must be summed with negative_items='raw'"):
        whoqol.score_batch(sums, domain="physical", policy=half_up)
    with pytest.raises(InvalidValueError, match="'pre' must be summed with"):
        whoqol.score(pre=sums, post=[[3] * 26])
    assert whoqol.score_batch(
        sums, domain="physical", policy=half_up, negative_items="pre_reversed"
    ).decimals() == [Decimal("50.00")]
