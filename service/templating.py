"""The one HTML technology: Jinja2 templates with autoescaping on, for the pages and the linked-data documents.

Every value a template shows is escaped unless the code marked it safe, so a label, quote or IRI from the
data is always text; data for scripts goes through `tojson`, which escapes `<`, `>` and `&`.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape


def environment(folder: Path) -> Environment:
    """The templates of one room (`folder`), escaping everything, with block tags leaving no blank lines."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
