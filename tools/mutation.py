"""Mutation testing of the formula modules with mutmut 3, one module at a time.

Usage, from the repository root in the project's environment (``pip install
-e '.[dev]' 'mutmut>=3.8,<4'``)::

    python tools/mutation.py                 # every module of MODULES
    python tools/mutation.py capaian nka     # some modules
    python tools/mutation.py --list          # the modules and their tests
    python tools/mutation.py --jobs 1 bands  # fewer parallel workers (default 2)

Each module is mutated in its own scratch copy of the checkout,
``.mutation/<module>/`` (ignored by git, rebuilt on every run), with a
``setup.cfg`` that tells mutmut which file to mutate and which test files to
run: only the tests of that module, since the full suite takes minutes and
runs once per mutant. mutmut then runs, for each mutant, only the tests that
called the mutated function. Doctests are not run (mutmut's copy of a module
holds every mutant as a function with the same docstring); the hypothesis
profile is ``dev`` (fewer examples, see ``tests/conftest.py``).

The script prints killed / total per module and writes the surviving
mutants' names to ``.mutation/<module>/survivors.txt``; ``cd
.mutation/<module> && mutmut show <name>`` shows one as a diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"

# the raise-site tests of every module (field, rule and value of each error)
ERRORS = "tests/test_error_fields.py"

# module name -> (source file, the test files that exercise it)
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "numbers": ("src/sakip/numbers.py", ("tests/test_numbers.py", ERRORS)),
    "bands": ("src/sakip/bands.py", ("tests/test_bands.py", "tests/test_schemes.py", ERRORS)),
    "capaian": (
        "src/sakip/capaian.py",
        (
            "tests/test_capaian.py",
            "tests/test_batch.py",
            "tests/test_oracle_capaian.py",
            ERRORS,
        ),
    ),
    "tahanan": ("src/sakip/instruments/tahanan.py", ("tests/test_tahanan.py", ERRORS)),
    "nka": ("src/sakip/instruments/nka.py", ("tests/test_nka.py", ERRORS)),
    "zona_integritas": (
        "src/sakip/instruments/zona_integritas.py",
        ("tests/test_zona_integritas.py", ERRORS),
    ),
    "kpkk": ("src/sakip/instruments/kpkk.py", ("tests/test_kpkk.py", ERRORS)),
    "kepegawaian": ("src/sakip/instruments/kepegawaian.py", ("tests/test_kepegawaian.py", ERRORS)),
    "barang_bukti": (
        "src/sakip/instruments/barang_bukti.py",
        ("tests/test_barang_bukti.py", ERRORS),
    ),
    "ikpa": ("src/sakip/instruments/ikpa.py", ("tests/test_ikpa.py", ERRORS)),
    "ikm": ("src/sakip/instruments/ikm.py", ("tests/test_ikm.py", ERRORS)),
    "anggaran": ("src/sakip/instruments/anggaran.py", ("tests/test_anggaran.py", ERRORS)),
    "whoqol": ("src/sakip/instruments/whoqol.py", ("tests/test_whoqol.py", ERRORS)),
}

# Tests that list a class's attributes: they see mutmut's mutant copies of the
# methods (``xǁAchievementArrayǁclassify__mutmut_1``) and fail on the unmutated code.
DESELECT = ("tests/test_oracle_capaian.py::test_every_public_array_function_has_an_oracle",)

# mutmut's exit-code classes that count as killed (the type checker is not used)
KILLED = ("killed", "timeout", "segfault")


def _lines(values: tuple[str, ...] | list[str]) -> str:
    return "".join(f"\n    {value}" for value in values)


def prepare(name: str) -> Path:
    """Build the scratch copy of the checkout for one module and return it."""
    source, tests = MODULES[name]
    work = WORK / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(ROOT / "src", work / "src", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    for file in ("pyproject.toml", "conftest.py"):
        shutil.copy2(ROOT / file, work / file)
    deselect = [f"--deselect={test}" for test in DESELECT]
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        f"source_paths ={_lines(['src'])}\n"
        f"only_mutate ={_lines([source])}\n"
        f"also_copy ={_lines(['conftest.py'])}\n"
        f"pytest_add_cli_args_test_selection ={_lines(list(tests))}\n"
        f"pytest_add_cli_args ={_lines(['-p', 'no:cacheprovider', *deselect])}\n"
        "use_git_change_detection = false\n",
        encoding="utf-8",
    )
    return work


def measure(name: str, jobs: int) -> dict[str, int]:
    """Run mutmut on one module; return the count of each result class."""
    work = prepare(name)
    env = dict(os.environ, HYPOTHESIS_PROFILE="dev")
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(jobs)], cwd=work, env=env, check=True)
    subprocess.run([*mutmut, "export-cicd-stats"], cwd=work, env=env, check=True)
    stats: dict[str, int] = json.loads(
        (work / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8")
    )
    listed = subprocess.run(
        [*mutmut, "results"], cwd=work, env=env, check=True, capture_output=True, text=True
    ).stdout
    (work / "survivors.txt").write_text(listed, encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> int:
    """Measure the modules named on the command line (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="module", help="names from --list")
    parser.add_argument("--jobs", type=int, default=2, help="parallel mutmut workers")
    parser.add_argument("--list", action="store_true", help="list the modules and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, (source, tests) in MODULES.items():
            print(f"{name:16} {source}  <- {' '.join(tests)}")
        return 0
    unknown = sorted(set(args.modules) - set(MODULES))
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}: see --list")
    rows = []
    for name in args.modules or list(MODULES):
        stats = measure(name, args.jobs)
        killed = sum(stats.get(key, 0) for key in KILLED)
        total = stats["total"]
        rows.append((name, killed, total))
    print(f"\n{'module':16} {'killed':>7} {'total':>6} {'score':>7}")
    for name, killed, total in rows:
        score = f"{100 * killed / total:.1f} %" if total else "-"
        print(f"{name:16} {killed:7} {total:6} {score:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
