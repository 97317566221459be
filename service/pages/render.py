"""A page: its template rendered in the reader's language (language.py), with the words (words.py) and the
namings (naming.py) the templates use; the language a link asked for is kept in a cookie."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from proveniens.day_words import day_in_words
from proveniens.service.answers.models import Labels
from proveniens.service.language import COOKIE, LANGUAGES, language
from proveniens.service.pages.naming import cite, display, meeting_words, when
from proveniens.service.templating import environment
from proveniens.service.words import kind_name, t

_env = environment(Path(__file__).resolve().parent / "templates")


def _switch_url(request: Request, lang: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return request.url.path + "?" + urlencode(params)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template in the page's language; `sources` (from reader.source_names) names cited files."""
    lang = language(request)
    other = "en" if lang == "sv" else "sv"
    sources = context.pop("sources", None) or {}
    html = _env.get_template(template).render(
        request=request,
        lang=lang,
        t=lambda key: t(lang, key),
        kind=lambda k: kind_name(lang, k),
        show=lambda r: display(r, lang),
        pick=lambda labels: labels.pick(lang) if isinstance(labels, Labels) else labels,
        when=when,
        day=lambda iso: day_in_words(iso, lang),
        meeting_words=lambda context: meeting_words(context, lang),
        source_title=lambda file: cite(sources.get(file), file, lang),
        switch_url=_switch_url(request, other),
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response
