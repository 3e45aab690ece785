"""gixy-ng (PyPI) on every nginx config the project ships, as rendered for use: the development stack's (the
running stack's own nginx.conf) and the production TLS site (rendered as test_nginx_configs.py renders it).
No finding above LOW may remain; an accepted one would be listed here with its reason (none is)."""
import json
import shutil
import subprocess

import pytest

from test_nginx_configs import render_production_site

# Findings accepted after review, as (plugin, reason): none today.
ACCEPTED: set[tuple[str, str]] = set()


def findings(config) -> list[dict]:
    gixy = shutil.which("gixy")
    assert gixy, "gixy-ng is not installed (scripts/install-deps.sh --tests installs Tests/EndToEnd/requirements.txt)"
    # -ll: MEDIUM and above. gixy exits non-zero when it reports anything, so the JSON decides, not the status.
    result = subprocess.run([gixy, "-ll", "-f", "json", str(config)], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().startswith("["), f"gixy gave no report: {result.stderr[-2000:]}"
    return [f for f in json.loads(result.stdout) if f.get("plugin") not in {plugin for plugin, _ in ACCEPTED}]


def describe(found: list[dict]) -> str:
    return "\n".join(f"{f['severity']} {f['plugin']}: {f['summary']} in {f.get('config', '')[:200]!r}" for f in found)


def test_the_development_config_has_no_finding_above_low(stack):
    found = findings(stack.data / "nginx" / "nginx.conf")
    assert not found, describe(found)


def test_the_production_site_has_no_finding_above_low(tmp_path):
    found = findings(render_production_site(tmp_path))
    assert not found, describe(found)


@pytest.mark.parametrize("plugin", ["try_files_is_evil_too", "worker_rlimit_nofile_vs_connections"])
def test_gixy_does_report_what_it_reported_before_the_fixes(tmp_path, plugin):
    # The check can fail: the findings the configs had (try_files without open_file_cache, no worker_rlimit_nofile)
    # are reported for a config that still has them.
    config = tmp_path / "nginx.conf"
    config.write_text("events { worker_connections 1024; }\n"
                      "http { server { listen 8080; location / { root /tmp; try_files $uri =404; } } }\n")
    assert plugin in {f["plugin"] for f in findings(config)}
