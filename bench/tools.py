#!/usr/bin/env python3
"""The benchmark's helpers that wrk cannot do (bench/run.sh calls them). Standard library only.

  tools.py genuine-logins BASE COOKIE BODY SECONDS   3 clients, each from its own loopback address, 9 logins a
                                                     second each; prints "sent=N busy=N other=N p99_ms=X"
  tools.py start-time PORTAL SOCKET TEMPLATES        starts `PORTAL serve` on SOCKET and times it from the spawn to
                                                     its first FastCGI answer (GET /); prints "ms=X", stops it
  tools.py permits-csv COUNT FILE                    writes COUNT generated permit rows (the contract's CSV)
  tools.py median N...                               the median of the numbers
"""
import datetime
import http.client
import os
import signal
import socket
import statistics
import struct
import subprocess
import sys
import threading
import time


def genuine_logins(base, cookie, body, seconds):
    """Three people logging in at 9 POSTs a second each (below the per-address limit and far below the hashing
    capacity), each from an address of its own, as real users behind different addresses are."""
    host, port = base.replace("http://", "").split(":")
    results = {"sent": 0, "busy": 0, "other": 0}
    latencies = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(source, person):
        next_at = time.monotonic()
        sent = 0
        while next_at < deadline:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += 1 / 9
            started = time.monotonic()
            connection = http.client.HTTPConnection(host, int(port), timeout=30, source_address=(source, 0))
            # A number of this person's own each time (see wrk.lua: one check per typed number at a time).
            sent += 1
            typed = body.replace("WP2099999999", f"WP2{person:02d}{sent:07d}")
            try:
                connection.request("POST", "/login/permit", body=typed, headers={
                    "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
                status = connection.getresponse().status
            except OSError:
                status = 0
            finally:
                connection.close()
            with lock:
                results["sent"] += 1
                latencies.append(time.monotonic() - started)
                if status == 503:
                    results["busy"] += 1
                elif status != 200:
                    results["other"] += 1

    threads = [threading.Thread(target=client, args=(f"127.0.0.{n}", 90 + n)) for n in (2, 3, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0
    print(f"sent={results['sent']} busy={results['busy']} other={results['other']} p99_ms={p99:.0f}")


def fastcgi_get(path):
    """One FastCGI GET / over the unix socket; True when a complete answer (END_REQUEST) came back."""
    def record(kind, content):
        return struct.pack(">BBHHBB", 1, kind, 1, len(content), 0, 0) + content

    def pair(name, value):
        name, value = name.encode(), value.encode()
        return bytes([len(name), len(value)]) + name + value

    params = b"".join(pair(k, v) for k, v in {
        "REQUEST_METHOD": "GET", "DOCUMENT_URI": "/", "REQUEST_URI": "/", "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1"}.items())
    with socket.socket(socket.AF_UNIX) as connection:
        connection.settimeout(10)
        connection.connect(path)
        connection.sendall(record(1, struct.pack(">HB5x", 1, 0)) + record(4, params) + record(4, b"")
                           + record(5, b""))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    return b"\x01\x03\x00\x01" in data and b"Status: 200" in data


def start_time(portal, path, templates):
    started = time.monotonic()
    process = subprocess.Popen([portal, "serve", "--socket", path, "--templates", templates],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"portal serve exited with {process.returncode} before answering")
            if time.monotonic() - started > 30:
                sys.exit("portal serve did not answer within 30 s")
            try:
                if fastcgi_get(path):
                    break
            except OSError:
                time.sleep(0.002)  # not listening yet: poll again (a start, not a test)
        print(f"ms={(time.monotonic() - started) * 1000:.0f}")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def letters(number):
    """A name part from a number, in capitals only (names hold no digits): 0 -> AAAAA, 1 -> AAAAB, ..."""
    text = ""
    for _ in range(5):
        number, digit = divmod(number, 26)
        text = chr(65 + digit) + text
    return text


def permits_csv(count, file):
    """Generated holders in the contract's permits CSV, numbers apart from the demo people's."""
    issued = datetime.date.today() - datetime.timedelta(days=100)
    valid = datetime.date.today() + datetime.timedelta(days=700)
    with open(file, "w") as out:
        out.write("permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,"
                  "work_location,issue_date,valid_until,status\n")
        for i in range(count):
            out.write(f"WP{4000000000 + i},HOLDER {letters(i)},P{10000000 + i},Germany,1990-01-{1 + i % 28:02d},"
                      f"{'MF'[i % 2]},Hainan Example Co Ltd,Engineer,Haikou,{issued},{valid},valid\n")


def main(argv):
    command, arguments = argv[1], argv[2:]
    if command == "genuine-logins":
        genuine_logins(arguments[0], arguments[1], arguments[2], float(arguments[3]))
    elif command == "start-time":
        start_time(*arguments)
    elif command == "permits-csv":
        permits_csv(int(arguments[0]), arguments[1])
    elif command == "median":
        print(statistics.median(float(value) for value in arguments))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
