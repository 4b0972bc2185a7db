"""The oracle (issue 12): every public array function of capaian and summary against the scalar path.

For each public array function, hypothesis draws arrays of every supported
dtype (int8..uint64, float16/32/64, Decimal object arrays, masked arrays) with
extreme values (dtype limits, 0, -0, NaN, infinity, huge), pairs built to
land exactly on every bound of ``CAPAIAN_LKIP`` (and one unit beside it) and
on a rounding tie at the policy's digit, and shapes (1-d, 2-d, a 0-d target
broadcast, mismatched). Each element must equal the scalar path's answer
(``achievement`` + ``round_to`` + ``BandScheme.index``; ``target_status``),
or the call must raise a :class:`~sakip.errors.SakipError`; a raise other
than :class:`~sakip.exact_array.InexactArrayError` (the documented array
limit) is only allowed where the scalar path raises for some element, and a
mask or a shape mismatch must be refused, never dropped.

``test_every_public_array_function_has_an_oracle`` lists the modules'
``__all__`` (and the public methods of ``AchievementArray``) so that a new
array function cannot be forgotten.

Runs with the suite's hypothesis profile ("ci", a few hundred examples);
``HYPOTHESIS_PROFILE=long pytest tests/test_oracle_capaian.py`` runs the long
profile by hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from sakip import capaian, summary
from sakip.bands import BandScheme
from sakip.capaian import (
    AchievementArray,
    Polarity,
    TargetStatus,
    achievement,
    achievement_array,
    target_status,
)
from sakip.errors import OutOfBandError, SakipError
from sakip.exact_array import InexactArrayError
from sakip.numbers import Rounding, RoundingPolicy
from sakip.schemes import BUILTIN_SCHEMES, CAPAIAN_LKIP
from sakip.summary import count_meeting_targets_by_group, meets_target_array

try:
    settings.get_profile("long")
except InvalidArgument:
    settings.register_profile(
        "long",
        max_examples=5_000,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
oracle = settings(
    settings.get_profile(PROFILE),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
    deadline=None,
)

# --- which functions take arrays ---------------------------------------------------------

#: Every public name of the two modules, and whether (and how) the oracle covers it.
ORACLES: dict[str, str] = {
    # capaian
    "AchievementArray": "methods below",
    "ClassifyOn": "enum",
    "Polarity": "enum",
    "TargetStatus": "enum",
    "achievement": "scalar path (the reference)",
    "achievement_array": "test_achievement_array_agrees_with_scalar",
    "classify_achievement": "scalar path (the reference)",
    "target_status": "scalar path (the reference)",
    # summary
    "Average": "enum",
    "Summary": "scalar result",
    "SummaryComparison": "scalar result",
    "UnitCount": "scalar result",
    "compare_summaries": "scalar path",
    "count_in_categories": "scalar path (mappings)",
    "count_meeting_targets": "scalar path (the reference)",
    "count_meeting_targets_by_group": "test_meeting_targets_agree_with_scalar",
    "meets_target_array": "test_meeting_targets_agree_with_scalar",
    "summarize": "scalar path",
}
#: Public methods of AchievementArray and their oracle.
METHODS: dict[str, str] = {
    "classify": "test_achievement_array_agrees_with_scalar",
    "decimals": "test_achievement_array_agrees_with_scalar",
    "to_score_batch": "test_achievement_array_agrees_with_scalar",
}


def test_every_public_array_function_has_an_oracle() -> None:
    names = set(capaian.__all__) | set(summary.__all__)
    assert names == set(ORACLES), "classify every new public name in ORACLES"
    methods = {
        name
        for name in dir(AchievementArray)
        if not name.startswith("_") and callable(getattr(AchievementArray, name))
    }
    assert methods == set(METHODS), "give every new method of AchievementArray an oracle"
    for name, where in (*ORACLES.items(), *METHODS.items()):
        if where.startswith("test_"):
            assert where in globals(), (name, where)
    # Anything whose name says it takes arrays is covered by a test.
    for name in names:
        if name.endswith("_array") or name.endswith("_by_group"):
            assert ORACLES[name].startswith("test_"), name


# --- strategies ---------------------------------------------------------------------------

INTEGER_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_DTYPES = [np.float16, np.float32, np.float64]
KINDS: list[Any] = [*INTEGER_DTYPES, *FLOAT_DTYPES, "decimal"]
BOUNDS = [55, 70, 85, 100]  # every bound of CAPAIAN_LKIP, in percent


def extremes(kind: Any) -> list[Any]:
    """Limits and special values of a dtype, as Python values that it holds."""
    if kind == "decimal":
        return [
            Decimal("0"),
            Decimal("-0"),
            Decimal("NaN"),
            Decimal("1E+40"),
            Decimal("-1"),
            Decimal("0.001"),
            Decimal(2**63),
        ]
    if kind in INTEGER_DTYPES:
        info = np.iinfo(kind)
        return [int(info.min), int(info.max), 0, 1, int(info.max) - 1]
    info_f = np.finfo(kind)
    return [0.0, -0.0, float("nan"), float("inf"), float(info_f.max), float(info_f.tiny), -1.0]


@st.composite
def pair(draw: st.DrawFn, scale: int) -> tuple[int, int]:
    """(target, realisation) as integers (divided by 10**scale later), built or random."""
    kind = draw(st.integers(0, 4))
    if kind == 0:  # exactly on a bound, or one unit beside it
        m = draw(st.integers(1, 40))
        bound = draw(st.sampled_from(BOUNDS))
        return 100 * m, bound * m + draw(st.sampled_from([-1, 0, 0, 1]))
    if kind == 1:  # a tie at decimal place p: r / 2**(p+3) x 100 ends in 5 at place p
        p = draw(st.integers(0, 3))
        odd = 2 * draw(st.integers(0, 60)) + 1
        if draw(st.booleans()):
            return 2 ** (p + 3), odd
        return odd, 2 ** (p + 3)  # the inverse formula's tie
    if kind == 2:  # lower-is-better beyond twice the target (negative before the floor)
        t = draw(st.integers(0, 50))
        return t, 2 * t + draw(st.integers(0, 20))
    return draw(st.integers(0, 120)), draw(st.integers(0, 120))


def element(kind: Any, value: int, scale: int) -> Any:
    """``value / 10**scale`` as a Python value an array of ``kind`` takes (clipped for ints)."""
    if kind == "decimal":
        return Decimal(value).scaleb(-scale)
    if kind in INTEGER_DTYPES:
        info = np.iinfo(kind)
        return int(min(max(value, int(info.min)), int(info.max)))
    return float(Decimal(value).scaleb(-scale))


def make_array(kind: Any, values: list[Any], shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    if kind == "decimal":
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return array.reshape(shape)
    return np.array(values, dtype=kind).reshape(shape)


@st.composite
def figure_arrays(
    draw: st.DrawFn, size: int, shape: tuple[int, ...]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[tuple[int, int]]]:
    """Target and realisation arrays of independently drawn dtypes, and the pairs used."""
    t_kind, r_kind = draw(st.sampled_from(KINDS)), draw(st.sampled_from(KINDS))
    scale = draw(st.sampled_from([0, 0, 1, 2]))
    pairs = [draw(pair(scale)) for _ in range(size)]
    targets = [element(t_kind, t, scale if t_kind not in INTEGER_DTYPES else 0) for t, _ in pairs]
    reals = [element(r_kind, r, scale if r_kind not in INTEGER_DTYPES else 0) for _, r in pairs]
    # Now and then an extreme value of the dtype, anywhere.
    for values, kind in ((targets, t_kind), (reals, r_kind)):
        for index in range(size):
            if draw(st.integers(0, 9)) == 0:
                values[index] = draw(st.sampled_from(extremes(kind)))
    return make_array(t_kind, targets, shape), make_array(r_kind, reals, shape), pairs


shapes = st.sampled_from([(1,), (3,), (7,), (2, 3), (4, 2)])


def size_of(shape: tuple[int, ...]) -> int:
    return int(np.prod(shape))


def scalar_or_error(run: Callable[[], Any]) -> Any:
    try:
        return run()
    except SakipError as error:
        return error


def scheme_positions(scheme: BandScheme, values: list[Decimal]) -> list[int] | None:
    try:
        return [scheme.index(v) for v in values]
    except OutOfBandError:
        return None


STATUS = {TargetStatus.ABOVE: 1, TargetStatus.AT: 0, TargetStatus.BELOW: -1}


# --- achievement_array and AchievementArray ---------------------------------------------


@st.composite
def polarities(draw: st.DrawFn, shape: tuple[int, ...]) -> tuple[Any, list[Polarity]]:
    """One polarity (member or value) for all, or one per element (members, values or bools)."""
    size = size_of(shape)
    way = draw(st.integers(0, 3))
    if way == 0:
        member = draw(st.sampled_from(list(Polarity)))
        given_as = member if draw(st.booleans()) else member.value
        return given_as, [member] * size
    if way == 1:
        flags = draw(st.lists(st.booleans(), min_size=size, max_size=size))
        members = [Polarity.LOWER_IS_BETTER if f else Polarity.HIGHER_IS_BETTER for f in flags]
        return np.array(flags).reshape(shape), members
    members = draw(st.lists(st.sampled_from(list(Polarity)), min_size=size, max_size=size))
    if way == 2:
        return np.array([m.value for m in members]).reshape(shape), members
    array = np.empty(size, dtype=object)
    array[:] = members
    return array.reshape(shape), members


@oracle
@given(st.data())
def test_achievement_array_agrees_with_scalar(data: st.DataObject) -> None:
    shape = data.draw(shapes)
    size = size_of(shape)
    targets, reals, _ = data.draw(figure_arrays(size, shape))
    given_polarity, members = data.draw(polarities(shape))
    policy = RoundingPolicy(
        data.draw(st.integers(0, 3)), data.draw(st.sampled_from(list(Rounding)))
    )
    cap = data.draw(st.sampled_from([None, None, None, 0, 100, "120.5"]))
    floor = data.draw(st.booleans())
    input_places = data.draw(st.sampled_from([2, 2, 3]))
    broadcast = data.draw(st.integers(0, 5)) == 0
    if broadcast:  # one target for all, as a 0-d array
        targets = targets.reshape(-1)[:1].reshape(())
    masked = data.draw(st.integers(0, 5)) == 0
    mask = data.draw(st.lists(st.booleans(), min_size=size, max_size=size)) if masked else None
    realization: Any = reals
    if mask is not None and reals.dtype != object:
        realization = np.ma.array(reals, mask=np.array(mask).reshape(shape))

    def run() -> AchievementArray:
        return achievement_array(
            target=targets,
            realization=realization,
            policy=policy,
            polarity=given_polarity,
            cap=cap,
            floor_at_zero=floor,
            input_places=input_places,
        )

    goals = np.broadcast_to(targets, shape)
    expected = [
        scalar_or_error(
            lambda t=t, r=r, p=p: achievement(
                target=t, realization=r, polarity=p, cap=cap, floor_at_zero=floor
            )
        )
        for t, r, p in zip(goals.flat, reals.flat, members, strict=True)
    ]
    if isinstance(realization, np.ma.MaskedArray) and any(mask or []):
        # A mask is refused, never dropped (a bad target may be named first).
        with pytest.raises(SakipError, match=r"'realization'|'target\["):
            run()
        event("masked: refused")
        return
    try:
        batch = run()
    except InexactArrayError:
        event("InexactArrayError")
        return  # the documented limit: too many decimals, >= 10**30, or beyond int64
    except SakipError:
        # Any other refusal must be one the scalar path makes for some element.
        assert any(isinstance(e, SakipError) for e in expected), expected
        event("refused as the scalar path refuses")
        return
    event(f"computed, {batch.numerator.dtype} quotients")
    failures = [e for e in expected if isinstance(e, SakipError)]
    assert not failures, f"the batch path computed what the scalar path refuses: {failures[0]}"
    exact: list[Decimal] = list(expected)
    assert batch.scaled.shape == shape
    assert batch.decimals() == [policy.apply(e) for e in exact]
    assert [int(s) for s in batch.status.flat] == [
        STATUS[target_status(target=t, realization=r, polarity=p)]
        for t, r, p in zip(goals.flat, reals.flat, members, strict=True)
    ]
    scheme = data.draw(st.sampled_from([CAPAIAN_LKIP, CAPAIAN_LKIP, *BUILTIN_SCHEMES]))
    for on, values in (("exact", exact), ("displayed", [policy.apply(e) for e in exact])):
        want = scheme_positions(scheme, values)
        try:
            got = [int(x) for x in batch.classify(scheme, on=on).flat]
        except OutOfBandError:
            got = None
        assert got == want, (scheme.name, on)
    if scheme is CAPAIAN_LKIP:  # no gaps: every capaian has a band
        assert batch.to_score_batch().labels() == [CAPAIAN_LKIP.classify(e).label for e in exact]


def test_the_oracle_sees_the_examples_of_issue_12() -> None:
    # The oracle's own reference on the examples that used to fail silently.
    lkip = RoundingPolicy(2, Rounding.TRUNCATE)
    big = np.array([1844674407370955], dtype=np.int64)
    assert achievement_array(target=big, realization=big, policy=lkip).decimals() == [
        Decimal("100.00")
    ]
    top = np.array([np.iinfo(np.uint64).max], dtype=np.uint64)
    assert achievement_array(target=top, realization=top, policy=lkip).decimals() == [
        Decimal("100.00")
    ]
    low = achievement_array(
        target=[4.6e12], realization=[4.14e12], policy=lkip, polarity="lower_is_better"
    )
    assert low.decimals() == [Decimal("110.00")]


# --- meets_target_array and count_meeting_targets_by_group --------------------------------


@oracle
@given(st.data())
def test_meeting_targets_agree_with_scalar(data: st.DataObject) -> None:
    shape = data.draw(shapes)
    size = size_of(shape)
    targets, values, _ = data.draw(figure_arrays(size, shape))
    given_polarity, members = data.draw(polarities(shape))
    expected = [
        scalar_or_error(
            lambda t=t, v=v, p=p: (
                target_status(target=t, realization=v, polarity=p) is not TargetStatus.BELOW
            )
        )
        for t, v, p in zip(targets.flat, values.flat, members, strict=True)
    ]
    try:
        met = meets_target_array(values, targets, polarity=given_polarity)
    except SakipError:
        assert any(isinstance(e, SakipError) for e in expected), expected
        event("refused as the scalar path refuses")
        return
    assert not any(isinstance(e, SakipError) for e in expected), expected
    event("computed")
    assert met.shape == shape
    assert met.ravel().tolist() == expected
    n_groups = data.draw(st.integers(1, 3))
    groups = np.array(
        data.draw(st.lists(st.integers(0, n_groups - 1), min_size=size, max_size=size))
    ).reshape(shape)
    counted, assessed = count_meeting_targets_by_group(
        values, targets, groups=groups, polarity=given_polarity, n_groups=n_groups
    )
    for g in range(n_groups):
        rows = [e for e, group in zip(expected, groups.flat, strict=True) if group == g]
        assert (int(counted[g]), int(assessed[g])) == (sum(rows), len(rows))


@oracle
@given(st.sampled_from(KINDS), st.sampled_from(KINDS), st.booleans())
def test_masks_and_shapes_are_refused_with_the_field(
    t_kind: Any, r_kind: Any, mask_target: bool
) -> None:
    lkip = RoundingPolicy(2, Rounding.TRUNCATE)
    t = make_array(t_kind, [element(t_kind, 100, 0)] * 3, (3,))
    r = make_array(r_kind, [element(r_kind, 50, 0)] * 2, (2,))
    with pytest.raises(SakipError, match="'realization'"):
        achievement_array(target=t, realization=r, policy=lkip)
    with pytest.raises(SakipError, match="'targets'"):
        meets_target_array(t, r)
    if t.dtype != object:
        masked = np.ma.array(t, mask=[False, True, False])
        field = "target" if mask_target else "realization"
        kwargs = (
            {"target": masked, "realization": t}
            if mask_target
            else {
                "target": t,
                "realization": masked,
            }
        )
        with pytest.raises(SakipError, match=f"'{field}'"):
            achievement_array(policy=lkip, **kwargs)
        with pytest.raises(SakipError, match="'values'"):
            meets_target_array(masked, t)
