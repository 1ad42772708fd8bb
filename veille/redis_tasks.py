"""Distributed re-extraction on Dramatiq (Redis broker): `veille reprocess --redis` and `veille worker`.

Why Dramatiq: its workers are long-lived processes (the spaCy model loads once per process; RQ
forks a new process per job), a message is acknowledged only after the actor returns (a killed
worker's messages are delivered again), and retries with backoff and a dead-letter queue are
built in; Celery would bring far more machinery for the same three properties.

A message is a chunk of ``[article_id, text]`` pairs. The worker runs the NLP over the chunk and
pushes one ``{"kind": "extraction"}`` result per article onto the results queue, which the writer
(`veille store`) saves. An article whose extraction fails is sent again alone, so it costs only
itself; alone, it is retried MAX_RETRIES times, then it goes to the dead letters
(``veille:dead``, shown by `veille status --redis`, and Dramatiq's own ``.XQ`` queue).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from pipelines.redis_queue import add_dead_letter, bump_rate, connect, push_results

logger = logging.getLogger(__name__)

QUEUE = "veille-reprocess"
NAMESPACE = "dramatiq"
MAX_RETRIES = 2
CHUNK = 32
#: seconds without a heartbeat after which a worker is dead and its messages go to the others
HEARTBEAT_TTL = 15.0

_state: dict = {}  # per process: the extractor, loaded once, and the results client


class DeadLetters:
    """Dramatiq middleware: a message that failed for good is recorded in ``veille:dead``."""

    def __init__(self, url: str) -> None:
        self.url = url

    def after_nack(self, broker, message) -> None:
        articles = message.args[0] if message.args else []
        add_dead_letter(
            connect(self.url),
            {
                "kind": "reextraction",
                "article_ids": [a[0] for a in articles],
                "error": (message.options.get("traceback") or "").strip().splitlines()[-1:],
                "retries": message.options.get("retries", 0),
            },
        )


def make_broker(url: str, ttl: float = HEARTBEAT_TTL):
    """The broker and the actor, bound to ``url`` (the enqueuer and the workers both call this).

    ``ttl``: seconds without a heartbeat after which another worker puts a worker's messages
    back in the queue (Dramatiq's ``heartbeat_timeout``).
    """
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.middleware import Middleware

    class _DeadLetters(DeadLetters, Middleware):
        pass

    class _Broker(RedisBroker):
        def _should_do_maintenance(self, command: str) -> int:
            # Dramatiq gives back a dead worker's messages only during "maintenance", run by 1
            # command in 1,000 at random: minutes after a kill -9 on a quiet queue. veille's
            # workers ask for it with each keep-alive (serve), so it happens within ``ttl``.
            return 1 if command == "qsize" else super()._should_do_maintenance(command)

    broker = _Broker(url=url, namespace=NAMESPACE, heartbeat_timeout=int(ttl * 1000))
    broker.add_middleware(_DeadLetters(url))
    dramatiq.set_broker(broker)
    actor = dramatiq.actor(
        reextract,
        actor_name="veille_reextract",
        queue_name=QUEUE,
        broker=broker,
        max_retries=MAX_RETRIES,
        min_backoff=200,
        max_backoff=2000,
        time_limit=30 * 60 * 1000,
    )
    _state["url"] = url
    _state["actor"] = actor
    return broker, actor


def pending(client) -> int:
    """Messages waiting, delayed (retries) or in progress on any worker."""
    base = f"{NAMESPACE}:{QUEUE}"
    return client.hlen(f"{base}.msgs") + client.hlen(f"{base}.DQ.msgs")


def dramatiq_dead(client) -> int:
    return client.zcard(f"{NAMESPACE}:{QUEUE}.XQ")


def load_worker_extractor() -> tuple[Callable[[list[str]], list[dict]], int]:
    """The NLP of this process: VEILLE_NLP ('spacy' by default, or module:factory), loaded once."""
    if "extract" not in _state:
        from pipelines.nlp_stage import load_extractor

        spec = os.environ.get("VEILLE_NLP", "spacy")
        extractor = load_extractor(spec, int(os.environ.get("VEILLE_NLP_BATCH_SIZE", "32")))
        if extractor is None:
            raise ValueError("VEILLE_NLP=none: a re-extraction worker needs an NLP stage")
        list(extractor(["Cisco rachète Splunk."]))  # the first call is slow: pay it before any task
        _state["extract"] = extractor
        _state["version"] = _version(spec)
    return _state["extract"], _state["version"]


def _version(spec: str) -> int:
    import nlp  # the version number only; with spec 'spacy' the model is loaded already

    return nlp.EXTRACTION_VERSION


def reextract(articles: list[list]) -> None:
    """The actor: extract a chunk, push each result; failures alone again, or raise when alone."""
    extract, version = load_worker_extractor()
    client = _state.setdefault("client", connect(_state["url"]))
    texts = [text for _, text in articles]
    try:
        results = list(extract(texts))
        if len(results) != len(texts):
            raise RuntimeError(f"extractor returned {len(results)} results for {len(texts)} texts")
    except Exception:
        if len(articles) == 1:
            raise  # Dramatiq retries it, then dead-letters it
        logger.warning("NLP failed on a chunk of %d articles; each is sent again alone", len(articles))
        for article in articles:
            _state["actor"].send([article])
        return
    # one LPUSH for the chunk: killed before it, the chunk comes again whole; never half of it twice
    push_results(
        client,
        [
            {"kind": "extraction", "article_id": article_id, "extraction": {**extraction, "version": version}}
            for (article_id, _), extraction in zip(articles, results, strict=True)
        ],
    )
    bump_rate(client, "produced", len(articles))


def enqueue(actor, batches, chunk: int = CHUNK) -> int:
    """Send ``(id, text)`` batches as messages of ``chunk`` articles; return how many articles."""
    sent = 0
    for batch in batches:
        for start in range(0, len(batch), chunk):
            part = [[article_id, text] for article_id, text in batch[start : start + chunk]]
            actor.send(part)
            sent += len(part)
    return sent


def keep_alive(broker) -> None:
    """Dramatiq's heartbeat of this worker, and the maintenance that requeues a dead one's messages.

    Dramatiq's consumer sends no heartbeat while a chunk is processed (a chunk longer than the
    ttl would be taken for lost) and runs the maintenance at random (see make_broker); the
    worker calls this every ttl/4 seconds.
    """
    for queue in (QUEUE, f"{QUEUE}.DQ"):
        broker.do_qsize(queue)


def serve(url: str, *, idle_exit: float, ttl: float, stop) -> None:
    """One worker process: load the model, consume until ``stop`` is set or the queue stays empty.

    ``idle_exit`` seconds without any message waiting or in progress anywhere end it (0: never).
    """
    import time

    from dramatiq import Worker

    from pipelines.redis_queue import forget_worker, heartbeat, worker_id

    broker, _ = make_broker(url, ttl)
    load_worker_extractor()
    client = connect(url)
    ident = worker_id()
    # worker_timeout bounds the consumer's back-off between fetches, which it also sleeps after
    # each chunk before taking the next (1 s by default: +29% per article against in-process
    # reprocess; 50 ms: +8%); 20 ms costs an idle worker 50 cheap Redis calls a second
    worker = Worker(broker, queues={QUEUE}, worker_threads=1, worker_timeout=20)
    worker.queue_prefetch = 1  # one chunk at a time: the other workers get the rest
    worker.start()
    idle_since = None
    try:
        while not stop.is_set():
            heartbeat(client, "reprocess", ident, ttl)
            keep_alive(broker)
            now = time.monotonic()
            idle_since = (idle_since or now) if pending(client) == 0 else None
            if idle_exit and idle_since is not None and now - idle_since >= idle_exit:
                logger.info("no re-extraction task for %.0f s: worker %s exits", idle_exit, ident)
                break
            stop.wait(min(1.0, ttl / 4))
    finally:
        worker.stop()
        forget_worker(client, "reprocess", ident)
