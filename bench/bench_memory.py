"""Memory over a long run: 10,000 articles through extraction, NLP (md model) and store, in one process.

    python bench/bench_memory.py                    # 10,000 articles, checkpoints at 1,000 and 10,000
    python bench/bench_memory.py --quick            # 2,000 articles, checkpoints at 200 and 2,000
    python bench/bench_memory.py --articles 5000    # any length (checkpoints at 1/10 and the end)

Each article is a distinct generated tech-press page (bench/sitegen.py; new names keep coming, as
in a real crawl) going through the crawl path's functions (bench/parts.py: extract_article,
nlp.extract_texts in batches of 32, db.save_article into a fresh database), 100 pages at a time.
RSS (VmRSS) and peak RSS (VmHWM) are read from /proc/self/status after every chunk.
Targets: peak RSS growth between the two checkpoints < 10%, and peak < 1.5 GB.
"""

from __future__ import annotations

import itertools
import tempfile
import time
from pathlib import Path
from typing import Any

import benchlib  # first: puts the repository on sys.path
import parts
import sitegen

import db

TARGET_GROWTH = 0.10
TARGET_PEAK_MB = 1536
CHUNK = 100


def peak_rss_bytes() -> int:
    """The process's high-water mark of resident memory (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def run(
    n_articles: int, first_checkpoint: int, workdir: Path
) -> tuple[list[dict[str, Any]], parts.PartTimes]:
    times = parts.PartTimes()
    pipeline = parts.load_model(times)
    database = db.open_db(workdir / "memory.db")
    samples = [{"articles": 0, "rss_mb": benchlib.mb(benchlib.rss_bytes()), "peak_mb": benchlib.mb(peak_rss_bytes()),
                "seconds": 0.0}]  # fmt: skip
    base = "http://127.0.0.1:8000"
    pages = (
        (a.site, f"{base}/{a.path}", html.encode("utf-8")) for a, html in sitegen.iter_pages(n_articles, base)
    )
    start = time.perf_counter()
    done = 0
    while chunk := list(itertools.islice(pages, CHUNK)):
        articles = parts.extract_pages(chunk, times)
        extractions = parts.extract_entities(pipeline, [a["text"] for a in articles], times)
        parts.store(database, articles, extractions, times)
        done += len(chunk)
        sample = {"articles": done, "rss_mb": benchlib.mb(benchlib.rss_bytes()),
                  "peak_mb": benchlib.mb(peak_rss_bytes()), "seconds": round(time.perf_counter() - start, 1)}  # fmt: skip
        samples.append(sample)
        if done % first_checkpoint == 0 or done == n_articles:
            print(
                f"  {done:>6} articles: RSS {sample['rss_mb']:.0f} MB, peak {sample['peak_mb']:.0f} MB, "
                f"{sample['seconds']:.0f} s ({done / sample['seconds']:.1f} articles/s)"
            )
    database.close()
    return samples, times


def main() -> int:
    parser = benchlib.base_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="length of the run (default 10000, quick 2000)")
    args = parser.parse_args()
    n_articles = args.articles or (2000 if args.quick else 10_000)
    first = max(CHUNK, (n_articles // 10) // CHUNK * CHUNK)
    info = benchlib.machine_info()
    benchlib.print_header("bench_memory: RSS over a long extraction + NLP + store run", info)
    print(
        f"run: {n_articles:,} distinct articles, {CHUNK} per chunk; checkpoints at {first:,} and {n_articles:,}"
    )
    with tempfile.TemporaryDirectory(prefix="veille-bench-") as tmp:
        samples, times = run(n_articles, first, Path(tmp))
    at_first = next(s for s in samples if s["articles"] == first)
    at_end = samples[-1]
    growth = (at_end["peak_mb"] - at_first["peak_mb"]) / at_first["peak_mb"]
    rss_growth = (at_end["rss_mb"] - at_first["rss_mb"]) / at_first["rss_mb"]
    ok = growth < TARGET_GROWTH and at_end["peak_mb"] < TARGET_PEAK_MB
    print(f"model loaded: RSS {samples[0]['rss_mb']:.0f} MB")
    print(
        f"peak RSS after {first:,}: {at_first['peak_mb']:.0f} MB; after {n_articles:,}: {at_end['peak_mb']:.0f} MB; "
        f"growth {growth:+.1%} (RSS {rss_growth:+.1%}); targets < {TARGET_GROWTH:.0%} and < {TARGET_PEAK_MB} MB: "
        f"{benchlib.verdict(ok)}"
    )
    print(f"time: {times.as_dict()}")
    benchlib.write_results(
        "bench_memory" + ("-quick" if args.quick else ""),
        {
            "machine": info,
            "articles": n_articles,
            "first_checkpoint": first,
            "peak_mb_first": at_first["peak_mb"],
            "peak_mb_end": at_end["peak_mb"],
            "rss_mb_first": at_first["rss_mb"],
            "rss_mb_end": at_end["rss_mb"],
            "growth": round(growth, 4),
            "rss_growth": round(rss_growth, 4),
            "target_growth": TARGET_GROWTH,
            "target_peak_mb": TARGET_PEAK_MB,
            "meets_target": ok,
            "times": times.as_dict(),
            "samples": samples,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
