"""CLI commands of the extraction area: `veille extract` and `veille eval`; registered by veille.cli.

spaCy is imported inside the commands so that `veille --help` stays fast.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click

from db.store import clean_surrogates
from veille import exitcodes

logger = logging.getLogger(__name__)


def read_jsonl(handle: Iterable[str], errors: list[str]) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each usable line of {"id", "text"}; a bad line is reported and skipped."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(errors, f"line {number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            _report(errors, f'line {number}: expected an object with a "text" string')
            continue
        # a "\\ud800" escape decodes to a lone surrogate, which no UTF-8 output can hold
        yield number, clean_surrogates(row)


def _report(errors: list[str], message: str) -> None:
    errors.append(message)
    exitcodes.error(message)


def _check_output_folder(output: TextIO) -> None:
    """click opens -o lazily: a folder given as the file, or a missing folder, fails here instead."""
    name = getattr(output, "name", "-")
    if not isinstance(name, str) or name == "-":
        return
    target = Path(name)
    if target.is_dir() or not target.parent.is_dir():
        why = "it is a folder" if target.is_dir() else f"no folder {target.parent}"
        exitcodes.fail(f"cannot write {name}: {why}", exitcodes.USAGE)


@click.command("extract")
@click.argument("input_file", metavar="[INPUT|-]", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Where to write the JSON Lines (default: standard output).",
)
@click.option(
    "--processes",
    "-p",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes (each loads the model once).",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True)
@click.option("--model", default=None, help="spaCy model (default: $VEILLE_SPACY_MODEL or fr_core_news_md).")
def extract_cmd(
    input_file: TextIO, output: TextIO, processes: int, batch_size: int, model: str | None
) -> None:
    """Extract companies, people, products, amounts and roles from JSON Lines articles.

    Each input line is {"id": ..., "text": ...}; each output line is {"id", "entities", "roles"} in the
    input order. A malformed line is reported on stderr with its line number and the exit code is 1
    once every other line has been written.

    Example: veille extract articles.jsonl -o entities.jsonl --processes 2
    """
    from nlp import extract_texts

    _check_output_folder(output)  # before the model loads and the work is done, not at the first write
    nlp = _load_model(model)
    errors: list[str] = []
    ids: deque = deque()

    def texts() -> Iterator[str]:
        for number, row in read_jsonl(_lines(input_file), errors):
            ids.append(row.get("id", number))
            yield row["text"]

    for result in extract_texts(nlp, texts(), batch_size=batch_size, n_process=processes):
        output.write(json.dumps({"id": ids.popleft(), **result}, ensure_ascii=False) + "\n")
    output.flush()
    if errors:
        exitcodes.error(f"{len(errors)} malformed line(s) skipped")
        sys.exit(exitcodes.PARTIAL)


@click.command("eval")
@click.argument("gold_file", metavar="GOLD.jsonl", type=click.File("r", encoding="utf-8"))
@click.option("--detail", is_flag=True, help="Also list, per article, the missed and the false names.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores and details as JSON.")
@click.option(
    "--predictions",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="Score this `veille extract` output instead of running the extraction.",
)
@click.option("--model", default=None, help="spaCy model (default: $VEILLE_SPACY_MODEL or fr_core_news_md).")
def eval_cmd(
    gold_file: TextIO, detail: bool, as_json: bool, predictions: TextIO | None, model: str | None
) -> None:
    """Score the extraction against hand-annotated articles (precision, recall, F1 per label).

    Then the business events: one row per kind, EVENT (kind and company right) and EVENT_FULL (the
    kind's main attribute right too), the rules of shared/eval/score_events.py.

    Same rules as the project's evaluation script: document level, alias lists, optional entries
    neither rewarded nor penalised, money matched by value within 0.5 % and currency.

    Example: veille eval tests/nlp/data/gold_sample.jsonl --detail
    """
    from nlp.event_scoring import format_rows, score_events
    from nlp.scoring import format_table, score

    golds = read_gold(gold_file)
    if predictions is not None:
        predicted = read_predictions(predictions)
    else:
        nlp = _load_model(model)
        from nlp import extract_texts

        results = extract_texts(nlp, (g["text"] for g in golds))
        predicted = {g["id"]: r for g, r in zip(golds, results, strict=True)}
    result = score(golds, predicted)
    events = score_events(golds, predicted)
    if as_json:
        click.echo(json.dumps({**result, "events": events}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(result, detail=detail))
        click.echo(f"\n{'label':11} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
        click.echo("\n".join(format_rows(events, detail=detail)))


def read_gold(handle: TextIO) -> list[dict]:
    """Every gold article of the file, or exit USAGE naming each bad line: a gold file that is
    empty, malformed or misspelt must never score (it would print a perfect or a wrong score)."""
    from nlp.scoring import gold_problems

    golds, problems, ids = [], [], set()
    for number, line in enumerate(_lines(handle), 1):
        if not line.strip():
            continue
        try:
            gold = clean_surrogates(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not valid JSON ({exc.msg})")
            continue
        problems += [f"line {number}: {p}" for p in gold_problems(gold)]
        if isinstance(gold, dict) and gold.get("id") in ids:
            problems.append(f"line {number}: id {gold['id']!r} already used")
        if isinstance(gold, dict):
            ids.add(gold.get("id"))
            golds.append(gold)
    for problem in problems[:20]:
        exitcodes.error(f"{handle.name}: {problem}")
    if problems:
        exitcodes.fail(
            f"{handle.name} is not a usable gold file ({len(problems)} problem(s)); nothing scored",
            exitcodes.USAGE,
        )
    if not golds:
        exitcodes.fail(f"{handle.name} holds no gold article; nothing scored", exitcodes.USAGE)
    return golds


def read_predictions(handle: TextIO) -> dict:
    predicted = {}
    for number, line in enumerate(_lines(handle), 1):
        try:
            row = json.loads(line) if line.strip() else None
        except json.JSONDecodeError as exc:
            exitcodes.fail(f"{handle.name}: line {number}: not valid JSON ({exc.msg})", exitcodes.USAGE)
        if row is not None:
            if not isinstance(row, dict) or "id" not in row:
                exitcodes.fail(
                    f'{handle.name}: line {number}: expected an object with an "id"', exitcodes.USAGE
                )
            predicted[row["id"]] = row
    return predicted


def _lines(handle: TextIO) -> Iterator[str]:
    """The lines of a text file; bytes that are not UTF-8 give one line and exit USAGE."""
    try:
        yield from handle
    except UnicodeDecodeError as exc:
        exitcodes.fail(f"{handle.name} is not UTF-8 text ({exc.reason} at byte {exc.start})", exitcodes.USAGE)


def _load_model(model: str | None):
    """The spaCy pipeline, or one line and exit NLP_ERROR when the model cannot load."""
    from nlp import load_pipeline

    try:
        return load_pipeline(model)
    except (OSError, ImportError, ValueError) as exc:
        exitcodes.fail(f"cannot load the spaCy model: {exc}", exitcodes.NLP_ERROR)


COMMANDS: list[click.Command] = [extract_cmd, eval_cmd]
