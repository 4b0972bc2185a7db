"""The installed ``sakip`` command, run as a user runs it, for the tests of the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["SAKIP", "UNIT_HEAD", "sakip"]

# The console script installed beside this Python (the virtual environment's), else on PATH.
SAKIP: str | None = shutil.which("sakip", path=str(Path(sys.executable).parent)) or shutil.which(
    "sakip"
)


def sakip(
    *args: str | Path, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``sakip`` with ``args``; its exit status, stdout and stderr as text."""
    command = [SAKIP] if SAKIP is not None else [sys.executable, "-m", "sakip"]
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


UNIT_HEAD = """schema = 1
[document]
title = "LKIP contoh"
year = 2024
[unit]
code = "bnnk-contoh"
name = "BNNK Contoh"
level = "BNNK"
"""
"""The start of a small test data set: its format, document and an invented BNNK."""
