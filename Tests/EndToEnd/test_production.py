"""`PORTAL_ENV=production` (the executable's default) never runs with a development adapter: this build has no
real face, SMS or real-name service, so `portal serve` refuses to start and nothing is sent."""
import os
import subprocess

from e2e_stack import REPO, portal_bin


def test_serve_refuses_production_and_says_why(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(PORTAL_DATA=str(tmp_path))  # no PORTAL_ENV: production is the default
    result = subprocess.run([str(portal_bin()), "serve", "--socket", str(tmp_path / "portal.sock")], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "PORTAL_ENV=production" in result.stderr and "nothing is sent" in result.stderr
    assert not (tmp_path / "portal.sock").exists()
    assert not (tmp_path / "sms-outbox.jsonl").exists()
