"""The answers room: the questions the API and the pages ask, each answered by named queries (queries/*.rq)
through the backend (named.py's `NamedQueries`, never a web request), as the typed models of models.py; and the
JSON API (api.py), a thin layer over them."""
