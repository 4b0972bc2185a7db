"""Benchmarks of the sakip batch paths against bare numpy and the scalar Decimal path.

Run from the repository root::

    python benchmarks/run.py            # the recorded sizes (docs/performance.md)
    python benchmarks/run.py --quick    # small sizes, a few seconds (tests/test_benchmarks.py)

For each workload it prints the batch time, the time of a bare-numpy
reference on the same data in the same run, the scalar-path time per row on
a sample, the ratios against the goals of issue 7, the peak memory the
batch call allocates (tracemalloc, which numpy reports to) relative to its
input, and the number of elements where the batch path disagrees with the
scalar Decimal path on a sample. Times are the best of several repeats.
The exit status is 1 when any mismatch is found, 0 otherwise; timings never
fail the run.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np

from sakip.capaian import Polarity, achievement, achievement_array
from sakip.instruments import kpkk, whoqol
from sakip.likert import LIKERT_1_4, MissingPolicy, score_matrix
from sakip.numbers import Rounding, RoundingPolicy, round_to
from sakip.schemes import CAPAIAN_LKIP, KPKK_LIKERT_4
from sakip.summary import count_meeting_targets, count_meeting_targets_by_group

LKIP = RoundingPolicy(2, Rounding.TRUNCATE)
HALF_UP = Rounding.HALF_UP


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def best_times(runs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best wall times of several functions, run in turn ``repeat`` times.

    Interleaving the runs lets a busy moment of the machine slow each of
    them alike, so their ratio stays meaningful on a shared machine.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            gc.collect()
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def peak_memory(run: Callable[[], object]) -> int:
    """Peak bytes allocated while ``run`` runs (numpy reports to tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.3f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.2f} us"


def verdict(ratio: float, limit: float, *, at_most: bool) -> str:
    if (ratio <= limit) if at_most else (ratio >= limit):
        return "met"
    if at_most:
        return f"MISSED by {ratio / limit:.2f}x"
    return f"MISSED by {limit / ratio:.2f}x"


class Report:
    """Collects and prints one workload's lines."""

    def __init__(self, title: str) -> None:
        print()
        print(title)
        self.mismatches = 0

    def line(self, label: str, value: str, note: str = "") -> None:
        print(f"  {label:<28}{value:>14}  {note}".rstrip())


# -- workload A: capaian ------------------------------------------------------------------


