"""End to end: `veille crawl` of a local site against the sum of its parts, in one run.

    python bench/bench_end_to_end.py            # 2,000 article pages
    python bench/bench_end_to_end.py --quick    # 200 article pages

A generated site (bench/sitegen.py: 4 sources, each with an RSS feed and a sitemap, robots.txt)
is served on 127.0.0.1 by a threaded server. `veille crawl` runs in a subprocess with politeness
off for localhost (-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False, 16 concurrent requests);
its wall time (start-up and model load included) gives articles/s, and its peak RSS (children
included) is polled from /proc. The bound: the same pages through the parts in this process
(page extraction + NLP with nlp.extract_texts + db.save_article, model load included), timed
separately. The site is split in two halves crawled in ABBA order (crawl, parts | parts, crawl)
so machine drift hits both sides alike. Target: crawl >= 0.7x the bound's articles/s.
"""

from __future__ import annotations

import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import benchlib  # first: puts the repository on sys.path
import parts
import sitegen

import db

TARGET_RATIO = 0.7
CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "VEILLE_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1",  # the site is served on loopback (crawler/ssrf.py)
}


def crawl(server: sitegen.SiteServer, workdir: Path, sources: list[str], tag: str) -> dict[str, Any]:
    """Run `veille crawl` on ``sources`` of the site into a fresh database; wall time, articles, peak RSS."""
    sources_file = workdir / "sources.toml"
    sources_file.write_text(sitegen.sources_toml(server.base_url), encoding="utf-8")
    db_path = workdir / f"crawl-{tag}.db"
    command = [*benchlib.veille_command(), "crawl", "--sources", str(sources_file), "--db", str(db_path)]
    for name in sources:
        command += ["--source", name]
    for key, value in CRAWL_SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    log = workdir / f"crawl-{tag}.log"
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        with benchlib.PeakRss(proc.pid) as peak:
            code = proc.wait()
    seconds = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"veille crawl exited {code}; log: {log.read_text()[-3000:]}")
    conn = sqlite3.connect(db_path)
    articles, mentions = (
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "mentions")
    )
    conn.close()
    return {"seconds": round(seconds, 2), "articles": articles, "mentions": mentions,
            "articles_per_s": round(articles / seconds, 2), "peak_rss_mb": benchlib.mb(peak.peak)}  # fmt: skip


def sum_of_parts(server: sitegen.SiteServer, workdir: Path, sources: list[str], tag: str) -> dict[str, Any]:
    """The same pages through extraction, NLP and store in this process; seconds of each part."""
    times = parts.PartTimes()
    pages = [
        (path.split("/", 1)[0], f"{server.base_url}/{path}", body)
        for path, (ctype, body) in server.pages.items()
        if ctype.startswith("text/html") and path.split("/", 1)[0] in sources
    ]
    pipeline = parts.load_model(times)
    database = db.open_db(workdir / f"parts-{tag}.db")
    articles = parts.extract_pages(pages, times)
    extractions = parts.extract_entities(pipeline, [a["text"] for a in articles], times)
    parts.store(database, articles, extractions, times)
    database.close()
    out = times.as_dict()
    out["pages"] = len(pages)
    out["articles_per_s"] = round(times.articles / times.total, 2)
    return out


def main() -> int:
    parser = benchlib.base_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="article pages on the site (default 2000, quick 200)")
    args = parser.parse_args()
    n_pages = args.pages or (200 if args.quick else 2000)
    info = benchlib.machine_info()
    benchlib.print_header("bench_end_to_end: veille crawl vs the sum of its parts", info)
    halves = [list(sitegen.SITES[:2]), list(sitegen.SITES[2:])]
    rounds: list[dict[str, Any]] = []
    with sitegen.SiteServer(n_pages) as server, tempfile.TemporaryDirectory(prefix="veille-bench-") as tmp:
        workdir = Path(tmp)
        print(
            f"site: {n_pages} article pages on {server.base_url}, 4 sources (RSS + sitemap each), robots.txt"
        )
        print(f"crawl settings: {' '.join(f'-s {k}={v}' for k, v in CRAWL_SETTINGS.items())}")
        for i, half in enumerate(halves):
            tag = f"half{i + 1}"
            order = ("crawl", "parts") if i % 2 == 0 else ("parts", "crawl")
            result: dict[str, Any] = {"sources": half}
            for side in order:
                result[side] = (crawl if side == "crawl" else sum_of_parts)(server, workdir, half, tag)
            result["ratio"] = round(result["crawl"]["articles_per_s"] / result["parts"]["articles_per_s"], 3)
            rounds.append(result)
            c, p = result["crawl"], result["parts"]
            print(
                f"  {tag} ({' then '.join(order)}): crawl {c['articles']} articles in {c['seconds']:.1f} s "
                f"= {c['articles_per_s']:.2f}/s (peak RSS {c['peak_rss_mb']:.0f} MB); parts {p['articles']} in "
                f"{p['total_s']:.1f} s = {p['articles_per_s']:.2f}/s (model {p['load_model_s']:.1f} s, extract "
                f"{p['extract_s']:.1f} s, NLP {p['nlp_s']:.1f} s, store {p['store_s']:.1f} s); ratio {result['ratio']:.2f}"
            )
    crawled = sum(r["crawl"]["articles"] for r in rounds)
    crawl_s = sum(r["crawl"]["seconds"] for r in rounds)
    parts_n = sum(r["parts"]["articles"] for r in rounds)
    parts_s = sum(r["parts"]["total_s"] for r in rounds)
    ratio = (crawled / crawl_s) / (parts_n / parts_s)
    peak = max(r["crawl"]["peak_rss_mb"] for r in rounds)
    ok = ratio >= TARGET_RATIO and crawled == parts_n
    print(
        f"end to end: {crawled} articles in {crawl_s:.1f} s = {crawled / crawl_s:.2f} articles/s; peak RSS {peak:.0f} MB"
    )
    print(f"sum of parts: {parts_n} articles in {parts_s:.1f} s = {parts_n / parts_s:.2f} articles/s")
    if crawled != parts_n:
        print(f"WARNING: the crawl stored {crawled} articles, the parts {parts_n}")
    print(f"ratio crawl / sum of parts: {ratio:.2f}, target >= {TARGET_RATIO}: {benchlib.verdict(ok)}")
    benchlib.write_results(
        "bench_end_to_end" + ("-quick" if args.quick else ""),
        {
            "machine": info,
            "pages": n_pages,
            "crawl_settings": CRAWL_SETTINGS,
            "rounds": rounds,
            "crawl_articles_per_s": round(crawled / crawl_s, 2),
            "parts_articles_per_s": round(parts_n / parts_s, 2),
            "ratio": round(ratio, 3),
            "per_round_ratios": [r["ratio"] for r in rounds],
            "peak_rss_mb": peak,
            "target_ratio": TARGET_RATIO,
            "meets_target": ok,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
