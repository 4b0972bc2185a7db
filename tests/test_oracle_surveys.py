"""The oracle of the survey array paths (issue 12): Likert matrices, KPKK, IKM and WHOQOL-BREF.

For every public array function of :mod:`sakip.likert` and of the survey
instruments (``kpkk``, ``ikm``, ``whoqol``), hypothesis draws respondents x
items matrices in every supported container (Python lists, possibly ragged;
object arrays of ``int`` with ``None``, ``Decimal``, ``float`` and ``bool``
cells; ``int8`` to ``uint64``; ``float16`` to ``float64`` with NaN as a
missing answer; masked arrays whose masked cells hold anything), with values
on and off the scale (its bounds, one beside them, 0, -1, the dtype's
limits, infinities, fractions, the sentinel), missing answers in every form
(``None``, NaN, a ``sentinel``, a mask, a ``missing_mask``), 0, 1 or more
rows, both :class:`~sakip.likert.MissingPolicy` members and every rounding
mode at 0-4 places (column counts of 2, 4 and 8 put row means on ties at
the rounding digit).

A model reads each cell as the matrix holds it (a Python ``int`` on the
scale, a missing answer, or a bad cell) and decides whether the call must
raise (a bad cell, no row, ragged rows, a sentinel on the scale, a missing
answer under ``RAISE``, an empty row or column under ``EXCLUDE``, the wrong
number of columns). Where it must, the call must raise a
:class:`~sakip.errors.SakipError`, never another exception; where it must
not, each row must equal the scalar path on that row's Python ints
(``kpkk.score([row])`` / ``ikm.score([row])``'s ``rounded(policy)`` and
``category``; ``whoqol.score_assessment(row).domain(d).rounded(policy)``,
masked where the domain is not scored; for the :class:`~sakip.likert.ScoreMatrix`
methods, :func:`sakip.numbers.divide` and :func:`sakip.numbers.round_to` of
the row's or column's sum and count), and a category the scalar path cannot
give (a mean outside the scheme) must make the batch raise too.

``test_every_public_array_function_is_in_the_oracle`` lists the modules'
``__all__`` and the public methods of their classes, so that a new array
function fails it until it is given an oracle here or declared as not
taking arrays (with the reason).

Runs with the suite's hypothesis profile (``ci``);
``HYPOTHESIS_PROFILE=long pytest tests/test_oracle_surveys.py`` runs the long
profile by hand.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import math
import os
import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sakip.bands import Band, BandScheme
from sakip.errors import OutOfBandError, SakipError
from sakip.instruments import ikm, kpkk, whoqol
from sakip.likert import (
    LIKERT_1_4,
    LIKERT_1_5,
    LikertScale,
    MissingPolicy,
    ScoreMatrix,
    score_matrix,
    validated_scores,
)
from sakip.numbers import Rounding, RoundingPolicy, divide, round_to
from sakip.schemes import BUILTIN_SCHEMES, IKM_MUTU_CONVERTED, KPKK_LIKERT_4

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
# At least 500 examples per property in CI (each takes a few ms); ``long`` gives 5,000.
oracle = settings(
    settings.get_profile(PROFILE),
    max_examples=max(500, settings.get_profile(PROFILE).max_examples),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
    deadline=None,
)

# --- which functions take arrays ---------------------------------------------------------

MODULES = (
    "sakip.likert",
    "sakip.instruments.kpkk",
    "sakip.instruments.ikm",
    "sakip.instruments.whoqol",
)

_MATRIX = "test_score_matrix_agrees_with_python_ints"
_KPKK = "test_kpkk_agrees_with_scalar"
_IKM = "test_ikm_agrees_with_scalar"
_WHOQOL = "test_whoqol_batch_agrees_with_score_assessment"
_IMPROVEMENT = "test_whoqol_improvement_agrees_with_score_assessment"

#: Public functions and methods that take or return arrays, each with its oracle below.
ORACLE_COVERED = {
    "sakip.likert.validated_scores": _MATRIX,
    "sakip.likert.score_matrix": _MATRIX,
    "sakip.likert.ScoreMatrix.mean": _MATRIX,
    "sakip.likert.ScoreMatrix.row_mean": _MATRIX,
    "sakip.likert.ScoreMatrix.row_means": _MATRIX,
    "sakip.likert.ScoreMatrix.col_means": _MATRIX,
    "sakip.likert.ScoreMatrix.row_means_scaled": _MATRIX,
    "sakip.likert.ScoreMatrix.col_means_scaled": _MATRIX,
    "sakip.likert.ScoreMatrix.row_positions": _MATRIX,
    "sakip.likert.ScoreMatrix.col_positions": _MATRIX,
    "sakip.likert.ScoreMatrix.row_scores": _MATRIX,
    "sakip.instruments.kpkk.score": _KPKK,
    "sakip.instruments.kpkk.score_batch": _KPKK,
    "sakip.instruments.ikm.score": _IKM,
    "sakip.instruments.ikm.score_batch": _IKM,
    "sakip.instruments.whoqol.domain_sums": _WHOQOL,
    "sakip.instruments.whoqol.score_batch": _WHOQOL,
    "sakip.instruments.whoqol.score_assessment": _WHOQOL,
    "sakip.instruments.whoqol.DomainSums.raw_scaled": _WHOQOL,
    "sakip.instruments.whoqol.DomainSums.transformed_scaled": _WHOQOL,
    "sakip.instruments.whoqol.score": _IMPROVEMENT,
}

#: Public functions, methods and classes of the same modules that take no array.
NOT_ARRAY = {
    "sakip.likert.LikertScale": "scalar (two bounds)",
    "sakip.likert.LikertScale.contains": "scalar",
    "sakip.likert.ScoreMatrix": "result type built by score_matrix (covered there)",
    "sakip.instruments.kpkk.KpkkResult": "scalar result",
    "sakip.instruments.kpkk.KpkkResult.respondents_in": "scalar",
    "sakip.instruments.ikm.IkmResult": "scalar result",
    "sakip.instruments.ikm.classify": "scalar",
    "sakip.instruments.ikm.from_nrr": "a short sequence of figures, one per unsur",
    "sakip.instruments.ikm.detect_weighting": "a short sequence of printed NRR, one per unsur",
    "sakip.instruments.ikm.from_totals": "a short sequence of figures, one per unsur",
    "sakip.instruments.ikm.pool": "a sequence of results",
    "sakip.instruments.ikm.pool_indices": "two short sequences of figures",
    "sakip.instruments.whoqol.AssessmentScore": "scalar result",
    "sakip.instruments.whoqol.AssessmentScore.domain": "scalar",
    "sakip.instruments.whoqol.DomainScore": "scalar result",
    "sakip.instruments.whoqol.DomainScore.rounded": "scalar",
    "sakip.instruments.whoqol.DomainImprovement": "scalar result",
    "sakip.instruments.whoqol.DomainSums": "result type (by hand: test_domain_sums_built_by_hand)",
    "sakip.instruments.whoqol.MissingRule": "scalar (limits)",
    "sakip.instruments.whoqol.MissingRule.max_missing": "scalar",
    "sakip.instruments.whoqol.WhoqolResult": "scalar result",
    "sakip.instruments.whoqol.WhoqolResult.domain": "scalar",
    "sakip.instruments.whoqol.from_counts": "scalar counts",
    "sakip.instruments.whoqol.pool": "a sequence of results",
}


def _public_callables() -> set[str]:
    """Every public function, class and class method named in the modules' ``__all__``."""
    names: set[str] = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj):
                if issubclass(obj, BaseException | enum.Enum):
                    continue  # errors and enums take no arrays
                names.add(f"{module_name}.{name}")
                names.update(
                    f"{module_name}.{name}.{attr}"
                    for attr, value in vars(obj).items()
                    if not attr.startswith("_") and inspect.isfunction(value)
                )
            elif inspect.isfunction(obj):
                names.add(f"{module_name}.{name}")
    return names


