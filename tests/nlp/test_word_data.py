"""The French word lists of nlp/ stay data (nlp/patterns/*.jsonl), one place each, never Python literals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nlp.lexicon import PATTERNS_DIR, read_jsonl, word_lists, word_maps

NLP_DIR = Path(__file__).resolve().parents[2] / "nlp"
MAX_LITERAL_WORDS = 8

#: literals still in code, each with why: (module, the constant or function holding it). The word lists of
#: modules outside this move (rules, money, roles, events) wait for theirs (issue #15); the rest are field
#: names, not French words.
ALLOWED = {
    ("entities.py", "SPAN_EXTENSIONS"): "span extension names, not words",
    ("pipeline.py", "SPAN_FIELDS"): "span field names, not words",
    ("events.py", "KINDS"): "event kinds, not words",
    ("events.py", "MAIN"): "event attribute names, not words",
    ("role_clauses.py", "UNIT_WORDS"): "nlp/role_clauses.py (from roles.py): to move",
    ("rules.py", "CLAUSE_PREPOSITIONS"): "nlp/rules.py: to move",
    ("rules.py", "_capital_nationality"): "nlp/rules.py: to move",
    ("rules.py", "_skip_modifiers"): "nlp/rules.py: to move",
    ("money.py", "_SCALES"): "nlp/money.py: to move (the regex _SCALE repeats its words)",
    ("event_people.py", "_title_after"): "nlp/event_people.py: to move",
    ("event_people.py", "_TITLE_STOPS"): "nlp/event_people.py: to move",
    ("event_clauses.py", "_PARTICIPLE_ENDINGS"): "nlp/event_clauses.py (from event_rules.py): to move",
    ("event_clauses.py", "POSSESSIVES"): "nlp/event_clauses.py (from event_rules.py): to move",
    ("event_clauses.py", "CLAUSE_MARKS"): "nlp/event_clauses.py (from event_rules.py): to move",
    ("event_scene.py", "_COMPLEMENT_BEFORE"): "nlp/event_scene.py: to move",
}


def literal_size(node: ast.AST) -> int:
    """How many strings a literal word list holds: {...}, (...), [...], {"w": "CODE"} or "a b c".split()."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and node.elts:
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            return len(node.elts)
    if isinstance(node, ast.Dict) and node.keys:
        if all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys) and all(
            isinstance(v, ast.Constant) for v in node.values
        ):
            return len(node.keys)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
        and not node.args
    ):
        return len(node.func.value.value.split())
    return 0


def word_literals(source: str) -> list[tuple[str, int, int]]:
    """(owner, line, size) of each literal of more than MAX_LITERAL_WORDS strings; the owner is the
    module-level name assigned or the top-level function or class holding it."""
    found = []
    for statement in ast.parse(source).body:
        if isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
            owner = statement.name
        elif isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            owner = statement.targets[0].id
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            owner = statement.target.id
        else:
            owner = f"line {statement.lineno}"
        for node in ast.walk(statement):
            size = literal_size(node)
            if size > MAX_LITERAL_WORDS:
                found.append((owner, node.lineno, size))
    return found


def test_no_word_list_literal_in_nlp_code():
    found = [
        f"nlp/{path.name}:{line} {owner} ({size} words)"
        for path in sorted(NLP_DIR.glob("*.py"))
        for owner, line, size in word_literals(path.read_text(encoding="utf-8"))
        if (path.name, owner) not in ALLOWED
    ]
    assert not found, "word lists belong in nlp/patterns/words.jsonl or role_maps.jsonl: " + ", ".join(found)


def test_every_allowed_literal_still_exists():
    """An entry of ALLOWED whose literal has moved to data goes too, so the list only shrinks."""
    present = {
        (path.name, owner)
        for path in sorted(NLP_DIR.glob("*.py"))
        for owner, _, _ in word_literals(path.read_text(encoding="utf-8"))
    }
    assert set(ALLOWED) - present == set()


@pytest.mark.parametrize(
    "source",
    [
        "STOP = {'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au'}",
        "STOP = frozenset('le la les un une des du de au'.split())",
        "def f(t):\n    return t in ('le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au')",
        "MAP = {'a': 'X', 'b': 'X', 'c': 'X', 'd': 'X', 'e': 'X', 'f': 'X', 'g': 'X', 'h': 'X', 'i': 'X'}",
    ],
)
def test_the_scan_finds_a_nine_word_literal(source):
    assert [size for _, _, size in word_literals(source)] == [9]


def test_a_short_literal_passes_the_scan():
    assert word_literals("ARTICLES = {'le', 'la', 'les'}\nN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]") == []


@pytest.mark.parametrize("name", ["words.jsonl", "role_maps.jsonl"])
def test_each_list_has_one_name(name):
    names = [row["name"] for row in read_jsonl(name)]
    assert len(names) == len(set(names)), "a second row of one name would replace the first"


def test_every_word_map_says_what_it_is_for_and_maps_words_to_strings():
    for row in read_jsonl("role_maps.jsonl"):
        assert row["about"].strip()
        assert row["map"] and all(isinstance(k, str) and isinstance(v, str) for k, v in row["map"].items())


def test_word_maps_are_read_only_for_every_caller():
    maps = word_maps()
    with pytest.raises(TypeError):
        maps["participles"]["dirigée"] = "OTHER"
    assert word_maps()["participles"]["dirigée"] == "CEO"


def test_a_list_moved_to_data_reaches_the_code():
    from nlp import naming, role_words, successions

    assert role_words.PARTICIPLES is word_maps()["participles"]
    assert role_words.GAP_BEFORE_TITLE >= role_words.FORMER | word_lists()["title_gap"]
    assert successions.SUCCEED is word_lists()["succeed_verbs"]
    assert (",", "ainsi", "que") in naming._LIST_GAPS


def test_a_broken_word_map_line_names_the_file_and_line(tmp_path):
    good = (PATTERNS_DIR / "role_maps.jsonl").read_text(encoding="utf-8")
    (tmp_path / "role_maps.jsonl").write_text(good + '{"name": "broken", "map": {\n', encoding="utf-8")
    lines = len(good.splitlines())
    with pytest.raises(ValueError, match=rf"role_maps.jsonl:{lines + 1}: not valid JSON"):
        word_maps(str(tmp_path))
