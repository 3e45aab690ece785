"""nginx's Accept-Language map (routes-http.conf, NginxRouteConfig.languageMaps) must not backtrack: a crafted
6 KB header once cost an nginx worker ~0.15 s of PCRE backtracking per request, until PCRE's match limit stopped
it with an [alert] line quoting the header (found by review, not by gixy). Any error page nginx answers itself
reads that header, and GETs there are not rate limited."""
import requests


def test_a_crafted_accept_language_does_not_hit_pcres_match_limit(stack):
    log = stack.data / "nginx/logs/error.log"
    before = log.read_text(errors="replace").count("pcre2_match() failed")
    for _ in range(5):
        r = requests.get(stack.base_url + "/css/no-such-file.css", headers={"Accept-Language": "a" + " ," * 3000},
                         timeout=10)
        assert r.status_code == 404 and '<html lang="en">' in r.text
    assert log.read_text(errors="replace").count("pcre2_match() failed") == before, "the regex hit PCRE's match limit"


def test_the_map_still_chooses_chinese_where_the_browser_asks_for_it(stack):
    for header in ["zh-CN,zh;q=0.9,en;q=0.8", "fr, zh-Hans;q=0.5", "zh"]:
        r = requests.get(stack.base_url + "/css/no-such-file.css", headers={"Accept-Language": header}, timeout=10)
        assert r.status_code == 404 and '<html lang="zh-Hans">' in r.text, header
    r = requests.get(stack.base_url + "/css/no-such-file.css", headers={"Accept-Language": "en-GB, zh;q=0.1"}, timeout=10)
    assert '<html lang="en">' in r.text