def test_every_public_array_function_is_in_the_oracle() -> None:
    public = _public_callables()
    unlisted = sorted(public - set(ORACLE_COVERED) - set(NOT_ARRAY))
    assert not unlisted, f"give these an oracle here, or list them in NOT_ARRAY: {unlisted}"
    stale = sorted((set(ORACLE_COVERED) | set(NOT_ARRAY)) - public)
    assert not stale, f"no longer public: {stale}"
    assert not set(ORACLE_COVERED) & set(NOT_ARRAY)
    for test in set(ORACLE_COVERED.values()):
        assert callable(globals()[test]), test
    # A name that says it works on many rows is covered by an oracle.
    for name in public:
        if name.endswith(("_batch", "_scaled", "_positions", "_sums", "_scores", "_matrix")):
            assert name in ORACLE_COVERED, name


# --- the model: a matrix as its cells hold it ---------------------------------------------

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float16", "float32", "float64"]
CONTAINERS = ["list", "list", "object", *INT_DTYPES, *FLOAT_DTYPES]


class _Bad:
    """A cell the matrix must refuse (off the scale, not an int, not finite)."""

    def __repr__(self) -> str:
        return "BAD"


BAD = _Bad()
Cell = int | None | _Bad  # None: a missing answer


@attrs.frozen
class Survey:
    """A drawn matrix, the arguments that go with it, and the model's reading of each cell."""

    data: Any
    missing_mask: np.ndarray[Any, Any] | None
    sentinel: int | None
    cells: tuple[tuple[Cell, ...], ...]
    ragged: bool
    n_cols: int
    container: str

    def kwargs(self) -> dict[str, Any]:
        return {"missing_mask": self.missing_mask, "sentinel": self.sentinel}

    def error(
        self,
        scale: LikertScale,
        policy: MissingPolicy | None = None,
        columns: int | None = None,
    ) -> str | None:
        """Why the matrix must be refused, or None (the row-level reasons are the caller's)."""
        if not self.cells:
            return "no row"
        if self.ragged:
            return "ragged"
        if self.sentinel is not None and scale.contains(self.sentinel):
            return "a sentinel on the scale"
        if any(cell is BAD for row in self.cells for cell in row):
            return "a bad cell"
        if columns is not None and self.n_cols != columns:
            return "the wrong number of columns"
        missing = [[cell is None for cell in row] for row in self.cells]
        if policy is MissingPolicy.RAISE and any(map(any, missing)):
            return "a missing answer under RAISE"
        if policy is MissingPolicy.EXCLUDE:
            if any(map(all, missing)):
                return "a row without answers"
            if any(all(column) for column in zip(*missing, strict=True)):
                return "a column without answers"
        return None

    def rows(self) -> list[list[int | None]]:
        """The cells as Python ints and None (only when ``error`` is None)."""
        return [[cell for cell in row if not isinstance(cell, _Bad)] for row in self.cells]


