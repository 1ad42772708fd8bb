"""SSRF guard, unit level: which addresses are internal, the numeric host forms, the allowlist."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from scrapy.http import Request
from scrapy.settings import Settings

from crawler.ssrf import (
    AddressGuard,
    BlockedAddress,
    allowlist_from,
    literal_address,
    numeric_ipv4,
    parse_allowlist,
    refused,
)
from crawler.stats import classify_failure

INTERNAL = [
    "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
    "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
]  # fmt: skip
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:93.184.216.34"]


@pytest.mark.parametrize("address", INTERNAL)
def test_internal_addresses_are_refused(address):
    assert refused(ipaddress.ip_address(address), ())


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address):
    assert not refused(ipaddress.ip_address(address), ())


@pytest.mark.parametrize(
    ("host", "address"),
    [("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0x7f000001", "127.0.0.1"),
     ("017700000001", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"),
     ("10.0.258", "10.0.1.2"), ("169.254.43518", "169.254.169.254"), ("127.0.0.1.", "127.0.0.1")],
)  # fmt: skip
def test_numeric_host_forms_read_like_inet_aton(host, address):
    assert numeric_ipv4(host) == ipaddress.IPv4Address(address)


@pytest.mark.parametrize(
    "host", ["example.org", "1.2.3.4.5", "08.1.1.1", "256.1.1.1", "1.2.3.256", "a.b", "1e3"]
)
def test_names_and_impossible_numbers_are_not_addresses(host):
    assert numeric_ipv4(host) is None


def test_ipv6_literals_with_brackets_and_zone_are_read():
    assert literal_address("[::ffff:127.0.0.1]") == ipaddress.ip_address("::ffff:127.0.0.1")
    assert literal_address("fe80::1%eth0") == ipaddress.ip_address("fe80::1")


def test_allowlist_allows_only_what_it_lists():
    allowed = parse_allowlist("127.0.0.1, 10.0.0.0/8")
    assert not refused(ipaddress.ip_address("127.0.0.1"), allowed)
    assert not refused(ipaddress.ip_address("::ffff:127.0.0.1"), allowed)  # the same address
    assert not refused(ipaddress.ip_address("10.200.0.1"), allowed)
    assert refused(ipaddress.ip_address("127.0.0.2"), allowed)
    assert refused(ipaddress.ip_address("169.254.169.254"), allowed)


def test_bad_allowlist_entry_is_named():
    with pytest.raises(ValueError, match="'localhost' is not an IP address"):
        parse_allowlist("127.0.0.1,localhost")


def test_allowlist_setting_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("VEILLE_ALLOW_PRIVATE_ADDRESSES", "10.0.0.0/8")
    assert allowlist_from(Settings()) == (ipaddress.ip_network("10.0.0.0/8"),)
    settings = Settings({"VEILLE_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1"})
    assert allowlist_from(settings) == (ipaddress.ip_network("127.0.0.1/32"),)


def _guard(hosts: dict[str, list[str]], allow: str = "") -> AddressGuard:
    async def resolve(host: str, port: int) -> list[str]:
        return hosts[host]

    return AddressGuard(parse_allowlist(allow), resolve=resolve)


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://192.168.0.1/",
     "http://2130706433:8080/", "http://0x7f.1/", "http://[::ffff:7f00:1]/", "http://[::1]:9000/",
     "http://metadata.test/", "http://dual.test/"],
)  # fmt: skip
def test_guard_refuses_internal_hosts_before_any_connection(url):
    guard = _guard({"metadata.test": ["169.254.169.254"], "dual.test": ["93.184.216.34", "10.0.0.1"]})
    with pytest.raises(BlockedAddress, match="blocked address"):
        asyncio.run(guard.process_request(Request(url)))


def test_guard_lets_public_and_allowed_hosts_through():
    guard = _guard({"news.test": ["93.184.216.34"], "local.test": ["127.0.0.1"]}, allow="127.0.0.1")
    for url in (
        "http://news.test/a",
        "http://local.test:8000/rss",
        "http://127.0.0.1:9/",
        "http://2130706433/",
    ):
        assert asyncio.run(guard.process_request(Request(url))) is None
    with pytest.raises(BlockedAddress):
        asyncio.run(guard.process_request(Request("http://127.0.0.2/")))


def test_blocked_request_counts_as_blocked_address():
    from twisted.python.failure import Failure

    kind, detail = classify_failure(Failure(BlockedAddress("blocked address: http://10.0.0.5/")))
    assert kind == "blocked_address" and "10.0.0.5" in detail


def test_crawl_with_a_bad_allowlist_stops_before_any_request(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from veille.cli import main

    sources = tmp_path / "s.toml"
    sources.write_text('[[sources]]\nname = "s"\nfeeds = ["http://127.0.0.1:9/rss"]\n', encoding="utf-8")
    monkeypatch.setenv("VEILLE_ALLOW_PRIVATE_ADDRESSES", "127.0.0.1;10.0.0.0/8")
    result = CliRunner().invoke(main, ["crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("veille: VEILLE_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1;10.0.0.0/8'")
    assert not (tmp_path / "v.db").exists()


def test_guard_trusts_exactly_the_literal_origins_the_sources_name():
    from types import SimpleNamespace

    from crawler.ssrf import configured_origins

    source = SimpleNamespace(feeds=("http://127.0.0.1:8000/rss",), sitemaps=("http://localhost:9000/s.xml",),
                             fallback_feeds=("https://news.test/rss",), fallback_sitemaps=())  # fmt: skip
    crawler = SimpleNamespace(spider=SimpleNamespace(sources={"s": source}))
    assert len(configured_origins({"s": source})) == 2  # host names are never trusted by name

    async def resolve(host: str, port: int) -> list[str]:
        return {"news.test": ["10.0.0.1"], "localhost": ["127.0.0.1"]}[host]

    guard = AddressGuard((), resolve=resolve, crawler=crawler)
    for url in ("http://127.0.0.1:8000/a.html", "http://localhost:9000/b", "http://127.0.0.1:9000/c"):
        assert asyncio.run(guard.process_request(Request(url))) is None
    for url in ("http://127.0.0.1:8001/", "https://127.0.0.1:8000/", "http://127.0.0.2:8000/",
                "https://news.test/rss", "http://2130706433:8001/"):  # fmt: skip
        with pytest.raises(BlockedAddress):
            asyncio.run(guard.process_request(Request(url)))
