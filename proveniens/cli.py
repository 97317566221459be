"""The `proveniens` command: build, validate, query, serve and export the graph.

Each command maps its options to one core function; the help text is the docstring.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from proveniens.errors import ProveniensError, ValidationFailed

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()
err_console = Console(stderr=True)

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="Store directory or remote server URL [env PROVENIENS_STORE].")
]
SourcesOpt = Annotated[Path | None, typer.Option("--sources", help="Folder of source files [env PROVENIENS_SOURCES].")]


def _fail(err: ProveniensError) -> typer.Exit:
    if isinstance(err, ValidationFailed):
        err_console.print("[bold red]Build refused: the sources violate the shapes. Nothing was published.[/]")
        err_console.print(err.report.summary(), markup=False, highlight=False, soft_wrap=True)
    else:
        err_console.print(f"[bold red]Error:[/] {err}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(1)


@app.command()
def build(sources: SourcesOpt = None, store: StoreOpt = None) -> None:
    """Build the graph from a folder of sources, validate it, and switch the store to it."""
    from proveniens.build import build as run_build
    from proveniens.build import target_for
    from proveniens.settings import load_settings

    settings = load_settings(sources=sources, store=store)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err_console, transient=True) as progress:
            task = progress.add_task("starting", total=None)
            report = run_build(
                settings.sources, target_for(settings), step=lambda s: progress.update(task, description=s)
            )
    except ProveniensError as err:
        raise _fail(err) from err
    table = Table("named graph", "triples", title=f"Built into {report.target} in {report.seconds:.2f} s")
    for graph, count in report.triples.items():
        table.add_row(graph, str(count))
    table.add_row("[bold]total[/]", str(sum(report.triples.values())))
    console.print(table)
    for finding in report.warnings:
        console.print(finding.render(), markup=False, highlight=False, soft_wrap=True)
    for path in report.skipped:
        err_console.print(f"skipped {path}: not a .txt or .yaml source", markup=False)
    for unread in report.unrecognised:
        err_console.print(
            f"{unread.path}: {unread.reason}; it is registered as a source (evidence can cite it) but no facts "
            "were read from it",
            markup=False,
            soft_wrap=True,
        )


@app.command()
def validate(sources: SourcesOpt = None) -> None:
    """Load and validate the sources without touching any store; exit 1 on violations."""
    from proveniens.build import load_sources, verify_sources
    from proveniens.loaders.sources import find_sources
    from proveniens.resources import ontology_files, read_turtle
    from proveniens.settings import load_settings

    settings = load_settings(sources=sources)
    try:
        loaded, origins, _ = load_sources(find_sources(settings.sources))
    except ProveniensError as err:
        raise _fail(err) from err
    report = verify_sources(loaded, origins, read_turtle(ontology_files()))
    console.print(report.summary(), markup=False, highlight=False, soft_wrap=True)
    for finding in report.warnings:
        console.print(finding.render(), markup=False, highlight=False, soft_wrap=True)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL SELECT/ASK/CONSTRUCT query.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Run a named query from queries/.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", help="name=value for a named query.")] = None,
    store: StoreOpt = None,
) -> None:
    """Run a query against the current build and print the result."""
    import pyoxigraph as ox

    from proveniens.named_queries import run_named_query
    from proveniens.settings import load_settings
    from proveniens.storage.store import open_read_only

    settings = load_settings(store=store)
    if settings.remote is not None:
        raise _fail(ProveniensError(f"{settings.store} is a remote server: query it at {settings.remote.query}."))
    try:
        db = open_read_only(settings.store_path)
        if name:
            values = dict(p.split("=", 1) for p in param or [])
            rows = run_named_query(db, name, values)
            columns = list(dict.fromkeys(c for row in rows for c in row))
            typer.echo("\t".join(columns))
            for row in rows:
                typer.echo("\t".join(row.get(c, "").replace("\t", " ").replace("\n", " ") for c in columns))
            return
        if not sparql:
            raise typer.BadParameter("give a SPARQL query or --name")
        result = db.query(sparql)
    except SyntaxError as err:
        raise _fail(ProveniensError(f"SPARQL syntax error: {err}")) from err
    except ProveniensError as err:
        raise _fail(err) from err
    if isinstance(result, ox.QueryTriples):
        out = result.serialize(format=ox.RdfFormat.TURTLE)
    else:
        out = result.serialize(format=ox.QueryResultsFormat.TSV)
    typer.echo((out or b"").decode("utf-8"))


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option("--host")] = None,
    port: Annotated[int | None, typer.Option("--port")] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="HTTP worker processes [env PROVENIENS_HTTP_WORKERS].")
    ] = None,
) -> None:
    """Serve a built store over HTTP: pages at /, the SPARQL endpoint at /sparql."""
    import os
    from functools import partial

    import uvicorn

    from proveniens.service.http_limits import HeaderLimits, LimitedHttpToolsProtocol
    from proveniens.settings import load_settings
    from proveniens.storage.store import open_read_only

    settings = load_settings(store=store, host=host, port=port, http_workers=workers)
    try:
        if settings.remote is None:
            open_read_only(settings.store_path)  # fail now, with a clear message, rather than inside uvicorn
    except ProveniensError as err:
        raise _fail(err) from err
    console.print(f"Serving {settings.store} on http://{settings.host}:{settings.port}/")
    # Each HTTP worker process builds its app from the environment, so hand it the resolved settings.
    os.environ.update({f"PROVENIENS_{k.upper()}": str(v) for k, v in settings.model_dump(exclude_none=True).items()})
    uvicorn.run(
        "proveniens.service.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.http_workers,
        loop="uvloop",  # sets TCP_NODELAY on the shared socket; asyncio's loop adds ~44 ms per request with workers
        # httptools with header limits (431), checked as the head is parsed
        http=partial(LimitedHttpToolsProtocol, limits=HeaderLimits(settings.max_header_bytes, settings.max_headers)),
        log_level="warning",
    )


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder for the dumps.")],
    store: StoreOpt = None,
) -> None:
    """Write a copy of the current build's dumps elsewhere: gzip N-Quads/TriG, per graph and whole, with SHA-256 sums.

    Every build writes its own dumps, which the service serves (`/dumps/`)."""
    from proveniens.settings import load_settings
    from proveniens.storage.dumps import write_dumps
    from proveniens.storage.store import open_read_only

    settings = load_settings(store=store)
    if settings.remote is not None:
        raise _fail(ProveniensError(f"{settings.store} is a remote server: dump it with its own tools."))
    try:
        paths = write_dumps(open_read_only(settings.store_path), out)
    except ProveniensError as err:
        raise _fail(err) from err
    for path in paths:
        console.print(str(path), markup=False)


@app.command(name="eval")
def eval_command(
    sources: SourcesOpt = None,
    gold: Annotated[Path | None, typer.Option("--gold", help="Folder of gold files [default: gold/].")] = None,
    details: Annotated[bool, typer.Option("--details/--no-details", help="List each miss and extra.")] = True,
    documents: Annotated[
        Path | None,
        typer.Option("--documents", help="Folder of documents with gold.json [default: tests/fixtures/documents/]."),
    ] = None,
    gate_documents: Annotated[
        bool,
        typer.Option("--gate-documents/--no-gate-documents", help="Exit 1 if a document has an invented fact or "
                     "fails to load."),
    ] = True,
) -> None:
    """Print precision and recall of the loaders per relation against the hand-curated gold, then recall per
    document and relation on real documents from other bodies and every fact invented there; exit 1 below
    the corpus goal, or (unless --no-gate-documents) when a document has an invented fact or fails to load."""
    from proveniens.evaluation.corpus import GOLD_DIR, evaluate, meets_goal, render
    from proveniens.evaluation.documents import DOCUMENTS_DIR, evaluate_documents, honest, render_documents
    from proveniens.settings import load_settings

    settings = load_settings(sources=sources)
    folder = documents or DOCUMENTS_DIR
    try:
        scores = evaluate(settings.sources, gold or GOLD_DIR)
        document_scores = evaluate_documents(folder)
    except ProveniensError as err:
        raise _fail(err) from err
    typer.echo(render(scores, details))
    typer.echo(f"Documents in {folder}: gold facts (gold.json) found per relation")
    typer.echo(render_documents(document_scores))
    failed = False
    if not meets_goal(scores):
        err_console.print("Below the goal (precision ≥ 95 % and recall ≥ 90 % on every relation).", markup=False)
        failed = True
    if gate_documents and not honest(document_scores):
        err_console.print("A document has an invented fact or failed to load (see above).", markup=False)
        failed = True
    if failed:
        raise typer.Exit(1)


fetch_app = typer.Typer(no_args_is_help=True, help="Download open data into a sources folder for the next build.")
app.add_typer(fetch_app, name="fetch")


@fetch_app.command("riksdagen")
def fetch_riksdagen(
    dok_ids: Annotated[
        list[str],
        typer.Argument(help='Riksdagen document ids (H701CU5) or citations ("prop 2019/20:8", bet/2019/20:CU4).'),
    ],
    into: Annotated[Path, typer.Option("--into", help="Folder to write the records to.")] = Path("sources/riksdagen"),
    base_url: Annotated[str, typer.Option("--base-url", help="The open-data API.")] = "https://data.riksdagen.se",
    delay: Annotated[float, typer.Option("--delay", help="Seconds between two requests.")] = 1.0,
    retries: Annotated[int, typer.Option("--retries", help="Retries of a failed request.")] = 4,
) -> None:
    """Download each document's dokumentstatus (JSON) and the votes of its decision points; files already there
    and whole are kept, so an interrupted run resumes, and no file is ever written in part."""
    from proveniens.fetch.riksdagen import Fetcher, fetch_documents

    try:
        fetched = fetch_documents(dok_ids, into, Fetcher(base_url.rstrip("/"), delay, retries))
    except ProveniensError as err:
        raise _fail(err) from err
    for path in fetched.files:
        console.print(str(path), markup=False, highlight=False)
    for url in fetched.missing:
        err_console.print(f"not published: {url} (404)", markup=False, highlight=False)
