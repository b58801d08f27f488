"""``sla serve``: run the live SLA tracking service (:mod:`sla_dsl.serve`).

Design notes
------------
* The web stack (FastAPI, uvicorn, SQLAlchemy, psycopg, prometheus-client) is
  the ``serve`` extra: it is imported only when the command runs, so ``sla``
  without it still works, and ``sla serve`` without it says what to install
  (exit 1) instead of a traceback.
* Safe by default: it listens on 127.0.0.1; ``--host`` beyond loopback without
  ``--token-file`` prints a warning, since anyone who can reach the port could
  then write events. The token is read from a file (never from the command
  line, where ``ps`` would show it), and must be printable ASCII: an HTTP
  header carries nothing else that a client could send.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import signal
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..i18n import message
from ..policy import load_policies
from .langs import lang_option, usage_lang
from .parsing import whole_number


def add_parsers(sub: Any, lang: str = "en") -> None:
    """Register ``serve`` on the ``sla`` subparsers, its help in ``lang``."""

    def h(key: str) -> str:
        return message(f"cli.help.{key}", lang)

    port = whole_number(lang, low=1, below=1 << 16)  # (a TCP port: 1 to 65535)
    size = whole_number(lang, low=1, below=1 << 31)
    p = sub.add_parser("serve", help=h("serve"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("serve.policy"))
    p.add_argument("--db", default="sqlite:///sla.db", metavar="URL", help=h("serve.db"))
    p.add_argument("--host", default="127.0.0.1", help=h("serve.host"))
    p.add_argument("--port", type=port, default=8080, help=h("serve.port"))
    p.add_argument("--token-file", metavar="FILE", help=h("serve.token_file"))
    p.add_argument("--webhook", action="append", default=[], metavar="URL", help=h("serve.webhook"))
    p.add_argument("--max-body", type=size, default=10 * 1024 * 1024, metavar="BYTES", help=h("serve.max_body"))
    # (at most a day: a larger allowance would store an event a wrong date puts a day ahead)
    skew = whole_number(lang, low=0, below=86_401)
    p.add_argument("--clock-skew", type=skew, default=300, metavar="SECONDS", help=h("serve.clock_skew"))
    lang_option(p, lang, "serve")
    p.set_defaults(func=cmd_serve)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback name or address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_token(path: str, lang: str = "en") -> str:
    """The token in ``path`` (first line, blanks stripped); refused in ``lang``."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(message("cli.serve.token_unreadable", lang, path=path, reason=reason), lang=lang) from None
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if len(token) < 16:
        raise InputError(message("cli.serve.token_short", lang, path=path), lang=lang)
    # An HTTP header is Latin-1 on the wire and clients send ASCII: a token with any other character
    # would be taken here and then match no request ever.
    odd = next((c for c in token if not " " <= c <= "~"), None)
    if odd is not None:
        char = f"`{odd}` (U+{ord(odd):04X})" if odd.isprintable() else f"U+{ord(odd):04X}"
        raise InputError(message("serve.start.token_not_ascii", lang, path=path, char=char), lang=lang)
    return token


def log_to_stderr() -> None:
    """The service's own log (``sla.*``: alerts, reloads, deliveries) on stderr, from INFO up; the
    libraries' only from WARNING up. httpx logs every request it sends at INFO with its whole URL, and a
    webhook's user, password and query often hold its secret, which the service's own words leave out
    (``scheme://host[:port]``: :func:`sla_dsl.serve.alerts.redact`)."""
    logging.basicConfig(level=logging.WARNING, format="sla serve: %(message)s", stream=sys.stderr)
    logging.getLogger("sla").setLevel(logging.INFO)


def cmd_serve(args: argparse.Namespace) -> int:
    """``sla serve POLICY...``: serve until interrupted."""
    try:
        import uvicorn

        from ..serve import Settings, create_app
    except ModuleNotFoundError as exc:
        lang = usage_lang(args)
        raise InputError(message("cli.serve.needs_extra", lang, module=exc.name or ""), lang=lang) from None
    for url in args.webhook:
        if not url.startswith(("http://", "https://")):
            lang = usage_lang(args)
            raise UsageError(message("cli.help.error.webhook", lang, url=url), lang=lang)
    policies = load_policies(args.policy, args.lang)
    lang = usage_lang(args)
    token = read_token(args.token_file, lang) if args.token_file else None
    if token is None and not is_loopback(args.host):
        said = message("cli.serve.open", lang, host=args.host, port=str(args.port))
        print(f"sla: {message('diag.word.warning', lang)}: {said}", file=sys.stderr)
    log_to_stderr()
    settings = Settings(
        db=args.db,
        token=token,
        webhooks=tuple(args.webhook),
        max_body=args.max_body,
        policy_files=tuple(args.policy),
        clock_skew=float(args.clock_skew),
    )
    # a SIGHUP since the process started (`systemctl reload` during a slow start) was remembered, not taken
    # as a stop (cli/app.py): the service reloads the policy files once it is ready
    app = create_app(policies, settings, held_hup=getattr(args, "held_hup", None))
    # uvicorn shuts down on SIGTERM, then sends the signal again to the handler it found:
    # a no-op one makes a requested stop (systemctl stop, docker stop) exit 0.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
    return 0