def capaian_data(
    rng: np.random.Generator, n: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Targets and realisations with 2 decimals (0,01 .. 10.000,00) and 30 % lower-is-better."""
    targets = rng.integers(1, 1_000_000, n) / 100
    realizations = rng.integers(0, 1_000_000, n) / 100
    lower = rng.random(n) < 0.3
    return targets, realizations, lower


def constructed_ties(rng: np.random.Generator, n: int) -> tuple[list[Decimal], list[Decimal]]:
    """Pairs whose capaian lands exactly on a tie (x.xx5), a bound or one step off a bound."""
    targets: list[Decimal] = []
    realizations: list[Decimal] = []
    for i in range(n):
        kind = i % 4
        if kind == 0:  # r / t x 100 = k + 0.005: t = 200, r = 2k + 0.01 (k in 0.01 steps)
            k = Decimal(int(rng.integers(0, 30_000))) / 100
            targets.append(Decimal(200))
            realizations.append(2 * k + Decimal("0.01"))
        elif kind == 1:  # exactly on a bound of CAPAIAN_LKIP: t = j, r = j x bound / 100
            bound = (55, 70, 85, 100)[int(rng.integers(0, 4))]
            t = Decimal(int(rng.integers(1, 10_000)))
            targets.append(t)
            realizations.append(t * bound / 100)
        elif kind == 2:  # one hundredth of a percent below or above a bound: t = 100.00
            bound = (55, 70, 85, 100)[int(rng.integers(0, 4))]
            step = Decimal("0.01") * (1 if rng.random() < 0.5 else -1)
            targets.append(Decimal(100))
            realizations.append(Decimal(bound) + step)
        else:  # below a bound by less than a tenth of a percent: 99.999 %, 84.9997 %...
            bound = (55, 70, 85, 100)[int(rng.integers(0, 4))]
            t = Decimal(20 * int(rng.integers(50, 5_000)))  # t x bound / 100 is an integer
            targets.append(t / 100)
            realizations.append((t * bound / 100 - 1) / 100)
    return targets, realizations


def capaian_reference(
    targets: list[Decimal], realizations: list[Decimal], lower: list[bool]
) -> tuple[list[Decimal], list[int]]:
    """The scalar Decimal path: capaian, truncated, and its category on the exact value."""
    values = []
    categories = []
    for t, r, low in zip(targets, realizations, lower, strict=True):
        polarity = Polarity.LOWER_IS_BETTER if low else Polarity.HIGHER_IS_BETTER
        exact = achievement(target=t, realization=r, polarity=polarity)
        values.append(LKIP.apply(exact))
        categories.append(CAPAIAN_LKIP.index(exact))
    return values, categories


def workload_a(
    rng: np.random.Generator, n: int, sample: int, scalar_rows: int, repeat: int
) -> int:
    report = Report(
        f"A. capaian of {n:,} (target, realisation) pairs, 2 decimals, 30 % lower-is-better,"
        " truncated to 2 places, CAPAIAN_LKIP category"
    )
    targets, realizations, lower = capaian_data(rng, n)
    bounds = np.array([55.0, 70.0, 85.0, 100.0])

    def batch() -> object:
        result = achievement_array(
            target=targets, realization=realizations, policy=LKIP, polarity=lower
        )
        return result.scaled, result.classify()

    def bare() -> object:
        return np.searchsorted(bounds, realizations / targets * 100, side="right")

    # Warm up both, then time them in turn in the same run.
    batch()
    bare()
    batch_time, bare_time = best_times([batch, bare], repeat)
    ratio = batch_time / bare_time
    report.line("batch", fmt_time(batch_time), "achievement_array(...) + .classify()")
    report.line("bare numpy", fmt_time(bare_time), "np.searchsorted(bounds, r / t * 100)")
    report.line("batch / bare", f"{ratio:.2f}x", f"goal <= 3x: {verdict(ratio, 3, at_most=True)}")

    rows = slice(0, scalar_rows)
    t_dec = [Decimal(str(x)) for x in targets[rows]]
    r_dec = [Decimal(str(x)) for x in realizations[rows]]
    low = lower[rows].tolist()
    scalar_time = best_time(lambda: capaian_reference(t_dec, r_dec, low), max(1, repeat // 2))
    per_row = scalar_time / scalar_rows
    speedup = per_row / (batch_time / n)
    report.line(
        "scalar per row",
        fmt_time(per_row),
        f"achievement + round_to + classify, {scalar_rows:,} rows",
    )
    report.line("batch per row", fmt_time(batch_time / n))
    report.line(
        "scalar / batch per row",
        f"{speedup:,.0f}x",
        f"goal >= 100x: {verdict(speedup, 100, at_most=False)}",
    )

    input_bytes = targets.nbytes + realizations.nbytes + lower.nbytes
    peak = peak_memory(batch)
    outputs = n * (
        8 + 1 + 8 + 8 + 1 + 8
    )  # scaled, status, numerator, denominator, residual, positions
    report.line(
        "peak memory",
        f"{peak / input_bytes:.2f}x input",
        f"{peak / 1e6:.1f} MB for {input_bytes / 1e6:.1f} MB of input; outputs alone {outputs / 1e6:.1f} MB",
    )

    # Mismatches: a random sample plus constructed ties and bound values.
    ties = sample // 10
    random_rows = sample - ties
    tie_t, tie_r = constructed_ties(rng, ties)
    t_all = [Decimal(str(x)) for x in targets[:random_rows]] + tie_t
    r_all = [Decimal(str(x)) for x in realizations[:random_rows]] + tie_r
    low_all = lower[:random_rows].tolist() + [bool(x) for x in rng.random(ties) < 0.3]
    expected_values, expected_categories = capaian_reference(t_all, r_all, low_all)
    t_float = np.array([float(x) for x in t_all])
    r_float = np.array([float(x) for x in r_all])
    result = achievement_array(
        target=t_float, realization=r_float, policy=LKIP, polarity=np.array(low_all)
    )
    got_values = result.decimals()
    got_categories = result.classify().tolist()
    wrong = sum(
        g != e or gc_ != ec
        for g, e, gc_, ec in zip(
            got_values, expected_values, got_categories, expected_categories, strict=True
        )
    )
    # What bare floats would have printed on the same rows (higher-is-better rows only).
    plain = np.array([not x for x in low_all])
    float_capaian = np.floor(r_float[plain] / t_float[plain] * 100 * 100) / 100
    float_wrong = sum(
        Decimal(str(f)).quantize(Decimal("0.01")) != e
        for f, e in zip(
            float_capaian.tolist(),
            [v for v, p in zip(expected_values, plain.tolist(), strict=True) if p],
            strict=True,
        )
    )
    report.line(
        "mismatches",
        f"{wrong:,}",
        f"of {sample:,} rows ({ties:,} constructed ties and bound values); "
        f"bare float truncation gets {float_wrong:,} of {int(plain.sum()):,} wrong",
    )
    return wrong


# -- workload B: Likert matrix ------------------------------------------------------------


def workload_b(
    rng: np.random.Generator, n: int, sample: int, scalar_rows: int, repeat: int
) -> int:
    report = Report(
        f"B. KPKK / IKM Likert matrix, {n:,} respondents x 10 items (int8, 1-4): respondent and"
        " item means and categories, overall mean"
    )
    scores = rng.integers(1, 5, (n, 10), dtype=np.int8)

    policy = RoundingPolicy(2, HALF_UP)

    def batch() -> object:
        matrix = score_matrix(scores, scale=LIKERT_1_4)
        respondents = kpkk.score_batch(matrix, policy=policy)
        return (
            matrix.mean(),
            respondents.positions,
            respondents.scaled,
            matrix.col_positions(KPKK_LIKERT_4),
            matrix.col_means_scaled(2, HALF_UP),
        )

    def bare() -> object:
        return scores.mean(axis=1), scores.mean(axis=0)

    batch()
    bare()
    batch_time, bare_time = best_times([batch, bare], repeat)
    ratio = batch_time / bare_time
    report.line(
        "batch", fmt_time(batch_time), "kpkk.score_batch(score_matrix(m)) + aspect means, half up"
    )
    report.line("bare numpy", fmt_time(bare_time), "m.mean(axis=1), m.mean(axis=0)")
    report.line("batch / bare", f"{ratio:.2f}x", f"goal <= 2x: {verdict(ratio, 2, at_most=True)}")

    small = scores[:scalar_rows].tolist()
    scalar_time = best_time(lambda: kpkk.score(small), max(1, repeat // 2))
    per_row = scalar_time / scalar_rows
    report.line("scalar per row", fmt_time(per_row), f"kpkk.score, {scalar_rows:,} rows")
    report.line("scalar / batch per row", f"{per_row / (batch_time / n):,.0f}x")

    peak = peak_memory(batch)
    ratio_memory = peak / scores.nbytes
    report.line(
        "peak memory",
        f"{ratio_memory:.2f}x input",
        f"{peak / 1e6:.1f} MB for {scores.nbytes / 1e6:.1f} MB; goal <= 3x: "
        f"{verdict(ratio_memory, 3, at_most=True)}",
    )

    # Mismatches: batch rows against the scalar path on a sample with missing answers.
    part = scores[:sample].tolist()
    for row in part[::7]:
        row[int(rng.integers(0, 10))] = None
    exact = kpkk.score(part, missing=MissingPolicy.EXCLUDE)
    matrix = score_matrix(part, scale=LIKERT_1_4, missing=MissingPolicy.EXCLUDE)
    fast = kpkk.score_batch(matrix, policy=policy, missing=MissingPolicy.EXCLUDE)
    wrong = sum(
        round_to(m, 2, HALF_UP) != got or band != got_band
        for m, band, got, got_band in zip(
            exact.respondent_means,
            exact.respondent_categories,
            fast.decimals(),
            fast.categories(),
            strict=True,
        )
    )
    aspect = matrix.col_means_scaled(2, HALF_UP).tolist()
    wrong += sum(
        int(round_to(m, 2, HALF_UP) * 100) != got
        for m, got in zip(exact.aspect_means, aspect, strict=True)
    )
    wrong += matrix.mean() != exact.value
    report.line(
        "mismatches", f"{wrong:,}", f"of {sample:,} respondents (1 in 7 with a missing answer)"
    )
    assert KPKK_LIKERT_4 is fast.scheme
    return wrong


# -- workload C: WHOQOL-BREF ----------------------------------------------------------------

DOMAIN_COLUMNS = [[item - 1 for item in d.items] for d in whoqol.Domain]
REVERSED = [item - 1 for item in whoqol.REVERSED_ITEMS]


def bare_whoqol(
    pre: np.ndarray[Any, Any],
    pre_missing: np.ndarray[Any, Any],
    post: np.ndarray[Any, Any],
    post_missing: np.ndarray[Any, Any],
) -> object:
    """Domain means (raw and transformed) and improvement shares in plain float numpy."""
    transformed = []
    for scores, missing in ((pre, pre_missing), (post, post_missing)):
        items = scores.astype(np.float64)
        items[:, REVERSED] = 6.0 - items[:, REVERSED]
        items[missing] = np.nan
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            means = np.column_stack([np.nanmean(items[:, c], axis=1) for c in DOMAIN_COLUMNS])
        raw = means * 4
        transformed.append((raw - 4) * 100 / 16)
    both = ~np.isnan(transformed[0]) & ~np.isnan(transformed[1])
    rose = (transformed[1] > transformed[0]) & both
    return rose.sum(axis=0) / both.sum(axis=0) * 100


def bare_whoqol_sums(
    pre: np.ndarray[Any, Any],
    pre_missing: np.ndarray[Any, Any],
    post: np.ndarray[Any, Any],
    post_missing: np.ndarray[Any, Any],
) -> object:
    """The same in integer sums and counts (a faster bare reference)."""
    transformed = []
    for scores, missing in ((pre, pre_missing), (post, post_missing)):
        items = np.where(missing, 0, scores).astype(np.int16)
        items[:, REVERSED] = np.where(missing[:, REVERSED], 0, 6 - items[:, REVERSED])
        given = ~missing
        sums = np.column_stack([items[:, c].sum(axis=1) for c in DOMAIN_COLUMNS])
        counts = np.column_stack([given[:, c].sum(axis=1) for c in DOMAIN_COLUMNS])
        with np.errstate(invalid="ignore", divide="ignore"):
            raw = sums / counts * 4
        transformed.append((raw - 4) * 100 / 16)
    both = ~np.isnan(transformed[0]) & ~np.isnan(transformed[1])
    rose = (transformed[1] > transformed[0]) & both
    return rose.sum(axis=0) / both.sum(axis=0) * 100


def workload_c(rng: np.random.Generator, n: int, scalar_rows: int, repeat: int) -> int:
    report = Report(
        f"C. WHOQOL-BREF, {n:,} clients x 26 items x 2 assessments, 1 % missing items:"
        " domains, transforms, improvement percentages"
    )
    pre = rng.integers(1, 6, (n, 26), dtype=np.int8)
    post = rng.integers(1, 6, (n, 26), dtype=np.int8)
    pre_missing = rng.random((n, 26)) < 0.01
    post_missing = rng.random((n, 26)) < 0.01

    def batch() -> object:
        before = whoqol.domain_sums(pre, missing_mask=pre_missing)
        after = whoqol.domain_sums(post, missing_mask=post_missing)
        scores = [b.raw_scaled(2, HALF_UP) for b in (before, after)] + [
            b.transformed_scaled(2, HALF_UP) for b in (before, after)
        ]
        return scores, whoqol.score(pre=before, post=after)

    def bare() -> object:
        return bare_whoqol(pre, pre_missing, post, post_missing)

    def bare_sums() -> object:
        return bare_whoqol_sums(pre, pre_missing, post, post_missing)

    batch()
    bare()
    bare_sums()
    batch_time, bare_time, sums_time = best_times([batch, bare, bare_sums], repeat)
    ratio = batch_time / bare_time
    strict = batch_time / min(bare_time, sums_time)
    report.line("batch", fmt_time(batch_time), "domain_sums x 2, raw/transformed, score()")
    report.line("bare numpy", fmt_time(bare_time), "float NaN matrix, np.nanmean per domain")
    report.line("bare numpy, int sums", fmt_time(sums_time), "zeroed int16 matrix, sums / counts")
    report.line("batch / bare", f"{ratio:.2f}x", "against np.nanmean")
    report.line(
        "batch / fastest bare",
        f"{strict:.2f}x",
        f"goal <= 3x: {verdict(strict, 3, at_most=True)}; goal < 1 s: "
        f"{'met' if batch_time < 1 else 'MISSED'}",
    )

    rows_pre = [
        [None if m else int(v) for v, m in zip(r, mr, strict=True)]
        for r, mr in zip(
            pre[:scalar_rows].tolist(), pre_missing[:scalar_rows].tolist(), strict=True
        )
    ]
    rows_post = [
        [None if m else int(v) for v, m in zip(r, mr, strict=True)]
        for r, mr in zip(
            post[:scalar_rows].tolist(), post_missing[:scalar_rows].tolist(), strict=True
        )
    ]

    def scalar() -> list[tuple[whoqol.AssessmentScore, whoqol.AssessmentScore]]:
        return [
            (whoqol.score_assessment(a), whoqol.score_assessment(b))
            for a, b in zip(rows_pre, rows_post, strict=True)
        ]

    scalar_time = best_time(scalar, max(1, repeat // 2))
    per_row = scalar_time / scalar_rows
    report.line(
        "scalar per client", fmt_time(per_row), f"score_assessment x 2, {scalar_rows:,} clients"
    )
    report.line("scalar / batch per client", f"{per_row / (batch_time / n):,.0f}x")

    input_bytes = pre.nbytes + post.nbytes + pre_missing.nbytes + post_missing.nbytes
    peak = peak_memory(batch)
    report.line(
        "peak memory",
        f"{peak / input_bytes:.2f}x input",
        f"{peak / 1e6:.1f} MB for {input_bytes / 1e6:.1f} MB of input",
    )

    # Mismatches on the scalar sample: rounded scores and improvement counts.
    pairs = scalar()
    before = whoqol.domain_sums(pre[:scalar_rows], missing_mask=pre_missing[:scalar_rows])
    after = whoqol.domain_sums(post[:scalar_rows], missing_mask=post_missing[:scalar_rows])
    wrong = 0
    counts = [[0, 0] for _ in range(4)]
    for side, batch_scores in ((0, before), (1, after)):
        raw = batch_scores.raw_scaled(2, HALF_UP)
        transformed = batch_scores.transformed_scaled(2, HALF_UP)
        for i, pair in enumerate(pairs):
            for d, domain in enumerate(pair[side].domains):
                if domain.valid != bool(batch_scores.valid[i, d]):
                    wrong += 1
                elif domain.raw is not None and domain.transformed is not None:
                    wrong += int(round_to(domain.raw, 2, HALF_UP) * 100) != int(raw[i, d])
                    wrong += int(round_to(domain.transformed, 2, HALF_UP) * 100) != int(
                        transformed[i, d]
                    )
    for a, b in pairs:
        for d in range(4):
            x, y = a.domains[d], b.domains[d]
            if x.raw is not None and y.raw is not None:
                counts[d][1] += 1
                counts[d][0] += y.raw > x.raw
    # score_batch (one domain per call, from the same DomainSums) against the scalar path.
    policy = RoundingPolicy(2, HALF_UP)
    for d, domain_name in enumerate(whoqol.Domain):
        got = whoqol.score_batch(before, domain=domain_name, policy=policy).decimals()
        wrong += sum(
            value != pair[0].domains[d].rounded(policy)
            for value, pair in zip(got, pairs, strict=True)
        )
    result = whoqol.score(pre=before, post=after)
    wrong += sum(
        (dom.improved, dom.assessed) != (up, total)
        for dom, (up, total) in zip(result.domains, counts, strict=True)
    )
    report.line(
        "mismatches", f"{wrong:,}", f"of {scalar_rows:,} clients (every domain score and count)"
    )
    return wrong


# -- workload D: units meeting targets --------------------------------------------------------


def workload_d(rng: np.random.Generator, n: int, scalar_rows: int, repeat: int) -> int:
    report = Report(f"D. units meeting their targets, {n:,} units in 500 groups (extra)")
    values = rng.integers(0, 10_000, n) / 100
    targets = rng.integers(0, 10_000, n) / 100
    groups = rng.integers(0, 500, n)

    def batch() -> object:
        return count_meeting_targets_by_group(values, targets, groups=groups, n_groups=500)

    def bare() -> object:
        return np.bincount(groups[values >= targets], minlength=500), np.bincount(groups)

    batch()
    bare()
    batch_time, bare_time = best_times([batch, bare], repeat)
    report.line("batch", fmt_time(batch_time), "count_meeting_targets_by_group")
    report.line("bare numpy", fmt_time(bare_time), "np.bincount(groups[v >= t])")
    report.line("batch / bare", f"{batch_time / bare_time:.2f}x", "no goal set")
    names = [f"u{i}" for i in range(scalar_rows)]
    v_dec = dict(zip(names, (str(x) for x in values[:scalar_rows]), strict=True))
    t_dec = dict(zip(names, (str(x) for x in targets[:scalar_rows]), strict=True))
    scalar_time = best_time(lambda: count_meeting_targets(v_dec, t_dec), max(1, repeat // 2))
    report.line("scalar per unit", fmt_time(scalar_time / scalar_rows), "count_meeting_targets")
    met, assessed = count_meeting_targets_by_group(
        values[:scalar_rows], targets[:scalar_rows], groups=groups[:scalar_rows], n_groups=500
    )
    wrong = 0
    for g in range(500):
        members = [
            name
            for name, group in zip(names, groups[:scalar_rows].tolist(), strict=True)
            if group == g
        ]
        count = count_meeting_targets(
            {m: v_dec[m] for m in members}, {m: t_dec[m] for m in members}
        )
        wrong += (count.count, count.total) != (int(met[g]), int(assessed[g]))
    report.line("mismatches", f"{wrong:,}", "of 500 groups")
    return wrong


# -- workload E: import time -------------------------------------------------------------------


def import_time(statement: str, repeat: int) -> float:
    """The best wall time of a fresh interpreter that runs ``statement``, in seconds."""
    command = [sys.executable, "-c", statement]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def workload_e(repeat: int) -> int:
    report = Report("E. import sakip against import numpy, fresh interpreters")
    # Interleave the runs so that all see the same machine load.
    everyday = "import sakip; sakip.achievement; sakip.evaluate; sakip.summarize; sakip.schemes; sakip.tahanan"
    empty = numpy_time = sakip_time = used_time = float("inf")
    for _ in range(repeat):
        empty = min(empty, import_time("pass", 1))
        numpy_time = min(numpy_time, import_time("import numpy", 1))
        sakip_time = min(sakip_time, import_time("import sakip", 1))
        used_time = min(used_time, import_time(everyday, 1))
    report.line("python -c pass", fmt_time(empty), "interpreter start-up")
    report.line("import numpy", fmt_time(numpy_time - empty), "start-up subtracted")
    report.line("import sakip", fmt_time(sakip_time - empty), "names load on first use")
    ratio = (sakip_time - empty) / (numpy_time - empty)
    report.line(
        "sakip / numpy", f"{ratio:.2f}x", f"goal <= 1.5x: {verdict(ratio, 1.5, at_most=True)}"
    )
    used = (used_time - empty) / (numpy_time - empty)
    report.line(
        "+ capaian, summary, tahanan", f"{used:.2f}x", "numpy, attrs and the core loaded; no goal"
    )
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sakip, sys; print(sum(m.startswith('sakip.report') for m in sys.modules))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    report.line("report modules", loaded, "loaded by import sakip (goal 0)")
    report.line("mismatches", "0" if loaded == "0" else "1", "the report layer stays unloaded")
    return 0 if loaded == "0" else 1


# -- workload F: many units in one command ----------------------------------------------------


def workload_f(units: int, repeat: int) -> int:
    import json
    import shutil
    import tempfile
    from pathlib import Path

    from sakip.report.audit import audit
    from sakip.report.compute import compute_report
    from sakip.report.dataset import bundled_dataset_path, load_dataset

    report = Report(f"F. sakip audit DIR: {units} copies of the bundled data set, one command")
    expected = len(audit(compute_report(load_dataset())))
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"unit-{i:04d}.toml" for i in range(units)]
        for path in paths:
            shutil.copyfile(bundled_dataset_path(), path)
        command = [sys.executable, "-m", "sakip", "audit", folder, "--format", "json"]
        results: list[subprocess.CompletedProcess[str]] = []

        def run_command() -> None:
            results.append(subprocess.run(command, capture_output=True, text=True, check=False))

        def load_all() -> None:
            for path in paths:
                load_dataset(path)

        command_time, load_time = best_times([run_command, load_all], repeat)
    document = json.loads(results[-1].stdout)
    wrong = results[-1].returncode != 1 or len(document["units"]) != units
    wrong_units = sum(
        u["status"] != "findings" or u["findings"] != expected for u in document["units"]
    )
    report.line("sakip audit DIR", fmt_time(command_time), "subprocess, start-up included")
    report.line(
        "per data set",
        fmt_time(command_time / units),
        f"goal 200 in < 10 s: {verdict(command_time / units * 200, 10.0, at_most=True)}",
    )
    report.line("load_dataset alone", fmt_time(load_time / units), "per data set, in-process")
    report.line("audit / loading", f"{command_time / load_time:.2f}x", "no goal")
    report.line("mismatches", str(wrong_units + int(wrong)), f"each unit: {expected} findings")
    return wrong_units + int(wrong)


def machine() -> None:
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    print(f"machine: {os.cpu_count()} cores, {model}, {platform.machine()}")
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a few seconds)")
    parser.add_argument("--repeat", type=int, default=None, help="timed repeats (best of)")
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument(
        "--only", default="ABCDEF", help="workloads to run, such as A or BC (default ABCDEF)"
    )
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    if args.quick:
        sizes = {"a": 20_000, "a_sample": 4_000, "b": 20_000, "c": 2_000, "d": 20_000, "f": 10}
        scalar_rows, repeat = 200, args.repeat or 2
    else:
        sizes = {
            "a": 1_000_000,
            "a_sample": 100_000,
            "b": 1_000_000,
            "c": 100_000,
            "d": 1_000_000,
            "f": 200,
        }
        scalar_rows, repeat = 2_000, args.repeat or 15
    print(f"sakip batch benchmarks ({'quick' if args.quick else 'full'}), best of {repeat}")
    machine()
    only = args.only.upper()
    wrong = 0
    if "A" in only:
        wrong += workload_a(rng, sizes["a"], sizes["a_sample"], scalar_rows, repeat)
    if "B" in only:
        wrong += workload_b(rng, sizes["b"], sizes["a_sample"] // 10, scalar_rows, repeat)
    if "C" in only:
        wrong += workload_c(rng, sizes["c"], scalar_rows, repeat)
    if "D" in only:
        wrong += workload_d(rng, sizes["d"], scalar_rows, repeat)
    if "E" in only:
        wrong += workload_e(max(repeat, 5))
    if "F" in only:
        wrong += workload_f(sizes["f"], min(repeat, 3))
    print()
    print(f"total mismatches against the Decimal path: {wrong}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
