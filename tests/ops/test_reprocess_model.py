"""`veille reprocess` with the real French model (loaded once, by the one test that needs it)."""

from __future__ import annotations

from click.testing import CliRunner

import db
import nlp
from veille.cli import main

TEXTS = [
    "Capgemini annonce le rachat de la société Syniti pour 730 millions de dollars. "
    "Aiman Ezzat, directeur général de Capgemini, salue une opération stratégique.",
    "OVHcloud ouvre un nouveau centre de données à Strasbourg. Octave Klaba, président "
    "d'OVHcloud, veut doubler la capacité du groupe en France.",
]


def test_reprocess_command_runs_the_real_pipeline_over_stored_articles(tmp_path):
    db_path = tmp_path / "veille.db"
    database = db.open_db(db_path)
    for n, text in enumerate(TEXTS):
        db.save_article(database, {"source": "demo", "url": f"http://example.test/{n}", "text": text})
    result = CliRunner().invoke(main, ["reprocess", "--db", str(db_path), "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Reprocessed 2 of 2 articles; 0 failed" in result.output
    versions = {row[0] for row in database.execute("SELECT nlp_version FROM articles")}
    assert versions == {nlp.EXTRACTION_VERSION}
    orgs = {
        row[0]
        for row in database.execute("SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id")
    }
    assert any("Capgemini" in name for name in orgs) and any("OVH" in name for name in orgs)
    again = CliRunner().invoke(main, ["reprocess", "--db", str(db_path)])
    assert again.exit_code == 0 and "Nothing to reprocess" in again.output
