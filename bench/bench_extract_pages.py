"""Per-page cost of veille's article extraction against trafilatura alone, on the same pages.

    python bench/bench_extract_pages.py            # 300 pages x 5 rounds
    python bench/bench_extract_pages.py --quick    # 60 pages x 3 rounds
    python bench/bench_extract_pages.py --profile  # and a pyinstrument profile of veille's side

veille: ``crawler.extract.extract_article`` (trafilatura with boilerplate pruning, JSON-LD /
OpenGraph / htmldate metadata, language detection, line cleaning). Reference: ``trafilatura.extract``
in precision mode with metadata, the baseline of issue 2. Pages: generated French tech-press
pages with boilerplate (bench/sitegen.py). Each page goes through both, the order flipping from
page to page, so both see the same load. Target: veille <= 1.2x trafilatura alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import benchlib  # first: puts the repository on sys.path
import sitegen
import trafilatura

from crawler.extract import extract_article

TARGET_RATIO = 1.2
BOILERPLATE_MARKERS = ("Nous utilisons des cookies", "Les plus lus", "Tous droits réservés", "Newsletter")


def veille_extract(page: str, url: str) -> str:
    return extract_article(page, url)["text"]


def trafilatura_extract(page: str, url: str) -> str:
    return trafilatura.extract(page, url=url, favor_precision=True, with_metadata=True) or ""


CONTENDERS: dict[str, Callable[[str, str], str]] = {
    "veille": veille_extract,
    "trafilatura": trafilatura_extract,
}


def one_round(pages: list[tuple[str, str]], flip: bool) -> dict[str, list[float]]:
    """Seconds per page for each contender, both run on each page in alternating order."""
    times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    names = list(CONTENDERS)
    for i, (url, page) in enumerate(pages):
        for name in names if (i % 2 == 0) != flip else reversed(names):
            start = time.perf_counter()
            CONTENDERS[name](page, url)
            times[name].append(time.perf_counter() - start)
    return times


def check_outputs(pages: list[tuple[str, str]]) -> dict[str, Any]:
    """Sanity of what is timed: text found, boilerplate left out, for both contenders."""
    out: dict[str, Any] = {}
    for name, func in CONTENDERS.items():
        texts = [func(page, url) for url, page in pages]
        out[name] = {
            "pages_with_text": sum(1 for t in texts if len(t) >= 200),
            "pages_with_boilerplate": sum(1 for t in texts if any(m in t for m in BOILERPLATE_MARKERS)),
            "mean_chars": round(sum(map(len, texts)) / len(texts)),
        }
    return out


def profile(pages: list[tuple[str, str]]) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    with profiler:
        for url, page in pages:
            veille_extract(page, url)
    path = benchlib.RESULTS_DIR / "bench_extract_pages-profile.txt"
    path.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    return str(path.relative_to(benchlib.REPO))


def main() -> int:
    parser = benchlib.base_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="number of pages (default 300, quick 60)")
    parser.add_argument("--rounds", type=int, help="rounds over all pages (default 5, quick 3)")
    parser.add_argument(
        "--profile", action="store_true", help="write a pyinstrument profile of veille's side"
    )
    args = parser.parse_args()
    n_pages = args.pages or (60 if args.quick else 300)
    rounds = args.rounds or (3 if args.quick else 5)
    info = benchlib.machine_info()
    benchlib.print_header("bench_extract_pages: veille extract_article vs trafilatura.extract", info)
    base = "http://127.0.0.1:8000"
    pages = [(f"{base}/{a.path}", page) for a, page in sitegen.make_pages(n_pages, base)]
    size_kb = sum(len(p.encode()) for _, p in pages) / len(pages) / 1024
    print(f"pages: {n_pages} generated tech-press pages (mean {size_kb:.1f} KB of HTML), {rounds} rounds")
    checks = check_outputs(pages)  # also warms up both (imports, caches)
    for name, c in checks.items():
        print(
            f"  {name}: text on {c['pages_with_text']}/{n_pages} pages, boilerplate on {c['pages_with_boilerplate']}"
        )
    per_round: list[dict[str, float]] = []
    all_times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    for r in range(rounds):
        times = one_round(pages, flip=bool(r % 2))
        totals = {name: sum(t) for name, t in times.items()}
        per_round.append({**totals, "ratio": totals["veille"] / totals["trafilatura"]})
        for name, t in times.items():
            all_times[name].extend(t)
        print(
            f"  round {r + 1}: veille {totals['veille'] / n_pages * 1000:.1f} ms/page, trafilatura "
            f"{totals['trafilatura'] / n_pages * 1000:.1f} ms/page, ratio {per_round[-1]['ratio']:.2f}"
        )
    ratio = benchlib.median([r["ratio"] for r in per_round])
    summary = {name: benchlib.summary_ms(t) for name, t in all_times.items()}
    for name, s in summary.items():
        print(f"{name:<12} per page: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms")
    ok = ratio <= TARGET_RATIO
    print(
        f"ratio veille / trafilatura (median of rounds): {ratio:.2f}x, target <= {TARGET_RATIO}x: {benchlib.verdict(ok)}"
    )
    profile_path = profile(pages) if args.profile else None
    if profile_path:
        print(f"profile: {profile_path}")
    benchlib.write_results(
        "bench_extract_pages" + ("-quick" if args.quick else ""),
        {
            "machine": info,
            "pages": n_pages,
            "rounds": rounds,
            "mean_page_kb": round(size_kb, 1),
            "checks": checks,
            "per_page": summary,
            "rounds_detail": per_round,
            "ratio": round(ratio, 3),
            "target_ratio": TARGET_RATIO,
            "meets_target": ok,
            "profile": profile_path,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
