"""Scrapy settings of veille: polite by default (robots.txt, AutoThrottle, 2 requests per domain).

veille's own settings carry the VEILLE_ prefix and are read by the components in from_crawler:
VEILLE_DB_PATH (SQLite file), VEILLE_NLP ("spacy", "none" or "module:factory"),
VEILLE_NLP_BATCH_SIZE, VEILLE_NLP_PROCESSES, VEILLE_LIMIT (max new articles, 0 = no limit),
VEILLE_RUN_ID (crawl_runs.id recorded on each article), VEILLE_ALLOW_PRIVATE_ADDRESSES (internal
addresses or CIDR networks the crawler may fetch, comma-separated; also read from the environment),
VEILLE_MAX_LINKS_PER_FEED (new links
followed per feed or sitemap per run, 0 = no cap), VEILLE_RETRY_FAILED_AFTER_DAYS (an article link
that gave 404, 410, not HTML or too large is not fetched again for that many days, times its
number of failures, at most 8x).
"""

from veille import __version__

BOT_NAME = "veille"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = f"veille/{__version__} (+https://github.com/veille-project/veille)"
ROBOTSTXT_OBEY = True

# Politeness: at most 2 requests in flight per domain, adaptive delay.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Bad servers must not hang or flood a run.
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 15
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# veille only speaks HTTP(S): a feed link to file:///etc/passwd or ftp:// must not be fetched.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

DOWNLOADER_MIDDLEWARES = {
    # first of all (before robots.txt is fetched): no request to an internal address, no article
    # redirected out of its source's domains; redirects come back here as new requests
    "crawler.ssrf.AddressGuard": 50,
    "crawler.ssrf.RedirectDomainGuard": 51,
    # Scrapy's own let through every request but the first that waited for a host's robots.txt
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.SharedRobotsTxtMiddleware": 100,
    "crawler.middlewares.SourceStatsMiddleware": 950,
    "crawler.middlewares.RedirectLoopMiddleware": 610,  # before RedirectMiddleware (600) sees the 3xx
}
EXTENSIONS = {
    "crawler.middlewares.NonHtmlGuard": 500,
    "crawler.logs.QuietLogs": 0,  # one line per failure unless LOG_LEVEL is DEBUG
}
ITEM_PIPELINES = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.store.StorePipeline": 300,
}

VEILLE_DB_PATH = None
VEILLE_NLP = "spacy"
VEILLE_NLP_BATCH_SIZE = 32
VEILLE_NLP_PROCESSES = 1
VEILLE_LIMIT = 0
VEILLE_RUN_ID = None
VEILLE_MAX_LINKS_PER_FEED = 500
VEILLE_RETRY_FAILED_AFTER_DAYS = 7.0
VEILLE_ALLOW_PRIVATE_ADDRESSES = ""  # empty: the environment variable of the same name, else none

LOG_LEVEL = "INFO"