def _fits(container: str, value: Any) -> bool:
    """Whether ``value`` is held exactly by an array of ``container``."""
    if container in INT_DTYPES:
        info = np.iinfo(container)
        return isinstance(value, int) and int(info.min) <= value <= int(info.max)
    if container in FLOAT_DTYPES:
        return isinstance(value, int | float) and (
            math.isnan(value)
            or math.isinf(value)
            or (
                abs(value) <= float(np.finfo(container).max)
                and float(np.array(value, dtype=container)) == value
            )
        )
    return True


def hostile(container: str, scale: LikertScale) -> list[Any]:
    """Values off the scale (or not scores at all) that ``container`` holds."""
    near = [scale.low - 1, scale.high + 1, 0, -1, scale.low, scale.high]
    if container in ("list", "object"):
        return [*near, 2**70, -(2**70), True, Decimal(scale.high), float(scale.low), 2.5]
    if container in INT_DTYPES:
        info = np.iinfo(container)
        limits = [int(info.min), int(info.max)]
        return [v for v in (*near, *limits) if _fits(container, v)]
    big = float(np.finfo(container).max)
    return [
        *(float(v) for v in near),
        -0.0,
        big,
        -big,
        math.inf,
        -math.inf,
        scale.low + 0.5,
        2.5,
    ]


def _read(
    container: str, stored: Any, hidden: bool, sentinel: int | None, scale: LikertScale
) -> Cell:
    """What a cell must mean: an int on the scale, a missing answer, or a bad cell."""
    if hidden:
        return None  # a mask or a missing_mask: whatever the cell holds
    if container in ("list", "object"):
        if stored is None:
            return None
        if isinstance(stored, bool) or not isinstance(stored, int):
            return BAD
        value = stored
    elif container in FLOAT_DTYPES:
        if math.isnan(stored) or (sentinel is not None and stored == sentinel):
            return None
        if not math.isfinite(stored) or not float(stored).is_integer():
            return BAD
        value = int(stored)
    else:
        value = int(stored)
    if sentinel is not None and value == sentinel:
        return None
    return value if scale.contains(value) else BAD


@st.composite
def surveys(
    draw: st.DrawFn,
    scale: LikertScale,
    columns: st.SearchStrategy[int],
    rows: st.SearchStrategy[int] | None = None,
    container: str | None = None,
) -> Survey:
    """A matrix in a drawn container, with missing answers in every form it allows."""
    kind = container or draw(st.sampled_from(CONTAINERS))
    n_rows = draw(rows if rows is not None else st.sampled_from([0, 1, 1, 2, 2, 3, 5, 8]))
    n_cols = draw(columns)
    sentinel = draw(
        st.sampled_from(
            [None] * 6 + [0, -1, 99, scale.low - 1, scale.high + 1, scale.low, -128, 2**40]
        )
    )
    masked = kind != "list" and draw(st.integers(0, 3)) == 0
    use_missing_mask = draw(st.integers(0, 4)) == 0
    bad_rate = draw(st.sampled_from([0, 0, 0, 0, 1, 3]))  # in 40
    missing_rate = draw(st.sampled_from([0, 2, 6, 12]))  # in 40
    ways = []
    if kind in ("list", "object"):
        ways.append("none")
    if kind in FLOAT_DTYPES:
        ways.append("nan")
    if sentinel is not None and _fits(kind, sentinel):
        ways.append("sentinel")
    if masked:
        ways.append("mask")
    if use_missing_mask:
        ways.append("missing_mask")
    garbage = hostile(kind, scale)
    # Cell by cell from a drawn seed: hypothesis draws per cell made an example of
    # 26 x 4 cells too slow for the CI profile; every choice above is still drawn.
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    stored: list[list[Any]] = []
    hidden_by_mask: list[list[bool]] = []
    hidden_by_param: list[list[bool]] = []
    for _ in range(n_rows):
        row: list[Any] = []
        by_mask: list[bool] = []
        by_param: list[bool] = []
        for _ in range(n_cols):
            code = rng.randrange(40)
            way = rng.choice(ways) if code < missing_rate and ways else None
            value: Any
            if way in ("mask", "missing_mask"):
                value = rng.choice(garbage)  # a hidden cell may hold anything
            elif way == "none":
                value = None
            elif way == "nan":
                value = math.nan
            elif way == "sentinel":
                value = sentinel
            elif code >= 40 - bad_rate:
                value = rng.choice(garbage)
            else:
                value = rng.randint(scale.low, scale.high)
                if not _fits(kind, value):
                    value = rng.choice(garbage)
            row.append(value)
            by_mask.append(way == "mask")
            by_param.append(way == "missing_mask")
        stored.append(row)
        hidden_by_mask.append(by_mask)
        hidden_by_param.append(by_param)
    ragged = kind == "list" and n_rows >= 2 and draw(st.integers(0, 9)) == 0
    if ragged:
        last = stored[-1]
        if len(last) > 1 and draw(st.booleans()):
            last.pop()
        else:
            last.append(scale.low)
            hidden_by_mask[-1].append(False)
            hidden_by_param[-1].append(False)
    data: Any
    if kind == "list":
        data = stored
    else:
        if kind == "object":
            array = np.empty((n_rows, n_cols), dtype=object)
            for i, row in enumerate(stored):
                for j, value in enumerate(row):
                    array[i, j] = value
        else:
            array = np.array(stored, dtype=kind).reshape(n_rows, n_cols)
        data = (
            np.ma.array(array, mask=np.array(hidden_by_mask, dtype=bool).reshape(array.shape))
            if masked
            else array
        )
    missing_mask = None
    if use_missing_mask and not ragged:
        missing_mask = np.array(hidden_by_param, dtype=bool).reshape(n_rows, n_cols)
    held = stored if kind == "list" else np.ma.getdata(data).tolist()
    cells = tuple(
        tuple(
            _read(
                kind,
                value,
                hidden_by_mask[i][j] or (missing_mask is not None and hidden_by_param[i][j]),
                sentinel,
                scale,
            )
            for j, value in enumerate(row)
        )
        for i, row in enumerate(held)
    )
    return Survey(
        data=data,
        missing_mask=missing_mask,
        sentinel=sentinel,
        cells=cells,
        ragged=ragged,
        n_cols=n_cols,
        container=kind + ("/masked" if masked else ""),
    )


