"""docs/deploy.md's configuration blocks, read from the page itself so that what runs in the
benchmark and in tests/ops/test_deploy_doc.py is what readers copy, and the nginx block adapted
to one machine: loopback ports, a local certificate, its cache and log in a given folder."""

from __future__ import annotations

import re
from pathlib import Path

DEPLOY_DOC = Path(__file__).resolve().parent.parent / "docs" / "deploy.md"


def code_blocks(language: str, text: str | None = None) -> list[str]:
    """Every fenced block of `language` in the page, in order, without its fences."""
    text = DEPLOY_DOC.read_text("utf-8") if text is None else text
    return re.findall(rf"^```{re.escape(language)}\n(.*?)^```", text, re.DOTALL | re.MULTILINE)


def _block(language: str, marker: str) -> str:
    """The first `language` block containing `marker` (the page has several sh and ini blocks)."""
    for block in code_blocks(language):
        if marker in block:
            return block
    raise LookupError(f"no {language} block with {marker!r} in {DEPLOY_DOC}")


def environment_file() -> str:
    """Section 1's /etc/embassies/env."""
    return _block("sh", "SECRET_KEY=")


def run_wrapper() -> str:
    """Section 1's /opt/embassies/bin/run, which loads the environment file for commands."""
    return _block("sh", "exec ")


def nginx_block() -> str:
    """Section 3's nginx configuration (a conf.d file: it goes inside nginx's http block)."""
    return _block("nginx", "upstream embassies")


def service_unit() -> str:
    """Section 2's embassies.service."""
    return _block("ini", "embassies serve")


def compose_file() -> str:
    """Section 2's docker compose file."""
    return _block("yaml", "services:")


def environment_values(text: str) -> dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile= reads them: comments on lines of their own,
    a value wrapped in one pair of quotes loses them."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def local_nginx(
    folder: Path,
    app_port: int,
    https_port: int,
    *,
    http_port: int | None = None,
    certificate: tuple[Path, Path] | None = None,
    access_log: bool = True,
    block: str | None = None,
) -> str:
    """The nginx block for one machine, every other line as documented: the upstream is the
    app on 127.0.0.1:`app_port`; `listen 443 ssl` becomes 127.0.0.1:`https_port` and `listen 80`
    127.0.0.1:`http_port`; the certificate and key are `certificate`; the cache and the access
    log live in `folder`. Without `certificate`, TLS is dropped: no port-80 redirect, plain HTTP
    on `https_port`, no http2/ssl_ lines. `access_log=False` turns the access log off."""
    conf = nginx_block() if block is None else block
    upstreams = re.findall(r"^\s*server \S+:\d+[^;]*;\n", conf, re.MULTILINE)
    conf = conf.replace(upstreams[0], f"    server 127.0.0.1:{app_port};\n")
    for other in upstreams[1:]:
        conf = conf.replace(other, "")
    if certificate is None:
        conf = re.sub(r"server \{\s*listen 80;.*?\n\}\n", "", conf, flags=re.DOTALL)
        conf = re.sub(r"listen 443 ssl\b[^;]*;", f"listen 127.0.0.1:{https_port};", conf)
        conf = re.sub(r"^\s*(http2|ssl_)\w*[^;]*;.*\n", "", conf, flags=re.MULTILINE)
    else:
        if http_port is None:
            raise ValueError("with TLS, the port-80 redirect needs a port of its own")
        cert, key = certificate
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        conf = re.sub(r"listen 443 ssl\b", f"listen 127.0.0.1:{https_port} ssl", conf)
        conf = re.sub(r"ssl_certificate(\s+)\S+;", rf"ssl_certificate\g<1>{cert};", conf)
        conf = re.sub(r"ssl_certificate_key(\s+)\S+;", rf"ssl_certificate_key\g<1>{key};", conf)
    if access_log:
        conf = re.sub(r"access_log \S+", f"access_log {folder}/embassies.log", conf)
    else:
        conf = re.sub(r"access_log [^;]*;", "access_log off;", conf)
    return re.sub(r"proxy_cache_path \S+", f"proxy_cache_path {folder}/cache", conf)


def nginx_main(folder: Path, http: str, root: bool) -> str:
    """A whole nginx.conf around a conf.d file, everything nginx writes kept in `folder`, as
    Debian's /etc/nginx/nginx.conf includes conf.d/*.conf inside its http block."""
    user = "user root;\n" if root else ""
    return (
        f"daemon off;\n{user}worker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 256; }}\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  client_body_temp_path {folder}/body;\n  proxy_temp_path {folder}/proxy;\n"
        f"  fastcgi_temp_path {folder}/fastcgi;\n  uwsgi_temp_path {folder}/uwsgi;\n"
        f"  scgi_temp_path {folder}/scgi;\n{http}\n}}\n"
    )
