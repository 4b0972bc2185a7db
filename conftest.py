"""Doctests that need an optional extra are skipped where it is not installed.

The README's test command installs only the ``test`` extra, so the examples
that build pandas DataFrames cannot run there; ``.ci/run`` installs the
``docs`` extra afterwards and runs them again, where nothing is skipped.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

# doctest item (file name, item name) -> the module it needs
NEEDS_EXTRA = {
    ("analysis.md", "analysis.md"): "pandas",
    ("interop.py", "sakip.interop.to_dataframe"): "pandas",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the doctests of ``NEEDS_EXTRA`` whose module is missing."""
    for item in items:
        needed = NEEDS_EXTRA.get((Path(str(item.path)).name, item.name))
        if needed is not None and importlib.util.find_spec(needed) is None:
            item.add_marker(pytest.mark.skip(reason=f"needs {needed}, installed by .ci/run"))