def run_or_error(call: Callable[[], Any]) -> Any:
    """The result, or the SakipError raised (any other exception fails the test)."""
    try:
        return call()
    except SakipError as error:
        return error


def must_raise(call: Callable[[], Any], why: str) -> None:
    with pytest.raises(SakipError):
        call()
    event(f"refused: {why}")


policies = st.builds(RoundingPolicy, st.integers(0, 4), st.sampled_from(list(Rounding)))


def scaled(value: Decimal, places: int, rounding: Rounding) -> int:
    """``round_to(value) * 10**places`` as a Python int."""
    return int(round_to(value, places, rounding).scaleb(places))


def note_ties(means: list[Fraction], places: int) -> None:
    if any((m * 10**places).denominator == 2 for m in means):
        event("a tie at the rounding digit")


def position_or_none(scheme: BandScheme, value: Decimal) -> int | None:
    try:
        return scheme.index(value)
    except OutOfBandError:
        return None


# --- sakip.likert: validated_scores, score_matrix and ScoreMatrix -------------------------

SCALES = [
    LIKERT_1_4,
    LIKERT_1_5,
    LikertScale(0, 10),
    LikertScale(-3, 3),
    LikertScale(-5, -1),
    LikertScale(-127, 127),
]
SCHEMES = [KPKK_LIKERT_4, IKM_MUTU_CONVERTED, *BUILTIN_SCHEMES]


@oracle
@given(st.data())
def test_score_matrix_agrees_with_python_ints(data: st.DataObject) -> None:
    scale = data.draw(st.sampled_from(SCALES))
    survey = data.draw(surveys(scale, st.sampled_from([1, 2, 3, 4, 8, 12])))
    missing = data.draw(st.sampled_from(list(MissingPolicy)))
    given_missing: Any = missing if data.draw(st.booleans()) else missing.value
    event(survey.container)

    # validated_scores records the cells, whatever the policy.
    reason = survey.error(scale)
    if reason is not None:
        must_raise(lambda: validated_scores(survey.data, scale=scale, **survey.kwargs()), reason)
    else:
        scores, answered = validated_scores(survey.data, scale=scale, **survey.kwargs())
        rows = survey.rows()
        want_answered = [[cell is not None for cell in row] for row in rows]
        assert (answered is None) == all(map(all, want_answered))
        if answered is not None:
            assert answered.tolist() == want_answered
        given_cells = [
            [int(v) if cell is not None else None for v, cell in zip(got, row, strict=True)]
            for got, row in zip(scores.tolist(), rows, strict=True)
        ]
        assert given_cells == rows

    def build() -> ScoreMatrix:
        return score_matrix(survey.data, scale=scale, missing=given_missing, **survey.kwargs())

    reason = survey.error(scale, missing)
    if reason is not None:
        must_raise(build, reason)
        return
    matrix = build()
    rows = survey.rows()
    answers = [[v for v in row if v is not None] for row in rows]
    columns = [[v for v in column if v is not None] for column in zip(*rows, strict=True)]
    row_sums, row_counts = [sum(a) for a in answers], [len(a) for a in answers]
    col_sums, col_counts = [sum(c) for c in columns], [len(c) for c in columns]
    assert matrix.row_sums.tolist() == row_sums
    assert matrix.row_counts.tolist() == row_counts
    assert matrix.col_sums.tolist() == col_sums
    assert matrix.col_counts.tolist() == col_counts
    row_means = [divide(s, c) for s, c in zip(row_sums, row_counts, strict=True)]
    col_means = [divide(s, c) for s, c in zip(col_sums, col_counts, strict=True)]
    assert list(matrix.row_means()) == row_means
    assert list(matrix.col_means()) == col_means
    assert matrix.mean() == divide(sum(row_sums), sum(row_counts))
    row = data.draw(st.integers(0, len(rows) - 1))
    assert matrix.row_mean(row) == row_means[row]
    for nowhere in (len(rows), -1):
        with pytest.raises(SakipError):
            matrix.row_mean(nowhere)

    policy = data.draw(policies)
    places, rounding = policy.places, policy.rounding
    note_ties([Fraction(s, c) for s, c in zip(row_sums, row_counts, strict=True)], places)
    assert matrix.row_means_scaled(places, rounding).tolist() == [
        scaled(m, places, rounding) for m in row_means
    ]
    assert matrix.col_means_scaled(places, rounding).tolist() == [
        scaled(m, places, rounding) for m in col_means
    ]

    scheme = data.draw(st.sampled_from(SCHEMES))
    factor = data.draw(st.sampled_from([1, 1, 25, 100]))
    wanted = [
        position_or_none(scheme, divide(s * factor, c))
        for s, c in zip(row_sums, row_counts, strict=True)
    ]
    got = run_or_error(lambda: matrix.row_positions(scheme, factor=factor))
    batch = run_or_error(lambda: matrix.row_scores(policy, scheme, factor=factor))
    if None in wanted:
        event("a row mean outside the scheme: refused")
        assert isinstance(got, OutOfBandError), got
        assert isinstance(batch, OutOfBandError), batch
    else:
        assert got.tolist() == wanted
        assert batch.positions is not None and batch.positions.tolist() == wanted
        assert batch.decimals() == [round_to(m, places, rounding) for m in row_means]
    wanted_cols = [position_or_none(scheme, m) for m in col_means]
    got_cols = run_or_error(lambda: matrix.col_positions(scheme))
    if None in wanted_cols:
        assert isinstance(got_cols, OutOfBandError), got_cols
    else:
        assert got_cols.tolist() == wanted_cols


