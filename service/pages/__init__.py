"""The pages room: HTML for people (home, search, a page per resource with its lineage picture, evidence, the
source viewer, the query editor), rendered from the answers with the one word table and language choice;
its templates and static files (styles, scripts, vendored libraries) live beside it."""
