"""The instrument contract (docs/design.md): every module of sakip.instruments keeps it.

The test walks ``sakip.instruments`` with ``pkgutil``, so an instrument added
without an example here fails, and so does one that breaks the contract.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs
import pytest

import sakip.instruments
from sakip.bands import Band
from sakip.batch import ScoreBatch
from sakip.numbers import Rounding, RoundingPolicy, round_to

INSTRUMENTS = sorted(
    info.name
    for info in pkgutil.iter_modules(sakip.instruments.__path__)
    if not info.name.startswith("_")
)

# One realistic call of score() per instrument (values from the LKIP 2024 where it prints them).
EXAMPLES: dict[str, Callable[[ModuleType], Any]] = {
    "tahanan": lambda m: m.score(detainees=22, escapes=1),
    "barang_bukti": lambda m: m.score(
        [
            m.EvidencePair(
                "LKN-1",
                received=m.EvidenceRecord("sabu", m.Quantity("10.5", "gram")),
                released=m.EvidenceRecord("sabu", m.Quantity("10.5", "gram")),
            )
        ]
    ),
    "kepegawaian": lambda m: m.score(
        [m.UnitStaff("BNNK Palangka Raya", {"PNS": 31}, required=74)]
    ),
    "zona_integritas": lambda m: m.score(pengungkit="49.97", hasil="35.03"),
    "nka": lambda m: m.score(planning="100.00", execution="99.95", target=86),
    "ikpa": lambda m: m.score(
        {
            "Revisi DIPA": 100,
            "Deviasi Halaman III DIPA": "99.61",
            "Penyerapan Anggaran": "97.65",
            "Belanja Kontraktual": 100,
            "Penyelesaian Tagihan": 100,
            "Pengelolaan UP dan TUP": 100,
            "Capaian Output": 100,
        },
        rules=2024,
    ),
    "anggaran": lambda m: m.score([m.BudgetLine("Belanja Pegawai", pagu=1000, realization=900)]),
    "kpkk": lambda m: m.score([[4, 3, 2, 3], [4, 2, 2, 2]]),
    "ikm": lambda m: m.score([[4, 3, 3, 4, 3, 4, 4, 3, 4], [4] * 9]),
    "whoqol": lambda m: m.score(pre=[[3] * 26, [2] * 26], post=[[4] * 26, [3] * 26]),
}

# One call of score_batch() per instrument that has one, with the rows it scores
# and how to score one of those rows alone with score().
BATCH_EXAMPLES: dict[
    str, tuple[Callable[[ModuleType, RoundingPolicy], Any], Callable[[ModuleType, int], Any]]
] = {
    "kpkk": (
        lambda m, p: m.score_batch([[4, 3, 2, 3], [4, 2, 2, 2]], policy=p),
        lambda m, i: m.score([[[4, 3, 2, 3], [4, 2, 2, 2]][i]]),
    ),
    "ikm": (
        lambda m, p: m.score_batch([[4, 3, 3, 4, 3, 4, 4, 3, 4], [2] * 9], policy=p),
        lambda m, i: m.score([[[4, 3, 3, 4, 3, 4, 4, 3, 4], [2] * 9][i]]),
    ),
    # WHOQOL: a row is one assessment; it agrees with score_assessment() of that row, the
    # domain asked for (score() is the pre/post improvement of many clients).
    "whoqol": (
        lambda m, p: m.score_batch(
            [[4] * 26, [3] * 10 + [5] * 16], domain=m.Domain.PHYSICAL, policy=p
        ),
        lambda m, i: m.score_assessment([[4] * 26, [3] * 10 + [5] * 16][i]).physical,
    ),
}

POLICY = RoundingPolicy(2, Rounding.HALF_UP)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"sakip.instruments.{name}")


def _result_name(module_name: str) -> str:
    return "".join(part.capitalize() for part in module_name.split("_")) + "Result"


def test_every_instrument_has_an_example() -> None:
    assert sorted(EXAMPLES) == INSTRUMENTS, "add the new instrument to EXAMPLES"
    assert len(INSTRUMENTS) == 10


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_score_returns_the_named_frozen_result(name: str) -> None:
    module = _module(name)
    assert _result_name(name) in module.__all__
    result_type = getattr(module, _result_name(name))
    assert attrs.has(result_type)
    assert inspect.signature(module.score).return_annotation in (result_type, result_type.__name__)
    result = EXAMPLES[name](module)
    assert type(result) is result_type
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.value = Decimal(0)
    hash(result)


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_value_category_and_rounded(name: str) -> None:
    module = _module(name)
    result = EXAMPLES[name](module)
    assert isinstance(result.value, Decimal)
    assert result.category is None or isinstance(result.category, Band)
    for policy in (RoundingPolicy(2, Rounding.TRUNCATE), RoundingPolicy(1, Rounding.HALF_UP)):
        assert result.rounded(policy) == round_to(result.value, policy.places, policy.rounding)


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_batch_names(name: str) -> None:
    module = _module(name)
    public = [
        n
        for n in module.__all__
        if callable(getattr(module, n)) and not inspect.isclass(getattr(module, n))
    ]
    odd = [n for n in public if ("batch" in n or n.endswith("_array")) and n != "score_batch"]
    assert odd == [], f"{name}: batch entry points must be named score_batch"
    assert ("score_batch" in module.__all__) == (name in BATCH_EXAMPLES)


@pytest.mark.parametrize("name", sorted(BATCH_EXAMPLES))
def test_score_batch_returns_score_batch_agreeing_with_score(name: str) -> None:
    module = _module(name)
    run_batch, run_one = BATCH_EXAMPLES[name]
    batch = run_batch(module, POLICY)
    assert isinstance(batch, ScoreBatch)
    assert not batch.scaled.flags.writeable
    decimals, categories = batch.decimals(), batch.categories()
    for i in range(len(batch)):
        one = run_one(module, i)
        assert decimals[i] == one.rounded(POLICY)
        assert categories[i] == one.category