def check_rows(
    got: Any,
    answers: list[list[int]],
    scalar: list[Any],
    policy: RoundingPolicy,
    scheme: BandScheme,
    factor: int,
) -> None:
    """Row i of a batch against the respondent's mean and the scalar path on that row alone."""
    note_ties([Fraction(sum(a), len(a)) for a in answers], policy.places)
    means = [divide(sum(a), len(a)) for a in answers]
    bands = [position_or_none(scheme, divide(factor * sum(a), len(a))) for a in answers]
    for one, band in zip(scalar, bands, strict=True):
        if band is None:
            assert isinstance(one, OutOfBandError), one
    if None in bands:
        assert isinstance(got, OutOfBandError), got
        event("a respondent outside the scheme: refused")
        return
    assert not isinstance(got, SakipError), got
    assert got.decimals() == [round_to(m, policy.places, policy.rounding) for m in means]
    assert got.positions.tolist() == bands
    for i, one in enumerate(scalar):
        if not isinstance(one, SakipError):
            assert got.decimals()[i] == one.rounded(policy)
            assert got.categories()[i] == one.category
        else:
            event("the scalar path raised for an aspect only")


# --- kpkk.score_batch and kpkk.score -----------------------------------------------------


@oracle
@given(st.data())
def test_kpkk_agrees_with_scalar(data: st.DataObject) -> None:
    scale = data.draw(st.sampled_from([LIKERT_1_4, LIKERT_1_4, LIKERT_1_5, LikertScale(-3, 3)]))
    survey = data.draw(surveys(scale, st.sampled_from([1, 2, 4, 5, 8])))
    missing = data.draw(st.sampled_from(list(MissingPolicy)))
    policy = data.draw(policies)
    scheme = data.draw(st.sampled_from([KPKK_LIKERT_4, KPKK_LIKERT_4, *BUILTIN_SCHEMES]))
    options = {"scheme": scheme, "scale": scale, "missing": missing, **survey.kwargs()}
    event(survey.container)

    def batch() -> Any:
        return kpkk.score_batch(survey.data, policy=policy, **options)

    def whole() -> Any:
        return kpkk.score(survey.data, **options)

    reason = survey.error(scale, missing)
    if reason is not None:
        must_raise(batch, reason)
        must_raise(whole, reason)
        return
    answers = [[v for v in row if v is not None] for row in survey.rows()]
    # The scalar path on each respondent alone, on the answers given (it may also
    # raise for an aspect: one respondent's aspect means are the answers).
    scalar = [
        run_or_error(lambda a=a: kpkk.score([a], scheme=scheme, scale=scale)) for a in answers
    ]
    got = run_or_error(batch)
    check_rows(got, answers, scalar, policy, scheme, 1)
    # A ScoreMatrix validated once is taken again as it is: the same rows.
    matrix = score_matrix(survey.data, scale=scale, missing=missing, **survey.kwargs())
    again = run_or_error(
        lambda: kpkk.score_batch(
            matrix, policy=policy, scheme=scheme, scale=scale, missing=missing
        )
    )
    if isinstance(got, SakipError):
        assert isinstance(again, OutOfBandError), again
    else:
        assert again.decimals() == got.decimals()
        assert again.categories() == got.categories()
    # The whole questionnaire against the Python ints.
    result = run_or_error(whole)
    columns = [[v for v in c if v is not None] for c in zip(*survey.rows(), strict=True)]
    means = [divide(sum(a), len(a)) for a in (*answers, *columns, [v for a in answers for v in a])]
    if any(position_or_none(scheme, m) is None for m in means):
        assert isinstance(result, OutOfBandError), result
        return
    assert not isinstance(result, SakipError), result
    assert result.respondent_totals == tuple(sum(a) for a in answers)
    assert result.respondent_answers == tuple(len(a) for a in answers)
    assert result.aspect_sums == tuple(sum(c) for c in columns)
    assert result.respondent_means == tuple(means[: len(answers)])
    assert result.aspect_means == tuple(means[len(answers) : -1])
    assert result.value == means[-1]
    assert result.category == scheme.classify(means[-1])


# --- ikm.score_batch and ikm.score ---------------------------------------------------------


