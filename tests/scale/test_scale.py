"""Distributed runs against a real redis-server: crawl workers + one writer, kills, dead letters."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

import db
from tests.faults.conftest import query, run_crawl, write_sources
from tests.faults.server import FaultServer, FaultSite
from tests.scale.conftest import run, start, veille, worker_command
from tests.security import sites
from veille.redis_tasks import keep_alive, make_broker

pytestmark = pytest.mark.slow


def stored(db_path) -> tuple[set[str], list[str]]:
    """The distinct texts stored (content hashes) and every address recorded (paths, any port)."""
    hashes = [row[0] for row in query(db_path, "SELECT content_hash FROM articles")]
    parts = [urlsplit(row[0]) for row in query(db_path, "SELECT url FROM article_urls")]
    urls = [p.path + (f"?{p.query}" if p.query else "") for p in parts]
    return set(hashes), sorted(urls)


def store_until_idle(url, db_path, timeout=90):
    return run(veille("store", "--redis", url, "--db", str(db_path), "--until-idle"), timeout=timeout)


def wait_for(condition, timeout=60.0, every=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def finish(proc, timeout=90) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-2000:]
    return out


def test_two_workers_and_the_writer_store_what_a_single_crawl_stores(tmp_path, redis_url):
    with FaultServer(FaultSite(articles=12)) as server:
        single = tmp_path / "single.db"
        result = run_crawl(write_sources(tmp_path / "one.toml", server), single)
        assert result.returncode == 0, result.stderr[-2000:]
    with FaultServer(FaultSite(articles=12)) as server:
        sources = write_sources(tmp_path / "two.toml", server)
        workers = [start(worker_command(sources, redis_url, tmp_path / f"w{i}.log")) for i in range(2)]
        outputs = [finish(w) for w in workers]
        assert all(server.site.hits[path] == 1 for path in server.site.article_paths())  # fetched once
    distributed = tmp_path / "distributed.db"
    written = store_until_idle(redis_url, distributed)
    assert written.returncode == 0, written.stderr
    assert sum("seeded the feeds" in out for out in outputs) == 1  # feeds seeded once, not per worker
    hashes, urls = stored(distributed)
    assert (hashes, urls) == stored(single)
    assert len(hashes) == FaultSite(articles=12).expected_articles()
    assert len(urls) == len(set(urls))  # no address twice
    assert query(distributed, "SELECT count(*) FROM articles")[0][0] == len(hashes)  # no duplicate row
    # every article came with its mentions (the workers ran the NLP stage)
    assert query(
        distributed, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)"
    ) == [(0,)]


def test_a_worker_killed_mid_crawl_then_a_new_one_gives_the_complete_set(tmp_path, redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    site = FaultSite(articles=30, faults=False, delay=0.3)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "s.toml", server, malformed=False)
        victim = start(
            worker_command(sources, redis_url, tmp_path / "victim.log", "-s", "VEILLE_NLP_BATCH_SIZE=8")
        )
        other = start(worker_command(sources, redis_url, tmp_path / "other.log"))
        # mid-crawl: some articles sent, many still to fetch, the victim holding requests and a buffer
        assert wait_for(lambda: client.llen("veille:results") >= 4), "the crawl did not start"
        assert wait_for(lambda: client.hlen(f"veille:inflight:{victim_ident(victim)}") > 0, timeout=20)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        newcomer = start(worker_command(sources, redis_url, tmp_path / "new.log"))
        finish(other, timeout=120)
        finish(newcomer, timeout=120)
    assert site.hits["/robots.txt"] == 1  # read once for the run by the 3 workers, not once each
    db_path = tmp_path / "veille.db"
    assert store_until_idle(redis_url, db_path).returncode == 0
    hashes, urls = stored(db_path)
    assert len(hashes) == 30
    assert urls == sorted(f"/articles/{n}.html" for n in range(30))
    assert query(db_path, "SELECT count(*) FROM articles") == [(30,)]


def victim_ident(proc) -> str:
    import socket

    return f"{socket.gethostname()}-{proc.pid}"


def test_the_writer_killed_mid_batch_then_restarted_loses_nothing(tmp_path, redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    total = 1500
    messages = [
        json.dumps({"kind": "article", "duplicate": False, "extraction": None, "article": {
            "source": "fauxjournal", "url": f"http://127.0.0.1/articles/{n}.html", "title": f"Article {n}",
            "text": f"Article numéro {n} : Cisco et OVHcloud signent un accord de plus ({n}).",
        }})
        for n in range(total)
    ]  # fmt: skip
    for start_at in range(0, total, 500):
        client.lpush("veille:results", *messages[start_at : start_at + 500])
    db_path = tmp_path / "veille.db"
    writer = start(veille("store", "--redis", redis_url, "--db", str(db_path)))
    assert wait_for(lambda: db_path.exists() and _count(db_path) > 150, timeout=60)
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    assert _count(db_path) < total, "the writer finished before the kill: nothing was tested"
    restarted = store_until_idle(redis_url, db_path, timeout=120)
    assert restarted.returncode == 0, restarted.stderr
    assert _count(db_path) == total
    assert query(db_path, "SELECT count(DISTINCT url) FROM articles") == [(total,)]
    assert client.llen("veille:results") == 0 and client.llen("veille:results:processing") == 0


def _count(db_path) -> int:
    try:
        return query(db_path, "SELECT count(*) FROM articles")[0][0]
    except Exception:  # noqa: BLE001 - the schema is not created yet
        return 0


def test_a_poison_article_lands_in_the_dead_letters_while_the_rest_are_processed(tmp_path, redis_url):
    db_path = tmp_path / "veille.db"
    database = db.open_db(db_path)
    ids = []
    for n in range(40):
        text = f"Cisco annonce le contrat {n} avec OVHcloud." + (" POISON" if n == 17 else "")
        ids.append(
            db.save_article(database, {"source": "s", "url": f"http://x.test/{n}", "text": text}).article_id
        )
    database.close()
    env = {"VEILLE_NLP": "tests.scale.fake_nlp:factory"}
    queued = run(veille("reprocess", "--db", str(db_path), "--redis", redis_url, "--batch-size", "10"), **env)
    assert queued.returncode == 0, queued.stderr
    assert "40 article(s) queued" in queued.stdout
    worker = start(veille("worker", "--redis", redis_url, "--processes", "2", "--idle-exit", "2"), **env)
    finish(worker, timeout=120)
    written = store_until_idle(redis_url, db_path)
    assert written.returncode == 0, written.stderr
    poison = ids[17]
    rows = dict(query(db_path, "SELECT id, nlp_version FROM articles"))
    assert rows.pop(poison) is None
    assert len(rows) == 39 and len(set(rows.values())) == 1 and None not in rows.values()
    assert query(db_path, "SELECT count(DISTINCT article_id) FROM mentions") == [(39,)]
    status = run(veille("status", "--redis", redis_url, "--format", "json"))
    report = json.loads(status.stdout)
    assert report["dead_letters"]["count"] == 1
    assert report["dead_letters"]["latest"][0]["article_ids"] == [poison]
    assert report["queues"]["reextraction_tasks"] == 0
    assert report["workers"] == {}  # the worker has exited
    rates = report["articles_per_second_last_minute"]
    assert rates["produced"] > 0 and rates["stored"] > 0  # 39 each, if still within the minute


def test_status_without_database_nor_redis_is_a_usage_error():
    result = run(veille("status"))
    assert result.returncode == 2
    assert "--redis" in result.stderr


def test_crawl_with_redis_refuses_a_database(tmp_path, redis_url):
    sources = tmp_path / "s.toml"
    sources.write_text('[[sources]]\nname = "a"\nfeeds = ["http://127.0.0.1:1/rss"]\n', encoding="utf-8")
    result = run(
        veille("crawl", "--sources", str(sources), "--redis", redis_url, "--db", str(tmp_path / "x.db"))
    )
    assert result.returncode == 2
    assert result.stderr.startswith("veille: --redis")


def test_unreachable_redis_is_a_one_line_error(tmp_path):
    result = run(veille("status", "--redis", "redis://127.0.0.1:1/0"))
    assert result.returncode == 3
    assert result.stderr.startswith("veille: cannot reach Redis at redis://127.0.0.1:1/0")
    assert os.linesep not in result.stderr.strip()


def test_a_reextraction_worker_killed_mid_chunk_has_its_chunk_redelivered(tmp_path, redis_url):
    import redis

    from tests.faults.fake_nlp import extract

    client = redis.Redis.from_url(redis_url)
    db_path = tmp_path / "veille.db"
    database = db.open_db(db_path)
    texts = {}
    for n in range(60):
        text = f"Cisco et OVHcloud signent le contrat {n}." + (" Capgemini y participe." if n % 3 else "")
        texts[
            db.save_article(database, {"source": "s", "url": f"http://x.test/{n}", "text": text}).article_id
        ] = text
    database.close()
    env = {"VEILLE_NLP": "tests.scale.fake_nlp:slow_factory", "VEILLE_HEARTBEAT_TTL": "2"}
    queued = run(veille("reprocess", "--db", str(db_path), "--redis", redis_url, "--batch-size", "10"), **env)
    assert queued.returncode == 0, queued.stderr
    victim = start(veille("worker", "--redis", redis_url, "--idle-exit", "30"), **env)

    def held() -> int:  # messages the victim has taken and not acknowledged
        return sum(client.scard(key) for key in client.scan_iter("dramatiq:__acks__.*"))

    # mid-batch: one chunk of 10 done, the next one taken (0.25 s per article: 2.5 s a chunk)
    assert wait_for(lambda: client.llen("veille:results") >= 10 and held() > 0, timeout=60, every=0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    taken = held()
    assert taken > 0 and client.llen("veille:results") < 60, "the kill did not land mid-run"
    # once its heartbeat is older than the ttl, one keep-alive of any worker requeues its chunk
    assert wait_for(lambda: _heartbeats_older_than(client, 2.1), timeout=10)
    waiting = client.llen("dramatiq:veille-reprocess")
    broker, _ = make_broker(redis_url, ttl=2)
    keep_alive(broker)
    broker.close()
    assert held() == 0 and client.llen("dramatiq:veille-reprocess") == waiting + taken
    survivor = start(veille("worker", "--redis", redis_url, "--idle-exit", "2"), **env)
    finish(survivor, timeout=120)
    written = store_until_idle(redis_url, db_path)
    assert written.returncode == 0, written.stderr
    # every article re-extracted, each exactly once: its mentions are those of one extraction
    versions = {row[0] for row in query(db_path, "SELECT nlp_version FROM articles")}
    assert len(versions) == 1 and None not in versions
    counts = dict(query(db_path, "SELECT article_id, count(*) FROM mentions GROUP BY article_id"))
    assert counts == {i: len(extract([t])[0]["entities"]) for i, t in texts.items()}
    status = json.loads(run(veille("status", "--redis", redis_url, "--format", "json")).stdout)
    assert status["queues"]["reextraction_tasks"] == 0
    assert status["dead_letters"]["count"] == 0 and status["dead_letters"]["dramatiq_xq"] == 0


def _heartbeats_older_than(client, seconds: float) -> bool:
    """Every Dramatiq broker (the killed worker, the enqueuer) last seen more than ``seconds`` ago."""
    now_ms = time.time() * 1000
    beats = client.zrange("dramatiq:__heartbeats__", 0, -1, withscores=True)
    return all(at < now_ms - seconds * 1000 for _, at in beats)


def test_a_bad_worker_heartbeat_ttl_is_a_one_line_usage_error(redis_url):
    result = run(veille("worker", "--redis", redis_url), VEILLE_HEARTBEAT_TTL="soon")
    assert result.returncode == 2
    assert result.stderr.strip() == "veille: VEILLE_HEARTBEAT_TTL='soon': expected a number of seconds > 0"


def test_a_crawl_worker_keeps_the_ssrf_guards_of_a_single_crawl(probe, tmp_path, redis_url):
    """The feed links and the sitemap index of the probe point at 127.0.0.2: never reached."""
    command = worker_command(probe.sources, redis_url, tmp_path / "w.log", "--no-nlp",
                             "-s", "DNS_RESOLVER=tests.security.resolver.StubResolver",
                             "-s", "VEILLE_ALLOW_PRIVATE_ADDRESSES=127.0.0.1")  # fmt: skip
    worker = run(command, VEILLE_TEST_HOSTS=json.dumps(sites.HOSTS), VEILLE_ALLOW_PRIVATE_ADDRESSES="")
    assert worker.returncode == 0, worker.stderr[-2000:]
    db_path = tmp_path / "veille.db"
    assert store_until_idle(redis_url, db_path).returncode == 0
    assert probe.internal_hits() == []
    assert sorted(row[0] for row in query(db_path, "SELECT url FROM articles")) == [
        f"http://news.test:{probe.news.port}/articles/ok.html",
        f"http://news.test:{probe.news.port}/articles/ok2.html",
    ]


@dataclass
class CountingSite(FaultSite):
    """The fault site, counting the article requests it is answering at the same time."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    answering: int = 0
    most: int = 0

    def _article(self, request, route: str) -> None:
        with self.lock:
            self.answering += 1
            self.most = max(self.most, self.answering)
        try:
            super()._article(request, route)
        finally:
            with self.lock:
                self.answering -= 1


