"""Griffe extension for the documentation site: Sphinx roles become cross-references.

The docstrings of ``sakip`` name other objects with Sphinx roles
(``:func:`achievement```, ``:class:`~sakip.bands.BandScheme```), which
mkdocstrings would print literally. This extension, loaded by ``mkdocs.yml``,
rewrites each role, once the whole package is loaded, into an *optional*
autorefs cross-reference: a link when the target is documented on the site,
plain code otherwise (never a broken link, never a build warning).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:attr|class|data|exc|func|meth|mod|obj|const):`(?P<target>[^`]+)`")


def _label(target: str) -> str:
    """The text shown: ``~a.b.C`` shows ``C``; other targets show as written."""
    if target.startswith("~"):
        return target[1:].rsplit(".", 1)[-1]
    return target


def _resolve(obj: griffe.Object, target: str) -> str:
    """The full path of ``target`` seen from ``obj``, or ``target`` itself."""
    name = target.lstrip("~")
    head, _, rest = name.partition(".")
    try:
        full = obj.resolve(head)
    except (griffe.NameResolutionError, ValueError):
        return name
    return f"{full}.{rest}" if rest else full


def _rewrite(obj: griffe.Object, text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        identifier = html.escape(_resolve(obj, target), quote=True)
        label = html.escape(_label(target))
        return f'<autoref identifier="{identifier}" optional><code>{label}</code></autoref>'

    return _ROLE.sub(replace, text)


def _walk(obj: griffe.Object) -> None:
    if obj.docstring is not None:
        obj.docstring.value = _rewrite(obj, obj.docstring.value)
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            _walk(member)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring of a package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Walk the loaded package."""
        _walk(pkg)