@oracle
@given(st.data())
def test_ikm_agrees_with_scalar(data: st.DataObject) -> None:
    survey = data.draw(surveys(LIKERT_1_4, st.sampled_from([9, 9, 9, 9, 9, 8, 4])))
    missing = data.draw(st.sampled_from(list(MissingPolicy)))
    policy = data.draw(policies)
    unsur = data.draw(st.sampled_from([9, 9, None]))
    scheme = data.draw(st.sampled_from([IKM_MUTU_CONVERTED, IKM_MUTU_CONVERTED, *BUILTIN_SCHEMES]))
    options = {"unsur": unsur, "scheme": scheme, "missing": missing, **survey.kwargs()}
    event(survey.container)

    def batch() -> Any:
        return ikm.score_batch(survey.data, policy=policy, **options)

    def whole() -> Any:
        return ikm.score(survey.data, **options)

    reason = survey.error(LIKERT_1_4, missing, unsur)
    if reason is not None:
        must_raise(batch, reason)
        must_raise(whole, reason)
        return
    answers = [[v for v in row if v is not None] for row in survey.rows()]
    scalar = [run_or_error(lambda a=a: ikm.score([a], unsur=None, scheme=scheme)) for a in answers]
    check_rows(run_or_error(batch), answers, scalar, policy, scheme, ikm.CONVERSION_FACTOR)
    # The survey's index: the mean of the unsur means, x 25 for the band.
    result = run_or_error(whole)
    columns = [[v for v in c if v is not None] for c in zip(*survey.rows(), strict=True)]
    index = sum((Fraction(sum(c), len(c)) for c in columns), Fraction(0)) / len(columns)
    converted = divide((index * 25).numerator, (index * 25).denominator)
    if position_or_none(scheme, converted) is None:
        assert isinstance(result, OutOfBandError), result
        return
    assert not isinstance(result, SakipError), result
    assert result.value == divide(index.numerator, index.denominator)
    assert result.converted == converted
    assert result.category == scheme.classify(converted)
    assert result.unsur_answers == tuple(len(c) for c in columns)


# --- whoqol.domain_sums, DomainSums, score_batch and score_assessment --------------------

RULES = [
    whoqol.DEFAULT_MISSING_RULE,
    whoqol.SPSS_SYNTAX_RULE,
    whoqol.MissingRule(physical=0, psychological=0, social=0, environment=0, max_missing_total=0),
    whoqol.MissingRule(physical=6, psychological=5, social=2, environment=7, max_missing_total=25),
]
ITEMS = whoqol.ITEM_COUNT


@oracle
@given(st.data())
def test_whoqol_batch_agrees_with_score_assessment(data: st.DataObject) -> None:
    survey = data.draw(
        surveys(
            LIKERT_1_5,
            st.sampled_from([ITEMS] * 6 + [ITEMS - 1, 9]),
            st.sampled_from([0, 1, 2, 4]),
        )
    )
    rule = data.draw(st.sampled_from(RULES))
    policy = data.draw(policies)
    domain = data.draw(st.sampled_from(list(whoqol.Domain)))
    given_domain: Any = domain if data.draw(st.booleans()) else domain.value
    event(survey.container)

    def sums() -> whoqol.DomainSums:
        return whoqol.domain_sums(survey.data, rule=rule, **survey.kwargs())

    def batch() -> Any:
        return whoqol.score_batch(
            survey.data, domain=given_domain, policy=policy, rule=rule, **survey.kwargs()
        )

    reason = survey.error(LIKERT_1_5, None, ITEMS)
    if reason is not None:
        must_raise(sums, reason)
        must_raise(batch, reason)
        return
    rows = survey.rows()
    scalar = [whoqol.score_assessment(row, rule=rule) for row in rows]
    # The scalar path on a row given as a 1-D array of the same container, too.
    if survey.container.removesuffix("/masked") in INT_DTYPES + FLOAT_DTYPES:
        first = whoqol.score_assessment(
            survey.data[0],
            rule=rule,
            sentinel=survey.sentinel,
            missing_mask=None if survey.missing_mask is None else survey.missing_mask[0],
        )
        assert first == scalar[0]
    got = sums()
    assert len(got) == len(rows)
    assert got.sums.tolist() == [[d.item_sum for d in s.domains] for s in scalar]
    assert got.answered.tolist() == [[d.answered for d in s.domains] for s in scalar]
    assert got.missing.tolist() == [s.missing for s in scalar]
    assert got.void.tolist() == [s.void for s in scalar]
    assert got.valid.tolist() == [[d.valid for d in s.domains] for s in scalar]
    places, rounding = policy.places, policy.rounding
    note_ties(
        [
            Fraction(25 * (d.item_sum - d.answered), d.answered)
            for s in scalar
            for d in s.domains
            if d.valid
        ],
        places,
    )
    for method, attribute in (
        (got.raw_scaled, "raw"),
        (got.transformed_scaled, "transformed"),
    ):
        values = method(places, rounding)
        want = [
            [
                None
                if getattr(d, attribute) is None
                else scaled(getattr(d, attribute), places, rounding)
                for d in s.domains
            ]
            for s in scalar
        ]
        assert values.tolist() == want, attribute
    expected = [s.domain(domain).rounded(policy) for s in scalar]
    assert batch().decimals() == expected
    # DomainSums given instead of the items: the same answer, summed once.
    reused = whoqol.score_batch(got, domain=given_domain, policy=policy, rule=rule)
    assert reused.decimals() == expected


