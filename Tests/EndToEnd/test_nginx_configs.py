"""Every nginx config the project ships passes `nginx -t` with what the portal renders for it: the development
template (checked each time the stack starts) and the production TLS site, with a throwaway certificate."""
import subprocess

from e2e_stack import REPO, portal, portal_bin


def render_production_site(tmp_path):
    """nginx.conf around the production site, with the routes rendered and a throwaway certificate."""
    routes = tmp_path / "portal"
    portal(tmp_path, "nginx-routes", "--socket", "/run/portal/portal.sock", "--out", str(routes))
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
                   check=True, capture_output=True)
    site = (REPO / "nginx/production/portal.conf").read_text()
    assert "/etc/nginx/portal/routes-http.conf" in site and "/etc/nginx/portal/routes-server.conf" in site
    site = (site.replace("/etc/nginx/portal", str(routes)).replace("@SERVER_NAME@", "portal.example")
            .replace("@TLS_CERTIFICATE_KEY@", str(tmp_path / "key.pem"))
            .replace("@TLS_CERTIFICATE@", str(tmp_path / "cert.pem")))
    assert "@" not in "".join(line for line in site.splitlines() if not line.lstrip().startswith("#"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n")
    return tmp_path / "nginx.conf"


def test_the_production_site_passes_nginx_t_with_the_rendered_routes(tmp_path):
    render_production_site(tmp_path)
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_rendered_routes_name_the_socket_and_limits(tmp_path):
    portal(tmp_path, "nginx-routes", "--socket", "/tmp/some.sock", "--post-burst", "7", "--out", str(tmp_path))
    server = (tmp_path / "routes-server.conf").read_text()
    assert "limit_req zone=portal_post burst=7 nodelay;" in server
    assert server.count("location ") >= 3  # rate-limited POSTs, the face uploads, the verification page
    assert server.count("fastcgi_pass portal_app;") == server.count("location ")
    assert "server unix:/tmp/some.sock;" in (tmp_path / "routes-http.conf").read_text()
    bad = subprocess.run([str(portal_bin()), "nginx-routes", "--socket", "/tmp/a b;", "--out", str(tmp_path)],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "--socket" in bad.stderr
