"""The fault server misbehaves as promised (so the fault suite tests what it says it tests)."""

from __future__ import annotations

import gzip
import http.client
import socket
import time
import zlib

import pytest
from lxml import etree

from tests.faults.server import BOMB_SIZE, HUGE_SIZE, FaultServer, FaultSite, gzip_bomb


@pytest.fixture(scope="module")
def server():
    with FaultServer(FaultSite(articles=4)) as running:
        yield running


def get(server, path, timeout=5.0, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.httpd.server_address[1], timeout=timeout)
    conn.request("GET", path, headers=headers or {})
    return conn.getresponse()


def test_articles_are_distinct_and_the_mirror_is_the_same_text(server):
    one, two = get(server, "/articles/1.html").read(), get(server, "/articles/2.html").read()
    mirror = get(server, "/mirror/2.html").read()
    assert one != two and b"Capgemini" in one
    assert mirror.replace(b"/mirror/", b"/articles/") == two


def test_feed_lists_articles_duplicates_and_faults(server):
    response = get(server, "/feed.xml")
    root = etree.fromstring(response.read())
    links = [link.text for link in root.iter("link")][1:]
    assert len(links) == len(server.site.feed_paths())
    assert any("utm_source" in link for link in links) and any("/mirror/" in link for link in links)


def test_feed_answers_304_to_its_validators(server):
    first = get(server, "/feed.xml")
    first.read()
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    assert get(server, "/feed.xml", headers={"If-None-Match": etag}).status == 304
    assert get(server, "/feed.xml", headers={"If-Modified-Since": modified}).status == 304
    assert get(server, "/feed.xml", headers={"If-None-Match": '"other"'}).status == 200
    sitemap = get(server, "/sitemap.xml")
    sitemap.read()
    assert sitemap.getheader("ETag") is None
    assert (
        get(server, "/sitemap.xml", headers={"If-Modified-Since": sitemap.getheader("Last-Modified")}).status
        == 304
    )


def test_timeout_route_never_answers(server):
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        get(server, "/fault/timeout.html", timeout=0.5)
    assert time.monotonic() - started < 2


def test_drip_sends_headers_then_almost_nothing(server):
    sock = socket.create_connection(("127.0.0.1", server.httpd.server_address[1]), timeout=2)
    sock.sendall(b"GET /fault/drip.html HTTP/1.0\r\nHost: x\r\n\r\n")
    received = b""
    deadline = time.monotonic() + 1.3
    while time.monotonic() < deadline:
        received += sock.recv(65536)
    sock.close()
    head, _, body = received.partition(b"\r\n\r\n")
    assert b"Content-Length: 100000" in head
    assert 0 < len(body) <= 3  # a byte every 0.5 s


def test_reset_route_resets_the_connection(server):
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
        get(server, "/fault/reset.html").read()


def test_flaky_route_fails_twice_then_serves_the_article():
    with FaultServer(FaultSite(articles=1)) as fresh:
        statuses = [get(fresh, "/fault/flaky.html").status for _ in range(3)]
    assert statuses == [503, 503, 200]


def test_redirect_loop(server):
    first = get(server, "/fault/loop-a.html")
    assert first.status == 302 and first.getheader("Location") == "/fault/loop-b.html"
    assert get(server, "/fault/loop-b.html").getheader("Location") == "/fault/loop-a.html"


def test_huge_pages_are_thirty_megabytes(server):
    declared = get(server, "/fault/huge.html")
    assert int(declared.getheader("Content-Length")) == HUGE_SIZE
    streamed = get(server, "/fault/huge-stream.html")
    assert streamed.getheader("Content-Length") is None
    assert len(streamed.read()) == HUGE_SIZE


def test_gzip_bomb_is_small_on_the_wire_and_huge_inflated(server):
    response = get(server, "/fault/gzip-bomb.html")
    assert response.getheader("Content-Encoding") == "gzip"
    body = response.read()
    assert len(body) < 1024 * 1024 and body == gzip_bomb()
    inflated = zlib.decompressobj(wbits=31).decompress(body, 10 * 1024 * 1024)
    assert len(inflated) == 10 * 1024 * 1024  # and more was left: only the limit stopped it
    assert len(gzip.decompress(body)) == BOMB_SIZE


def test_malformed_feed_is_not_xml(server):
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(get(server, "/fault/malformed.xml").read())


def test_charset_page_lies_about_its_encoding(server):
    response = get(server, "/fault/charset.html")
    assert "iso-8859-1" in response.getheader("Content-Type")
    body = response.read()
    assert b'<meta charset="iso-8859-1">' in body
    assert "accélère".encode() in body  # the bytes are UTF-8


def test_requests_are_logged(server):
    before = len(server.site.requests)
    get(server, "/robots.txt").read()
    assert server.site.requests[before][1] == "/robots.txt"


def test_server_stops_while_a_request_hangs():
    running = FaultServer(FaultSite())
    with running:
        sock = socket.create_connection(("127.0.0.1", running.httpd.server_address[1]))
        sock.sendall(b"GET /fault/timeout.html HTTP/1.0\r\n\r\n")
        time.sleep(0.1)
        started = time.monotonic()
    assert time.monotonic() - started < 3
    sock.close()
