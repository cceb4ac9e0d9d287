"""The command line `triage` (CONTRACT.md): the composition root of store, pipeline, index and web app.

Known errors (bad input, bad configuration) become one line on standard error and exit status 1.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from triage.errors import TriageError
from triage.settings import DEFAULT_DATA_DIR, Settings, load_settings

log = logging.getLogger("triage")


# -- composition --------------------------------------------------------------------------------------

def build_pipeline_factory(settings: Settings, model_dir: Path | None = None) -> Callable[[], Any]:
    """A function that loads the office, the analyzer and the classifier once, when first needed."""

    def build():
        from models import default_model_dir, load_model
        from triage.nlp import Analyzer
        from triage.routing import load_office
        from triage.service import Pipeline

        classifier = load_model(model_dir or settings.model_dir or default_model_dir())
        office = load_office(settings.units_file)
        return Pipeline(Analyzer(office.gazetteer, settings.name_tagger), classifier, office)

    return build


def open_search_index(settings: Settings):
    from indexer import open_index

    return open_index(settings.data_dir, search_url=settings.search_url, prefix=settings.index_prefix)


def build_service(settings: Settings, with_index: bool = True):
    from triage.service import Service
    from triage.store import Store

    store = Store(settings.db_path)
    index = open_search_index(settings) if with_index else None
    return Service(store, build_pipeline_factory(settings), index=index, files_dir=settings.files_dir)


# -- the group ----------------------------------------------------------------------------------------

class TriageGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TriageError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


def data_options(func: Callable) -> Callable:
    """--data DIR and --search-url URL, taken by every command that touches stored data."""
    func = click.option("--search-url", envvar="TRIAGE_SEARCH_URL", default=None,
                        help="Elasticsearch URL (default: the embedded index under --data).")(func)
    func = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help=f"Folder of the store and index (default: ./{DEFAULT_DATA_DIR}, "
                             "or TRIAGE_DATA_DIR).")(func)
    return func


def units_option(func: Callable) -> Callable:
    return click.option("--units", "units_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        default=None, help="The office's units file (default: the example county).")(func)


@click.group(cls=TriageGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Settings file (TOML); also TRIAGE_CONFIG.")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, config: str | None, verbose: int) -> None:
    """信访举报智能分办 — petition triage for discipline-inspection offices."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.obj = load_settings(config)


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    settings: Settings = ctx.obj
    return settings.with_overrides(**overrides)


@cli.command()
@click.argument("input_file", metavar="[INPUT]", required=False, default="-")
@units_option
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A model directory made by `triage train` (default: the shipped default model).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Where to write the JSON Lines (default: standard output).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Processes for extraction.")
@click.pass_context
def process(ctx, input_file, units_file, model_dir, output, jobs):
    """Triage JSON Lines petitions; one JSON line out per line in, in order. Stores nothing.

    Exit status 1 when any line failed (its output line is {"id": ..., "error": ...})."""
    from triage.service import decode_lines, process_lines

    settings = settings_from(ctx, units_file=units_file)
    pipeline = build_pipeline_factory(settings, model_dir)()
    failed = 0
    with click.open_file(input_file, "rb") as src, click.open_file(output, "w", encoding="utf-8") as out:
        for record in process_lines(decode_lines(src), pipeline, settings.max_text_chars, n_process=jobs):
            if "error" in record:
                failed += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} line(s) failed", err=True)
        ctx.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@units_option
@data_options
@click.option("--mapping", default=None,
              help='Column mapping for CSV/XLSX as JSON, e.g. \'{"text": "内容", "received_at": "来信时间"}\'.')
