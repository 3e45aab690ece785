"""Starts and stops the real stack (scripts/start-stack.sh: nginx + `portal serve`) for the suite."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import requests

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90.0  # a cold debug binary migrates the database and loads templates
STOP_LIMIT = 5.0  # start-stack.sh must stop nginx and the app within this after SIGTERM


def portal_bin() -> Path:
    """The debug binary (env PORTAL_BIN overrides); the suite builds nothing."""
    path = Path(os.environ.get("PORTAL_BIN") or REPO / ".build/debug/portal").resolve()
    if not path.is_file() or not os.access(path, os.X_OK):
        raise FileNotFoundError(f"no portal executable at {path}: run `swift build` first (or set PORTAL_BIN)")
    return path


def make_data_folder(prefix: str) -> Path:
    data = Path(tempfile.mkdtemp(prefix=prefix))
    # nginx's workers run as nobody and must reach the socket under this folder.
    data.chmod(0o755)
    return data


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def base_env(data: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(PORTAL_DATA=str(data), PORTAL_ENV="development", PORTAL_BIN=str(portal_bin()))
    return env


def portal(data: Path, *args: str) -> subprocess.CompletedProcess:
    """Runs an operator command (`portal import …`, `portal permit cancel …`) against the data folder."""
    result = subprocess.run(
        [str(portal_bin()), *args], cwd=REPO, env=base_env(data), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, (
        f"`portal {' '.join(args)}` exited {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    )
    return result


class Stack:
    """One start-stack.sh process: nginx on a free port in front of `portal serve`."""

    def __init__(self, data: Path, post_rate: str | None = None, post_burst: str | None = None):
        self.data = data
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = base_env(data)
        self.env["PORTAL_PORT"] = str(self.port)
        if post_rate:
            self.env["PORTAL_POST_RATE"] = post_rate
        if post_burst:
            self.env["PORTAL_POST_BURST"] = post_burst
        self.output_path = data / "start-stack.out"
        self.process: subprocess.Popen | None = None

    @property
    def app_log(self) -> Path:
        return self.data / "portal.log"

    def output(self) -> str:
        parts = []
        for path in (self.output_path, self.app_log, self.data / "nginx/logs/error.log"):
            if path.exists():
                parts.append(f"--- {path.name} (tail) ---\n" + path.read_text(errors="replace")[-4000:])
        return "\n".join(parts)

    def start(self) -> None:
        out = open(self.output_path, "ab")
        # Own process group, so teardown can find anything the script left behind.
        self.process = subprocess.Popen(
            ["bash", "scripts/start-stack.sh"], cwd=REPO, env=self.env,
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
        out.close()
        self._wait_ready()

    def _wait_ready(self) -> None:
        """Bounded poll: the home page answers 200 through nginx, or the script died, or time ran out."""
        deadline = time.monotonic() + START_TIMEOUT
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"start-stack.sh exited {self.process.returncode} before serving\n{self.output()}")
            try:
                r = requests.get(self.base_url + "/", timeout=2, allow_redirects=False)
                if r.status_code == 200:
                    return
                last = f"HTTP {r.status_code}"
            except requests.RequestException as error:
                last = type(error).__name__
            try:
                self.process.wait(timeout=0.1)  # the poll interval; returns early if the script dies
            except subprocess.TimeoutExpired:
                pass
        self._kill_group()
        raise RuntimeError(f"stack on port {self.port} not ready after {START_TIMEOUT}s ({last})\n{self.output()}")

    def stop(self) -> float:
        """SIGTERM to start-stack.sh; returns how long it took to exit. Raises if it was too slow or left
        processes or the port behind (after cleaning them up)."""
        if self.process is None or self.process.poll() is not None:
            code = None if self.process is None else self.process.returncode
            raise AssertionError(f"start-stack.sh was not running at teardown (exit {code})\n{self.output()}")
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_LIMIT * 3)
        except subprocess.TimeoutExpired:
            self._kill_group()
            raise AssertionError(f"start-stack.sh did not exit {STOP_LIMIT * 3}s after SIGTERM\n{self.output()}")
        elapsed = time.monotonic() - started
        leftovers = self._group_alive_after(2.0)
        port_still_open = port_open(self.port)
        if leftovers:
            self._kill_group()
        problems = []
        if elapsed > STOP_LIMIT:
            problems.append(f"start-stack.sh took {elapsed:.1f}s to exit after SIGTERM (limit {STOP_LIMIT}s)")
        if leftovers:
            problems.append("processes of the stack were still running after start-stack.sh exited")
        if port_still_open:
            problems.append(f"port {self.port} still answers after start-stack.sh exited")
        if problems:
            raise AssertionError("; ".join(problems) + "\n" + self.output())
        return elapsed

    def _group_alive_after(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while True:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
            if time.monotonic() > deadline:
                return True
            time.sleep(0.05)

    def _kill_group(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


def session_stack(registry, request, prefix: str, report_kept) -> Iterator["Stack"]:
    """The stack a pytest session shares: a temporary data folder holding `registry`'s people, nginx and the
    app on a free port with the POST rate limit lifted (a suite posts from one address far faster than a
    person; the 429 page is tested on a stack of its own, test_rate_limit.py). At the end the stack is
    stopped, which fails the teardown if it was slow or left processes behind, and the folder is removed,
    unless a test failed: then `report_kept(folder)` is called instead."""
    import pytest

    try:
        portal_bin()
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
    data = make_data_folder(prefix)
    try:
        registry.write_and_import(data)
        stack = Stack(data, post_rate="1000r/s", post_burst="1000")
        stack.start()
    except BaseException:
        shutil.rmtree(data, ignore_errors=True)  # the error message carries the logs' tails
        raise
    failed_before = request.session.testsfailed
    yield stack
    stack.stop()
    if request.session.testsfailed == failed_before:
        shutil.rmtree(data, ignore_errors=True)
    else:
        report_kept(data)