@oracle
@given(
    st.integers(1, 3).flatmap(
        lambda n: st.lists(
            st.tuples(st.integers(-(2**15), 2**15 - 1), st.integers(-128, 127), st.booleans()),
            min_size=4 * n,
            max_size=4 * n,
        )
    ),
    policies,
)
def test_domain_sums_built_by_hand(
    cells: list[tuple[int, int, bool]], policy: RoundingPolicy
) -> None:
    # DomainSums built by hand may hold what no assessment gives (a sum beyond
    # 5 x items, a negative count): the scores are the exact quotients, or a
    # SakipError where a valid domain has no item answered.
    n = len(cells) // 4
    sums = np.array([c[0] for c in cells], dtype=np.int16).reshape(n, 4)
    answered = np.array([c[1] for c in cells], dtype=np.int8).reshape(n, 4)
    valid = np.array([c[2] for c in cells]).reshape(n, 4)
    built = whoqol.DomainSums(
        sums=sums,
        answered=answered,
        missing=np.zeros(n, dtype=np.int8),
        void=np.zeros(n, dtype=bool),
        valid=valid,
    )
    places, rounding = policy.places, policy.rounding
    for method, top in (
        (built.raw_scaled, lambda s, a: 4 * s),
        (built.transformed_scaled, lambda s, a: 25 * (s - a)),
    ):
        if any(a == 0 for (_, a, ok) in cells if ok):
            must_raise(lambda method=method: method(places, rounding), "a valid domain of 0 items")
            continue
        want = [
            [
                scaled(divide(top(s, a), a), places, rounding) if ok else None
                for (s, a, ok) in cells[4 * i : 4 * i + 4]
            ]
            for i in range(n)
        ]
        assert method(places, rounding).tolist() == want


# --- whoqol.score (the improvement between two assessments) --------------------------------


@oracle
@given(st.data())
def test_whoqol_improvement_agrees_with_score_assessment(data: st.DataObject) -> None:
    n = data.draw(st.sampled_from([0, 1, 2, 4]))
    columns = st.sampled_from([ITEMS] * 8 + [ITEMS - 1])
    pre = data.draw(surveys(LIKERT_1_5, columns, st.just(n)))
    post = data.draw(surveys(LIKERT_1_5, columns, st.just(n)))
    sentinel = data.draw(st.sampled_from([pre.sentinel, post.sentinel]))
    rule = data.draw(st.sampled_from(RULES))
    event(f"{pre.container} -> {post.container}")

    def run() -> Any:
        return whoqol.score(
            pre=pre.data,
            post=post.data,
            rule=rule,
            pre_missing_mask=pre.missing_mask,
            post_missing_mask=post.missing_mask,
            sentinel=sentinel,
        )

    # The sentinel applies to both: read each side again with it.
    sides = []
    for side in (pre, post):
        if side.sentinel != sentinel:
            side = attrs.evolve(side, sentinel=sentinel, cells=_reread(side, sentinel))
        sides.append(side)
    reasons = [side.error(LIKERT_1_5, None, ITEMS) for side in sides]
    if any(reasons):
        must_raise(run, next(r for r in reasons if r))
        return
    before = [whoqol.score_assessment(row, rule=rule) for row in sides[0].rows()]
    after = [whoqol.score_assessment(row, rule=rule) for row in sides[1].rows()]
    improved, assessed = [], []
    for domain in whoqol.Domain:
        both = [
            (b.domain(domain), a.domain(domain))
            for b, a in zip(before, after, strict=True)
            if b.domain(domain).valid and a.domain(domain).valid
        ]
        assessed.append(len(both))
        improved.append(sum(a.transformed > b.transformed for b, a in both))
    result = run_or_error(run)
    if 0 in assessed:
        assert isinstance(result, SakipError), result
        event("refused: a domain without any client valid in both")
        return
    assert [d.assessed for d in result.domains] == assessed
    assert [d.improved for d in result.domains] == improved
    percents = [divide(100 * i, a) for i, a in zip(improved, assessed, strict=True)]
    assert [d.percent for d in result.domains] == percents
    assert result.matched == n


def _reread(survey: Survey, sentinel: int | None) -> tuple[tuple[Cell, ...], ...]:
    """The cells of a drawn survey read with another sentinel (lists and arrays alike)."""
    kind = survey.container.removesuffix("/masked")
    held = survey.data if kind == "list" else np.ma.getdata(survey.data).tolist()
    mask = (
        np.ma.getmaskarray(survey.data).tolist()
        if isinstance(survey.data, np.ma.MaskedArray)
        else None
    )
    cells = []
    for i, row in enumerate(held):
        out: list[Cell] = []
        for j, value in enumerate(row):
            hidden = (mask is not None and mask[i][j]) or (
                survey.missing_mask is not None and bool(survey.missing_mask[i, j])
            )
            out.append(_read(kind, value, hidden, sentinel, LIKERT_1_5))
        cells.append(tuple(out))
    return tuple(cells)


# --- the examples the oracle must see ------------------------------------------------------


def test_missing_mask_hides_a_list_cell_whatever_it_holds() -> None:
    # Found by the oracle: validated_scores promises that ``missing_mask`` marks a
    # missing answer "whatever the cell holds"; an array cell under it was skipped
    # but a list cell was still checked against the scale (a 0 or a 9 raised).
    mask = np.array([[False, True]])
    for rows in ([[4, 9]], [[4, 0]], [[4, "x"]]):
        from_list = validated_scores(rows, scale=LIKERT_1_4, missing_mask=mask)
        assert from_list[1] is not None and from_list[1].tolist() == [[True, False]]
        assert int(from_list[0][0, 0]) == 4
    from_array = validated_scores(np.array([[4, 9]]), scale=LIKERT_1_4, missing_mask=mask)
    assert from_array[1] is not None and from_array[1].tolist() == [[True, False]]
    batch = kpkk.score_batch(
        [[4, 9], [3, 2]],
        policy=RoundingPolicy(2, Rounding.HALF_UP),
        missing="exclude",
        missing_mask=np.array([[False, True], [False, False]]),
    )
    assert batch.decimals() == [Decimal("4.00"), Decimal("2.50")]