def test_politeness_holds_across_workers_not_per_worker(tmp_path, redis_url):
    site = CountingSite(articles=24, faults=False, delay=0.3)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "s.toml", server, malformed=False)
        extra = ("--no-nlp", "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
        workers = [
            start(worker_command(sources, redis_url, tmp_path / f"w{i}.log", *extra)) for i in range(3)
        ]
        for worker in workers:
            finish(worker, timeout=120)
    assert client_results(redis_url) == 24
    assert site.most == 2  # 3 workers x 2 per host each would be up to 6


def client_results(url: str) -> int:
    import redis

    return redis.Redis.from_url(url).llen("veille:results")


def test_the_writer_holds_the_run_lock_of_veille_crawl(tmp_path, redis_url):
    from veille.lock import run_lock

    db_path = tmp_path / "veille.db"
    with run_lock(db_path, "crawl"):
        result = store_until_idle(redis_url, db_path)
    assert result.returncode == 4
    assert result.stderr.startswith("veille: ") and len(result.stderr.strip().splitlines()) == 1


def test_the_writer_stopped_by_two_sigterms_records_its_run_as_interrupted(tmp_path, redis_url):
    db_path = tmp_path / "veille.db"
    writer = start(veille("store", "--redis", redis_url, "--db", str(db_path)))
    assert wait_for(lambda: _runs(db_path) == [("store", "running")], timeout=30)
    writer.send_signal(signal.SIGTERM)
    time.sleep(0.01)
    writer.send_signal(signal.SIGTERM)  # e.g. a supervisor that asks twice
    out, err = writer.communicate(timeout=30)
    assert writer.returncode == 6, err[-2000:]
    assert "Traceback" not in err
    assert _runs(db_path) == [("store", "interrupted")]


def _runs(db_path) -> list[tuple]:
    try:
        return query(db_path, "SELECT command, status FROM crawl_runs")
    except Exception:  # noqa: BLE001 - the schema is not created yet
        return []
