"""Lighthouse (mobile preset) on each kind of page of a fresh site with the snapshot imported.

Prints a table of the four category scores per page (target: 95 or more in each) and, for
scores under 100, the audits that cost points. `make audit`, or `python -m bench.audit`.
Needs `npm ci` (lighthouse from package.json) and Debian's chromium (CHROME_PATH).
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request

from bench.http import free_port, wait_for
from bench.run import EMBASSIES, ROOT, bench_environment

# A saved news page written for the tests (an invented story about consuls in Russia).
ARTICLE = ROOT / "tests" / "news" / "fixtures" / "consular-visits-page.txt"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
TARGET = 95


def load(env: dict[str, str]) -> None:
    """The shipped data (snapshot, arrangements, emergency lines, status), an alert and an
    article."""
    steps = [
        ["import", "shipped"],
        ["alert", "add", "RU", "--headline", "Russia is currently at war in Ukraine"],
        ["news", "add", str(ARTICLE)],
    ]
    for step in steps:
        subprocess.run([EMBASSIES, *step], env=env, check=True, capture_output=True)


def api(base: str, path: str) -> dict[str, object]:
    with urllib.request.urlopen(base + path) as response:
        return dict(json.load(response))


def pages(base: str) -> dict[str, str]:
    mission = api(base, "/api/v1/missions/Q4374011")
    articles = api(base, "/api/v1/news?limit=1")["results"]
    article = articles[0]["url"] if isinstance(articles, list) and articles else f"{base}/news/"
    return {
        "home": f"{base}/",
        "country (in Russia)": f"{base}/countries/russia/",
        "country (Canada abroad)": f"{base}/countries/canada/abroad/",
        "mission (Canada in Moscow)": str(mission["url"]),
        "search": f"{base}/search/?q=canadian+embassy+moscow",
        "finder (CA in RU)": f"{base}/find/?citizen=CA&in=RU",
        "emergency card": f"{base}/find/card/?citizen=CA&in=RU",
        "news article": str(article),
        "alerts": f"{base}/alerts/",
    }


def lighthouse(url: str, tries: int = 3) -> dict[str, object]:
    """Lighthouse's JSON report, tried again when its trace fails (it sometimes does under
    load: NO_NAVSTART); {"error": ...} when it could not audit the page."""
    report = _lighthouse(url)
    while "error" in report and tries > 1:
        tries -= 1
        report = _lighthouse(url)
    return report


def _lighthouse(url: str) -> dict[str, object]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    out = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1]}
    return dict(json.loads(out.stdout))


def _items(audit: dict[str, object]) -> list[str]:
    """What an audit points at (a console message, a resource), three at most."""
    details = audit.get("details") or {}
    items = details.get("items", []) if isinstance(details, dict) else []
    found = [str(i.get("description") or i.get("url") or "") for i in items if isinstance(i, dict)]
    return [text[:160] for text in found if text][:3]


def losses(report: dict[str, object]) -> list[str]:
    """Titles of the weighted audits that did not pass, per category."""
    audits: dict[str, dict[str, object]] = report["audits"]  # type: ignore[assignment]
    lost = []
    for name, category in report["categories"].items():  # type: ignore[attr-defined]
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if ref["weight"] and score is not None and float(str(score)) < 1:
                lost.append(f"{name}: {audit['title']} ({audit.get('displayValue', score)})")
                lost += [f"    {item}" for item in _items(audit)]
    return lost


def main() -> None:
    assert LIGHTHOUSE.exists(), "run `npm ci` first (make audit does)"
    with bench_environment("sqlite") as (env, _):
        load(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        # Tiles from this server: the map is drawn as in production, without the outside network.
        env["EMBASSIES_TILE_URL"] = base + "/static/web/favicon.svg?{z}/{x}/{y}"
        server = subprocess.Popen(
            [EMBASSIES, "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base + "/")
            header = f"{'page':<28}" + "".join(f"{c:>16}" for c in CATEGORIES)
            print(f"Lighthouse, mobile preset, target {TARGET}+ each\n{header}")
            notes = []
            for name, url in pages(base).items():
                report = lighthouse(url)
                if "error" in report:
                    print(f"{name:<28}  Lighthouse failed: {report['error']}", flush=True)
                    continue
                scores = [report["categories"][c]["score"] for c in CATEGORIES]  # type: ignore[index]
                cells = "".join(
                    f"{'-' if s is None else round(float(s) * 100):>16}" for s in scores
                )
                print(f"{name:<28}{cells}", flush=True)
                notes += [f"  {name}: {line}" for line in losses(report)]
            if notes:
                print("Audits that cost points:\n" + "\n".join(notes))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
