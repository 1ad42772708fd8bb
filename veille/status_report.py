"""Plain-text rendering of `veille status` (the JSON form is the same dict, dumped)."""

from __future__ import annotations

from typing import Any


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:19] if stamp else "-"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [headers] + [["-" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return [
        "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]


def _runs(runs: list[dict]) -> list[str]:
    rows = [
        [
            r["id"],
            r["command"],
            _when(r["started_at"]),
            _duration(r["duration_s"]),
            r["status"],
            r["exit_code"],
            r["feeds_read"],
            r["pages_fetched"],
            r["new_articles"],
            r["duplicates"],
            r["errors"],
        ]
        for r in runs
    ]
    headers = [
        "run",
        "command",
        "started (UTC)",
        "took",
        "status",
        "exit",
        "feeds",
        "pages",
        "new",
        "dups",
        "errors",
    ]
    return _table(headers, rows)


def _kinds(kinds: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in kinds.items()) or "-"


def _sources(sources: list[dict]) -> list[str]:
    rows = [
        [
            s["health"],
            s["source"],
            _when(s["last_success"]),
            s["consecutive_failures"],
            f"{s['failed_runs']}/{s['runs']}",
            f"{s['error_rate']:.0%}",
            s["new_articles"],
            _kinds(s["errors_by_kind"]),
        ]
        for s in sources
    ]
    headers = [
        "health",
        "source",
        "last success (UTC)",
        "fails in a row",
        "failed runs",
        "error rate",
        "new",
        "errors by kind",
    ]
    lines = _table(headers, rows)
    notes = []
    for s in sources:
        if s["health"] != "OK" and s["reason"]:
            notes.append(f"  {s['health']}: {s['source']}: {s['reason']}")
        for feed in s["failing_feeds"]:
            notes.append(
                f"    feed {feed['url']}: {feed['consecutive_failures']} failure(s) in a row, "
                f"last status {feed['last_status'] or 'no answer'}, last success {_when(feed['last_success_at'])}"
            )
    return lines + ([""] + notes if notes else [])


def render_status(report: dict, window: int) -> str:
    lines = [
        f"veille database {report['database']}: {report['articles']} articles, schema v{report['schema_version']}"
    ]
    holder = report.get("run_in_progress")
    if holder:
        lines.append(
            f"Run in progress: pid {holder['pid']} ({holder['command']}) since {_when(holder['started_at'])}"
        )
    else:
        lines.append("No run in progress.")
    counts: dict[str, int] = {}
    for source in report["sources"]:
        counts[source["health"]] = counts.get(source["health"], 0) + 1
    summary = ", ".join(f"{n} {h}" for h, n in counts.items()) or "no source seen yet"
    lines += ["", f"Sources (last {window} runs): {summary}"]
    lines += _sources(report["sources"]) if report["sources"] else ["  (none)"]
    lines += ["", f"Last {len(report['runs'])} runs"]
    lines += _runs(report["runs"]) if report["runs"] else ["  (no run recorded yet)"]
    return "\n".join(lines)
