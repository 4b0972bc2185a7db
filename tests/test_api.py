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

# The 0.1.0 top level: the everyday scalar API (docs/stability.md). Everything else is
# importable from its own module.
PUBLIC_NAMES = [
    "Band",
    "BandScheme",
    "Indicator",
    "InvalidTypeError",
    "InvalidValueError",
    "Objective",
    "PerformanceAgreement",
    "Polarity",
    "Realization",
    "Rounding",
    "RoundingPolicy",
    "SakipError",
    "WorkUnit",
    "__version__",
    "achievement",
    "anggaran",
    "barang_bukti",
    "classify_achievement",
    "compare_summaries",
    "evaluate",
    "format_number",
    "ikm",
    "ikpa",
    "kepegawaian",
    "kpkk",
    "nka",
    "parse_number",
    "percent",
    "round_to",
    "schemes",
    "summarize",
    "tahanan",
    "to_dataframe",
    "to_decimal",
    "to_records",
    "whoqol",
    "zona_integritas",
]


def test_public_names_are_pinned() -> None:
    assert sorted(sakip.__all__) == PUBLIC_NAMES
    assert len(sakip.__all__) <= 40


def _fresh_interpreter(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_import_sakip_loads_no_report_and_no_instrument() -> None:
    # Issue 11: "import sakip" must not import the report layer; names load on first use.
    loaded = _fresh_interpreter(
        "import sakip, sys; print(sorted(m for m in sys.modules if m.startswith('sakip.')))"
    )
    assert loaded == "['sakip._version', 'sakip.errors']"


def test_first_use_loads_only_what_is_used() -> None:
    loaded = _fresh_interpreter(
        "import sakip, sys; sakip.tahanan.score(detainees=22); "
        "print(sorted(m for m in sys.modules if m.startswith(('sakip.report', 'sakip.instruments.'))"
        " and '._' not in m))"
    )
    assert loaded == "['sakip.instruments.tahanan']"


def test_from_import_of_an_instrument_and_unknown_names() -> None:
    from sakip import ikpa

    assert ikpa.__name__ == "sakip.instruments.ikpa"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = sakip.nope  # type: ignore[attr-defined]
    assert set(sakip.__all__) <= set(dir(sakip))


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


def _public_callables() -> list[tuple[str, object]]:
    import importlib
    import inspect
    import pkgutil

    found: list[tuple[str, object]] = []
    for info in pkgutil.walk_packages(sakip.__path__, "sakip."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                found.append((f"{info.name}.{name}", obj))
            elif inspect.isclass(obj) and obj.__module__ == info.name:
                found.append((f"{info.name}.{name}", obj.__init__))
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(member, classmethod | staticmethod):
                        member = member.__func__
                    if inspect.isfunction(member):
                        found.append((f"{info.name}.{name}.{attr}", member))
    return found


def test_public_parameters_have_real_types() -> None:
    # Issue 11: a caller's type checker must learn what each parameter takes; at most 20
    # parameters may stay annotated ``object`` (values of any type by design: the coercion
    # functions that check them). The ``value`` an error carries is any offending value, so
    # the error classes are not counted.
    import inspect

    loose = []
    for qualified, function in _public_callables():
        if qualified.startswith("sakip.errors.") or qualified.endswith("Error"):
            continue
        try:
            signature = inspect.signature(function)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        for parameter in signature.parameters.values():
            if parameter.name not in ("self", "cls") and parameter.annotation in (
                "object",
                object,
            ):
                loose.append(f"{qualified}({parameter.name})")
    assert len(loose) <= 20, "\n".join(loose)
