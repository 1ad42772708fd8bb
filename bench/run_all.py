"""Run every benchmark in sequence (`make bench`), then print one summary line each.

    python bench/run_all.py               # default sizes (about 25 minutes on 2 cores)
    python bench/run_all.py --quick       # smaller runs (about 5 minutes)
    python bench/run_all.py --only queries extract_pages

Each benchmark runs in its own process (one crawl per process, a clean heap for memory figures)
and writes bench/results/<name>.json; a benchmark that fails does not stop the others, but the
exit code is non-zero.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import benchlib

# In this order: quick ones first, the long memory run last.
BENCHMARKS = ("queries", "password", "extract_pages", "nlp", "end_to_end", "memory")


def _queries(r: dict) -> str:
    res = r["results"]
    return (
        f"timeline p95 {r['timeline_p95_worst_ms']:.0f} ms (target < {r['timeline_target_ms']:.0f}); "
        f"co-mentions p95 {res['co_mentions_popular']['http']['p95_ms']:.0f} ms; "
        f"search p95 {max(v['http']['p95_ms'] for k, v in res.items() if k.startswith('search')):.0f} ms"
    )


def _extract(r: dict) -> str:
    return f"veille/trafilatura {r['ratio']:.2f}x (target <= {r['target_ratio']})"


def _nlp(r: dict) -> str:
    t = r.get("targets", {})
    return (
        f"extract/plain spaCy {r['ratio_extract_vs_plain']:.2f}x (target >= {t.get('extract_vs_plain')}); "
        f"2/1 processes {r['ratio_2_vs_1_processes']:.2f}x (target >= {t.get('two_vs_one_process')})"
    )


def _end_to_end(r: dict) -> str:
    return (
        f"{r['crawl_articles_per_s']:.1f} articles/s, {r['ratio']:.2f} of the sum of parts "
        f"(target >= {r['target_ratio']}); peak RSS {r['peak_rss_mb']:.0f} MB"
    )


def _memory(r: dict) -> str:
    return (
        f"peak RSS {r['peak_mb_first']:.0f} MB after {r['first_checkpoint']:,}, {r['peak_mb_end']:.0f} MB after "
        f"{r['articles']:,} ({r['growth']:+.1%}; targets < {r['target_growth']:.0%}, < {r['target_peak_mb']} MB)"
    )


def _password(r: dict) -> str:
    return (
        f"reader waits {r['worst_ratio']:.2f} of one PBKDF2 check under a 48-request flood "
        f"(target < {r['target_ratio']}; before: {max(v['before'] for v in r['results'].values()):.2f})"
    )


HEADLINES: dict[str, Callable[[dict], str]] = {
    "queries": _queries,
    "password": _password,
    "extract_pages": _extract,
    "nlp": _nlp,
    "end_to_end": _end_to_end,
    "memory": _memory,
}


def run_one(name: str, quick: bool) -> dict[str, Any]:
    script = benchlib.BENCH_DIR / f"bench_{name}.py"
    if not script.exists():
        return {"name": name, "status": "missing", "line": f"{script.name} not found"}
    print(f"\n### bench_{name}{' --quick' if quick else ''}", flush=True)
    start = time.monotonic()
    code = subprocess.call([sys.executable, str(script), *(["--quick"] if quick else [])])
    minutes = (time.monotonic() - start) / 60
    result_file = benchlib.RESULTS_DIR / f"bench_{name}{'-quick' if quick else ''}.json"
    if code != 0 or not result_file.exists():
        return {"name": name, "status": f"failed (exit {code})", "line": "", "minutes": minutes}
    try:
        line = HEADLINES[name](json.loads(result_file.read_text(encoding="utf-8")))
    except (KeyError, TypeError, ValueError) as exc:
        line = f"(results file without the expected figures: {exc!r})"
    return {"name": name, "status": "ok", "line": line, "minutes": minutes}


def main() -> int:
    parser = argparse.ArgumentParser(description="Run every veille benchmark in sequence.")
    parser.add_argument("--quick", action="store_true", help="smaller runs")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these benchmarks")
    args = parser.parse_args()
    info = benchlib.machine_info()
    benchlib.print_header("veille benchmarks" + (" (quick)" if args.quick else ""), info)
    outcomes = [run_one(name, args.quick) for name in (args.only or BENCHMARKS)]
    print("\n== summary")
    for o in outcomes:
        took = f" [{o['minutes']:.1f} min]" if "minutes" in o else ""
        print(f"{o['name']:<14} {o['status']:<18} {o['line']}{took}")
    return 0 if all(o["status"] in ("ok", "missing") for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
