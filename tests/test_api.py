"""The stable API: every change to the public names is deliberate."""

from __future__ import annotations

import pickle

import pytest

import sakip
from sakip.errors import (
    AmbiguousNumberError,
    DataSetError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    NumberFormatError,
    OutOfBandError,
    SakipError,
    SchemeError,
)

PUBLIC_NAMES = [
    "AchievementArray",
    "AmbiguousNumberError",
    "Average",
    "BUILTIN_SCHEMES",
    "Band",
    "BandScheme",
    "CAPAIAN_LKIP",
    "ClassifyOn",
    "DEKTARA_2024",
    "DEKTARI_2024",
    "DataSetError",
    "Finding",
    "Gap",
    "GapPolicy",
    "IKM_MUTU",
    "IKM_MUTU_CONVERTED",
    "IKPA_CATEGORY",
    "Indicator",
    "IndicatorHistory",
    "IndicatorResult",
    "InvalidTypeError",
    "InvalidValueError",
    "KPKK_LIKERT_4",
    "MissingExtraError",
    "NKA_CATEGORY",
    "NumberFormatError",
    "NumberStyle",
    "Objective",
    "OutOfBandError",
    "PerformanceAgreement",
    "Polarity",
    "QuarterAggregation",
    "Realization",
    "Rounding",
    "RoundingPolicy",
    "SAKIP_PREDIKAT",
    "SakipError",
    "SchemeError",
    "Summary",
    "SummaryComparison",
    "TargetStatus",
    "UnitCount",
    "UnitLevel",
    "WorkUnit",
    "YearRecord",
    "__version__",
    "achievement",
    "achievement_array",
    "aggregate_quarters",
    "anggaran",
    "barang_bukti",
    "check_printed",
    "classify_achievement",
    "compare_summaries",
    "count_in_categories",
    "count_meeting_targets",
    "count_meeting_targets_by_group",
    "divide",
    "evaluate",
    "exact_sum",
    "format_number",
    "ikm",
    "ikpa",
    "kepegawaian",
    "kpkk",
    "likert",
    "meets_target_array",
    "nka",
    "parse_number",
    "percent",
    "round_to",
    "scheme_from_lower_bounds",
    "summarize",
    "tahanan",
    "target_status",
    "to_dataframe",
    "to_decimal",
    "to_records",
    "whoqol",
    "zona_integritas",
]


def test_public_names_are_pinned() -> None:
    assert sorted(sakip.__all__) == PUBLIC_NAMES


@pytest.mark.parametrize(
    "name",
    [
        "anggaran",
        "barang_bukti",
        "ikm",
        "ikpa",
        "kepegawaian",
        "kpkk",
        "nka",
        "tahanan",
        "whoqol",
        "zona_integritas",
    ],
)
def test_instruments_follow_the_convention(name: str) -> None:
    module = getattr(sakip, name)
    assert module.__name__ == f"sakip.instruments.{name}"
    assert callable(module.score)
    assert module.score.__doc__ and "Examples" in module.score.__doc__


def test_every_public_name_is_importable() -> None:
    assert len(set(sakip.__all__)) == len(sakip.__all__)
    for name in sakip.__all__:
        assert hasattr(sakip, name), name


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (InvalidValueError, ValueError),
        (InvalidTypeError, TypeError),
        (NumberFormatError, ValueError),
        (AmbiguousNumberError, ValueError),
        (SchemeError, ValueError),
        (OutOfBandError, ValueError),
        (MissingExtraError, ValueError),
    ],
)
def test_errors_inherit_the_matching_builtin(error: type[SakipError], builtin: type) -> None:
    instance = error("target", "must be > 0", 0)
    assert isinstance(instance, SakipError)
    assert isinstance(instance, builtin)
    assert str(instance) == "'target' must be > 0: 0"
    copy = pickle.loads(pickle.dumps(instance))
    assert type(copy) is error and str(copy) == str(instance)


def test_data_set_error_lists_every_problem() -> None:
    error = DataSetError("x.toml", ["a: must be > 0: 0", "b: is missing: None"])
    assert str(error).splitlines() == [
        "x.toml: 2 problems",
        "  a: must be > 0: 0",
        "  b: is missing: None",
    ]
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


def _public_functions() -> list[str]:
    import importlib
    import inspect
    import pkgutil

    names = []
    for info in pkgutil.walk_packages(sakip.__path__, "sakip."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            if inspect.isfunction(getattr(module, name)):
                names.append(f"{info.name}.{name}")
    return names


@pytest.mark.parametrize("qualified", _public_functions())
def test_every_public_function_has_a_doctested_example(qualified: str) -> None:
    import importlib
    import inspect

    module_name, _, name = qualified.rpartition(".")
    doc = inspect.getdoc(getattr(importlib.import_module(module_name), name)) or ""
    assert "Examples\n--------" in doc and ">>> " in doc, qualified
