"""The optional extras of the report layer: import one, or say how to install it."""

from __future__ import annotations

import sys
from types import ModuleType

from sakip.errors import MissingExtraError

__all__ = ["import_extra"]

# The distribution that provides a top-level module, where its name differs.
_DISTRIBUTIONS = {"docx": "python-docx"}


def import_extra(module: str, option: str, extra: str) -> ModuleType:
    """Import ``module`` of the optional extra ``extra``, needed by ``option``.

    Parameters
    ----------
    module : str
        The module to import (``"openpyxl"``, ``"matplotlib.pyplot"``).
    option : str
        What needs it, as the user asked for it (``"--format xlsx"``).
    extra : str
        The pip extra that installs it (``sakip[extra]``).

    Raises
    ------
    MissingExtraError
        The module cannot be imported; the message names ``option``, the
        distribution and ``pip install 'sakip[extra]'``.

    Examples
    --------
    >>> import_extra("json", "--format json", "json").__name__
    'json'
    >>> print(import_extra("no_such_module.sub", "--format nothing", "nothing"))
    Traceback (most recent call last):
    ...
    sakip.errors.MissingExtraError: '--format nothing' needs no_such_module (pip install 'sakip[nothing]'): 'no_such_module'
    """
    top = module.partition(".")[0]
    try:
        __import__(module)  # the import statement's hook, as ``import module`` calls it
    except ImportError:
        distribution = _DISTRIBUTIONS.get(top, top)
        raise MissingExtraError(
            option, f"needs {distribution} (pip install 'sakip[{extra}]')", top
        ) from None
    return sys.modules[module]