@click.option("--channel", type=click.Choice(["letter", "visit", "web", "phone"]), default=None,
              help="Channel for items whose file does not say.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
@click.pass_context
def ingest(ctx, files, units_file, data_dir, search_url, mapping, channel, quiet):
    """Store petitions durably (JSONL, CSV, XLSX, DOCX, PDF, images, text), triage and index them.

    Re-ingesting the same item changes nothing. Exit status 1 when any item failed."""
    from triage.intake import Progress, read_path

    settings = settings_from(ctx, units_file=units_file, data_dir=data_dir, search_url=search_url)
    service = build_service(settings)
    column_map = json.loads(mapping) if mapping else None
    total = {"stored": 0, "duplicates": 0, "triaged": 0, "failed": []}
    for path in files:
        service.store.add_file(settings.files_dir, path.name, path.read_bytes())
        progress = None if quiet else Progress(total=None)
        summary = service.ingest(
            read_path(path, mapping=column_map, max_chars=settings.max_text_chars, default_channel=channel),
            progress=progress.step if progress else None,
        )
        if progress:
            progress.close()
        for key in ("stored", "duplicates", "triaged"):
            total[key] += getattr(summary, key)
        total["failed"].extend({"source": s, "message": m} for s, m in summary.failed)
    for failure in total["failed"]:
        click.echo(f"failed: {failure['source']}: {failure['message']}", err=True)
    click.echo(json.dumps(total, ensure_ascii=False))
    if total["failed"]:
        ctx.exit(1)


@cli.command()
@data_options
@click.pass_context
def reindex(ctx, data_dir, search_url):
    """Triage what is stored but not yet triaged (an interrupted ingest, a restored backup), then rebuild
    the search index from the store of record (atomic swap)."""
    settings = settings_from(ctx, data_dir=data_dir, search_url=search_url)
    service = build_service(settings)
    triaged = service.triage_pending()
    count = service.reindex()
    click.echo(json.dumps({"triaged": triaged, "indexed": count}))


@cli.command()
@click.argument("query", required=False, default="")
@data_options
@click.option("--domain", default=None, help="Domain code.")
@click.option("--kind", default=None, help="Petition kind code.")
@click.option("--unit", default=None, help="Unit id.")
@click.option("--township", default=None, help="Township.")
@click.option("--village", default=None, help="Village.")
@click.option("--person", default=None, help="A person's name as written (张建国, 王某).")
@click.option("--level", default=None, help="Level code of an accused person.")
@click.option("--since", default=None, help="Received on or after (YYYY-MM-DD).")
@click.option("--until", default=None, help="Received on or before (YYYY-MM-DD).")
@click.option("--min-amount", type=float, default=None, help="Smallest amount named, in yuan.")
@click.option("--max-amount", type=float, default=None, help="Largest amount named, in yuan.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (total, hits, facets).")
@click.pass_context
def search(ctx, query, data_dir, search_url, domain, kind, unit, township, village, person, level, since, until,
           min_amount, max_amount, sort, limit, as_json):
    """Full-text search (Chinese words, names) with filters; an empty QUERY lists what the filters select."""
    from datetime import date

    from indexer import SearchQuery

    settings = settings_from(ctx, data_dir=data_dir, search_url=search_url)
    index = open_search_index(settings)
    try:
        q = SearchQuery(
            text=query, domain=domain, kind=kind, unit=unit, township=township, village=village, person=person,
            level=level, min_amount=min_amount, max_amount=max_amount,
            since=_date_option(since, "--since", date), until=_date_option(until, "--until", date),
            sort=sort, limit=limit,
        )
        result = index.search(q)
    finally:
        index.close()
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    click.echo(f"{result.total} petition(s)")
    for hit in result.hits:
        click.echo(f"{hit.id}\t{hit.score:.2f}\t{hit.highlight}")


def _date_option(value, name, date_type):
    if not value:
        return None
    try:
        return date_type.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from exc


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@units_option
@data_options
@click.pass_context
def serve(ctx, host, port, units_file, data_dir, search_url):
    """Start the web app."""
    from web import create_app

    settings = settings_from(ctx, host=host, port=port, units_file=units_file, data_dir=data_dir,
                             search_url=search_url)
    app = create_app(settings)
    # load the models while the first pages are served, so the first triage does not wait for them
    threading.Thread(target=lambda: app.extensions["triage"].service.pipeline, daemon=True).start()
    click.echo(f"serving on http://{settings.host}:{settings.port}/", err=True)
    # waitress: a production WSGI server with no access log (a request line holds search words and names)
    import waitress

    waitress.serve(app, host=settings.host, port=settings.port, threads=8, ident="triage")


@cli.command()
@click.option("--taxonomy", "taxonomy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="The office's taxonomy file (default: TAXONOMY.md's domains).")
@click.option("--data", "data_files", multiple=True, required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Training data: JSONL (text, domain, kind) or CSV (label, text or tokens). Repeatable.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write the model to.")
@click.option("--model-type", type=click.Choice(["baseline", "transformer"]), default="baseline", show_default=True)
@click.option("--base-model", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A local checkpoint directory to fine-tune (transformer only); nothing is downloaded.")
@click.option("--include-corrections", is_flag=True, help="Add clerks' stored corrections to the training data.")
@click.option("--store-data", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --include-corrections: the data folder whose store holds them (default ./var).")
@click.option("--option", "options", multiple=True, metavar="KEY=JSON",
              help="A model option, e.g. nb_weighting=true or c=0.5 (baseline), epochs=3 (transformer). Repeatable.")
@click.pass_context
def train(ctx, taxonomy_file, data_files, out_dir, model_type, base_model, include_corrections, store_dir, options):
    """Train a classifier on the project's corpora or an office's labelled data."""
    import json

    from models.train import run_training

    opts = {}
    for option in options:
        key, sep, value = option.partition("=")
        try:
            if not sep or not key:
                raise ValueError("no '='")
            opts[key.strip()] = json.loads(value)
        except ValueError as exc:
            raise click.BadParameter(f"{option!r} is not KEY=JSON ({exc})", param_hint="--option") from exc

    extra = []
    if include_corrections:
        from triage.corrections import training_records_from_store
        from triage.store import Store
        from triage.taxonomy import load_taxonomy

        settings = settings_from(ctx, data_dir=store_dir)
        store = Store(settings.db_path)
        try:
            extra, unknown = training_records_from_store(store, load_taxonomy(taxonomy_file))
            # the texts hold petitioners' identities: the read is on record, as every read of them is
            # (docs/security.md)
            store.audit("training_read", detail={"for": "classifier", "petitions": len(extra)})
        finally:
            store.close()
        click.echo(f"{len(extra)} petition(s) corrected or accepted by clerks added"
                   + (f"; {unknown} left out (codes the taxonomy does not know)" if unknown else ""), err=True)
    try:
        run_training(taxonomy_file, list(data_files), out_dir, model_type, base_model, extra_records=extra,
                     progress=lambda msg: click.echo(msg, err=True), **opts)
    except ValueError as exc:  # an unknown or ill-typed model option
        if not opts:
            raise
        raise click.BadParameter(str(exc), param_hint="--option") from exc
    click.echo(f"model written to {out_dir}", err=True)


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--task", type=click.Choice(["auto", "classify", "extract", "route"]), default="auto",
              show_default=True, help="What to evaluate (auto: from the gold file's fields).")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Classifier to evaluate (default: the shipped default model).")
@click.option("--format", "gold_format", default=None,
              help="Gold format for extraction (corpus, corruption_kg, cluener, weibo, ccdi, duty_crime).")
@click.option("--labels", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Labels keyed by id, for gold files whose labels live apart from the text.")
@units_option
@click.pass_context
def evaluate(ctx, gold, task, model_dir, gold_format, labels, units_file):
    """Measure classification, extraction or routing against a gold file and print the figures."""
    from triage.evaluation.routing import detect_task

    settings = settings_from(ctx, units_file=units_file)
    task = detect_task(gold) if task == "auto" else task
    if task == "classify":
        from models import default_model_dir, load_model
        from triage.evaluation.classification import evaluate_classifier_file

        model = load_model(model_dir or settings.model_dir or default_model_dir())
        click.echo(evaluate_classifier_file(model, gold, labels=labels))
    elif task == "extract":
        from triage.evaluation.extraction import evaluate_extraction, format_extraction_report
        from triage.nlp import Analyzer
        from triage.routing import load_office

        analyzer = Analyzer(load_office(settings.units_file).gazetteer, settings.name_tagger)
        report = evaluate_extraction(gold, analyzer, fmt=gold_format, labels=labels)
        click.echo(format_extraction_report(report))
    else:
        from triage.evaluation.routing import evaluate_routing, format_routing_report

        pipeline = build_pipeline_factory(settings, model_dir)()
        click.echo(format_routing_report(evaluate_routing(gold, pipeline)))


@cli.group()
def user():
    """Manage web-app users."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["clerk", "investigator", "manager", "admin"]), required=True)
@click.option("--unit", default=None, help="Limit an investigator to one unit's items (unit id).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="The password (prompted when not given).")
@data_options
@click.pass_context
def user_add(ctx, name, role, unit, password, data_dir, search_url):
    """Create a user (or reset their role and password)."""
    from werkzeug.security import generate_password_hash

    from triage.store import Store

    if len(password) < 8:
        raise click.BadParameter("use at least 8 characters", param_hint="--password")
    settings = settings_from(ctx, data_dir=data_dir)
    store = Store(settings.db_path)
    store.add_user(name, role, generate_password_hash(password), unit=unit)
    store.audit("user_add", user=None, target=name, detail={"role": role, "unit": unit})
    click.echo(f"user {name} ({role}) saved", err=True)


@user.command("token")
@click.argument("name")
@data_options
@click.pass_context
def user_token(ctx, name, data_dir, search_url):
    """Create an API token for a user (printed once; only its hash is stored)."""
    import hashlib
    import secrets

    from triage.errors import InputError
    from triage.store import Store

    settings = settings_from(ctx, data_dir=data_dir)
    store = Store(settings.db_path)
    if store.get_user(name) is None:
        raise InputError(f"no user {name!r}; create it with `triage user add`")
    token = secrets.token_urlsafe(32)
    store.add_token(name, hashlib.sha256(token.encode()).hexdigest())
    store.audit("token_add", target=name)
    click.echo(token)


@cli.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@data_options
@click.pass_context
def backup(ctx, target, data_dir, search_url):
    """Make a consistent copy of the store (and original files) in TARGET while the app runs."""
    import shutil

    from triage.store import Store

    settings = settings_from(ctx, data_dir=data_dir)
    store = Store(settings.db_path)
    target.mkdir(parents=True, exist_ok=True)
    store.backup(target / "triage.sqlite3")
    if settings.files_dir.exists():
        shutil.copytree(settings.files_dir, target / "files", dirs_exist_ok=True)
    store.audit("backup", detail={"target": str(target)})
    click.echo(f"backup written to {target}; restore: copy it as the --data folder, then `triage reindex`",
               err=True)


def main() -> None:
    cli(prog_name="triage")


if __name__ == "__main__":
    main()
    sys.exit(0)
