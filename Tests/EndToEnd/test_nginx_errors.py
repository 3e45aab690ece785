"""Attacker review, finding 4: nginx's own answers (TRACE, an over-long address, a bad Host, a missing static file,
a malformed request) were nginx's stock pages, English only, without doctype or lang. Each is the portal's page
now, in the visitor's language."""
import socket

import pytest
import requests


def raw(stack, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", stack.port), timeout=10) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("language,lang", [("en", "en"), ("zh", "zh-Hans")])
def test_trace_an_overlong_address_and_a_missing_static_file_get_the_portals_pages(stack, language, lang):
    cookies = {"lang": language}
    cases = [
        (requests.request("TRACE", stack.base_url + "/", cookies=cookies, timeout=10), 405),
        (requests.get(stack.base_url + "/" + "a" * 9000, cookies=cookies, timeout=10), 414),
        (requests.get(stack.base_url + "/css/no-such-file.css", cookies=cookies, timeout=10), 404),
    ]
    for response, status in cases:
        assert response.status_code == status
        assert response.text.startswith("<!DOCTYPE html>"), response.text[:80]
        # nginx refuses an over-long address before it reads the headers, so the cookie is not known yet: English
        expected = "en" if status == 414 else lang
        assert f'<html lang="{expected}">' in response.text, status
        assert "nginx" not in response.text.lower()


def test_a_bad_host_and_a_malformed_request_get_the_portals_400_page(stack):
    for request in (b"GET / HTTP/1.1\r\nHost: bad host name\r\nConnection: close\r\n\r\n",
                    b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",  # HTTP/1.1 without a Host
                    b"GET /\x01 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"):
        answer = raw(stack, request).decode("utf-8", "replace")
        assert answer.startswith("HTTP/1.1 400"), answer[:80]
        body = answer.split("\r\n\r\n", 1)[1]
        assert body.startswith("<!DOCTYPE html>") and '<html lang="en">' in body and "nginx" not in body.lower(), body[:200]