def test_a_sentinel_a_float_array_cannot_hold_marks_nothing() -> None:
    # Found by the oracle: a float matrix compared the sentinel in its own dtype,
    # so float32 read 16777216.0 as the sentinel 2**24 + 1 (an off-scale answer
    # silently dropped as missing), and float16 overflowed on 2**40 (a numpy
    # RuntimeWarning; with warnings off, an infinite answer became missing).
    cases = [
        (np.array([[16777216.0, 3.0]], np.float32), 2**24 + 1),
        (np.array([[np.inf, 3.0]], np.float16), 2**40),
        (np.array([[9007199254740992.0, 3.0]]), 2**53 + 1),
    ]
    for array, sentinel in cases:
        with pytest.raises(SakipError, match=r"row 0, column 0|\[0, 0\]"):
            validated_scores(array, scale=LIKERT_1_4, sentinel=sentinel)
    # A sentinel the dtype holds still marks a missing answer.
    _, answered = validated_scores(
        np.array([[99.0, 3.0]], np.float16), scale=LIKERT_1_4, sentinel=99
    )
    assert answered is not None and answered.tolist() == [[False, True]]


def test_an_unsigned_matrix_on_a_scale_below_zero_raises_a_sakip_error() -> None:
    # Found by the oracle: with a missing answer, the scale check of the answers
    # given passed ``initial=scale.low`` to ``min`` of a uint8 matrix: a numpy
    # OverflowError ("Python integer -3 out of bounds for uint8"), not a SakipError.
    scale = LikertScale(-3, 3)
    data = np.ma.array(np.array([[1, 4], [2, 2]], np.uint8), mask=[[False, False], [True, False]])
    with pytest.raises(SakipError, match=r"row 0, column 1"):
        validated_scores(data, scale=scale)
    missing = np.array([[False, False], [True, False]])
    with pytest.raises(SakipError, match=r"row 0, column 1"):
        validated_scores(np.array([[1, 4], [2, 2]], np.uint8), scale=scale, missing_mask=missing)
    # Every answer missing below a scale of negative scores: nothing to refuse.
    _, answered = validated_scores(
        np.array([[7]], np.uint8), scale=LikertScale(-5, -1), missing_mask=np.array([[True]])
    )
    assert answered is not None and answered.tolist() == [[False]]


def test_missing_mask_hides_a_float_cell_whatever_it_holds() -> None:
    # Found by the oracle: under a masked array's own mask an infinite float cell
    # is not read, but under ``missing_mask`` (documented: "whatever the cell
    # holds") it was refused as not finite.
    array = np.array([[np.inf, 3.0], [4.0, 2.0]])
    mask = np.array([[True, False], [False, False]])
    by_mask = validated_scores(np.ma.array(array, mask=mask), scale=LIKERT_1_4)
    by_param = validated_scores(array, scale=LIKERT_1_4, missing_mask=mask)
    assert by_mask[1] is not None and by_param[1] is not None
    assert by_param[1].tolist() == by_mask[1].tolist() == [[False, True], [True, True]]
    assert by_param[0][~mask].tolist() == by_mask[0][~mask].tolist() == [3, 4, 2]


def test_missing_mask_hides_an_item_of_one_assessment_whatever_it_holds() -> None:
    # Found by the oracle: score_assessment read a 1-D float array through
    # to_array before its missing_mask was applied, so an inf under the mask was
    # refused, while domain_sums of the same row (and a masked array) skip it.
    items = np.full(whoqol.ITEM_COUNT, 3.0)
    items[0] = np.inf
    mask = np.zeros(whoqol.ITEM_COUNT, dtype=bool)
    mask[0] = True
    want = whoqol.score_assessment([None] + [3] * (whoqol.ITEM_COUNT - 1))
    assert whoqol.score_assessment(items, missing_mask=mask) == want
    assert whoqol.score_assessment(np.ma.array(items, mask=mask)) == want
    sums = whoqol.domain_sums(items.reshape(1, -1), missing_mask=mask.reshape(1, -1))
    assert sums.missing.tolist() == [want.missing]


def test_the_oracle_model_reads_the_documented_examples() -> None:
    # validated_scores' docstring: None, the sentinel and a mask mark a missing answer.
    rows = [[4, 3], [2, None]]
    survey = Survey(
        data=rows,
        missing_mask=None,
        sentinel=None,
        cells=((4, 3), (2, None)),
        ragged=False,
        n_cols=2,
        container="list",
    )
    assert survey.error(LIKERT_1_4, MissingPolicy.RAISE) == "a missing answer under RAISE"
    assert survey.error(LIKERT_1_4, MissingPolicy.EXCLUDE) is None
    assert _read("float16", math.nan, False, None, LIKERT_1_4) is None
    assert _read("float32", 2.5, False, None, LIKERT_1_4) is BAD
    assert _read("object", Decimal(3), False, None, LIKERT_1_4) is BAD
    assert _read("uint8", 255, True, None, LIKERT_1_4) is None
    assert _read("int8", -1, False, -1, LIKERT_1_4) is None
    # Row 1 of a KPKK survey: 2 answers of 4 and 3 -> 3,5 (a tie at 0 places).
    batch = kpkk.score_batch(
        np.array([[4, 3]], np.int8), policy=RoundingPolicy(0, Rounding.HALF_EVEN)
    )
    assert batch.decimals() == [
        kpkk.score([[4, 3]]).rounded(RoundingPolicy(0, Rounding.HALF_EVEN))
    ]
    assert isinstance(kpkk.score([[4, 3]]).category, Band)
