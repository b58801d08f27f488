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
* **A start that does not serve changes nothing.** The flags are checked
  first (a ``--webhook`` or ``--db`` that cannot be read: wrong usage, exit
  2, in the policy's language or ``--lang``, as every refusal of the start),
  then the address is bound (:func:`listen`: a port in use, a ``--host``
  that is not this machine's, exit 1, in the policy's language or
  ``--lang``), and only then is the database opened: its start (the schema,
  the versions served, the deliveries of webhooks no longer given) is
  written by a service that holds its socket. A second ``sla serve`` on the
  port of a running one used to open the database first, and drop the
  running server's deliveries before uvicorn found the port taken. The
  sockets are handed to uvicorn, which serves on them as it would on its own.
* Once uvicorn serves, one line of the log says so (:meth:`.serve.app.Service.ready_line`:
  the addresses, the versions, the database without user or password).
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import re
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..i18n import message
from ..policy import load_policies
from ..report.words import default_lang
from .langs import diagnostics_lang, lang_option, usage_lang
from .parsing import whole_number

LOG = logging.getLogger("sla.serve")
#: How many connections the kernel queues on a socket before the service accepts them (uvicorn's own).
BACKLOG = 2048


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
    # (how long a PostgreSQL server that answers nothing is waited on: sla_dsl/serve/watchdog.py)
    stall = whole_number(lang, low=1, below=86_401)
    p.add_argument("--db-stall", type=stall, default=30, metavar="SECONDS", help=h("serve.db_stall"))
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


def os_words(exc: OSError, lang: str) -> str:
    """Why the system refused, in ``lang``: a common error in the catalogue's words (the event readers')."""
    from ..events.problems import os_reason
    from ..lang.diagnostics import Both, Words

    reason = os_reason(exc)
    if isinstance(reason, Both):
        return reason.ja if lang == "ja" else reason.en
    return reason.text(lang) if isinstance(reason, Words) else str(reason)


def read_token(path: str, lang: str = "en") -> str:
    """The token in ``path`` (first line, blanks stripped); refused in ``lang``."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_words(exc, lang) if isinstance(exc, OSError) else str(exc)
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


def check_webhook(url: str, lang: str) -> None:
    """Refuse (wrong usage, exit 2) a ``--webhook`` that is no http(s) URL a request can be posted to: another
    scheme, no host (``http://``), a blank or a control character (``http://exa mple.com/x``), a port that is
    no number from 1 to 65535, a ``[`` not closed (``http://[::1/x``); such a URL would be taken and then tried
    again for ever. What is wrong is said in ``lang`` (never in the HTTP client's words). The URL is quoted as
    the log shows a webhook (``scheme://host[:port]``: its path and query often hold the receiver's secret)."""
    import httpx

    from ..serve.store import redact

    if not url.startswith(("http://", "https://")):  # (shown without what may hold a secret, as the log shows it)
        shown = redact(url) if "://" in url else re.split(r"[/?#]", url, maxsplit=1)[0].rpartition("@")[2]
        raise UsageError(message("cli.help.error.webhook", lang, url=shown), lang=lang)
    if any(c.isspace() or not c.isprintable() for c in url):
        why: str | None = message("serve.start.webhook_space", lang)
    else:
        why = _webhook_authority(url, lang)
    if why is None:
        try:
            if not httpx.URL(url).host:
                why = message("serve.start.webhook_no_host", lang)
        except (httpx.InvalidURL, ValueError) as exc:  # (idna's error is a ValueError)
            why = _webhook_problem(url, str(exc), lang)
    if why is not None:
        shown = url.split("://", 1)[0] + "://…" if any(not c.isprintable() for c in url) else redact(url)
        raise UsageError(message("serve.start.webhook_malformed", lang, url=shown, why=why), lang=lang)


def _webhook_host(url: str) -> tuple[str, str | None]:
    """The host and the port (None when there is no ``:``) of a webhook URL, as written."""
    hostport = re.split(r"[/?#]", url.split("://", 1)[1], maxsplit=1)[0].rpartition("@")[2]
    if hostport.startswith("["):
        host, closed, rest = hostport.partition("]")
        return host + closed, rest[1:] if rest.startswith(":") else None
    host, colon, port = hostport.partition(":")
    return host, port if colon else None


def _webhook_authority(url: str, lang: str) -> str | None:
    """What is wrong with the host and port of a webhook URL (printable, no blank), in ``lang``; None if nothing."""
    host, port = _webhook_host(url)
    if host.startswith("["):
        if not host.endswith("]"):
            return message("serve.start.webhook_bracket", lang)
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return message("serve.start.webhook_ipv6", lang, host=f"`{host}`")
    if port and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        return message("serve.db.port", lang, port=f"`{port}`")
    return None


def _webhook_problem(url: str, error: str, lang: str) -> str:
    """What the HTTP client's ``error`` for a webhook URL says, in ``lang`` (its own words are English)."""
    host = f"`{_webhook_host(url)[0]}`"
    if error.startswith("Invalid IPv6"):
        return message("serve.start.webhook_ipv6", lang, host=host)
    if error.startswith(("Invalid IPv4", "Invalid IDNA")) or "label" in error.lower():
        return message("serve.start.webhook_host", lang, host=host)
    if "too long" in error:
        return message("serve.start.webhook_long", lang)
    return message("serve.start.webhook_unreadable", lang)


def listen(host: str, port: int, lang: str) -> list[socket.socket]:
    """The listening sockets of ``host``:``port`` (a name may give several addresses: ``localhost`` is
    127.0.0.1 and ::1), bound as uvicorn binds them; refused (exit 1, in ``lang``) when one cannot be: a port
    in use, a ``--host`` that is not an address of this machine, a port the user may not take."""

    def refused(reason: str) -> InputError:
        said = message("serve.start.cannot_listen", lang, host=host, port=port, reason=reason)
        return InputError(said, lang=lang)

    try:
        found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise refused(message("serve.start.cannot_listen.host", lang, host=host)) from None
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys((f, k, p, "", a) for f, k, p, _, a in found):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:  # (as asyncio: the IPv6 socket does not take the IPv4 address too)
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(BACKLOG)
            sock.setblocking(False)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        if exc.errno == errno.EADDRINUSE:
            reason = message("serve.start.cannot_listen.in_use", lang)
        elif exc.errno == errno.EADDRNOTAVAIL:
            reason = message("serve.start.cannot_listen.host", lang, host=host)
        else:
            reason = os_words(exc, lang)
        raise refused(reason) from None
    return sockets


def _address(sock: socket.socket) -> str:
    """Where a listening socket is, as a URL (``http://127.0.0.1:8080``, ``http://[::1]:8080``)."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if sock.family == socket.AF_INET6 else f"http://{host}:{port}"


def cmd_serve(args: argparse.Namespace) -> int:
    """``sla serve POLICY...``: serve until interrupted."""
    try:
        import uvicorn

        from ..serve import Settings, create_app
        from ..serve.store import engine_url
    except ModuleNotFoundError as exc:
        lang = usage_lang(args)
        raise InputError(message("cli.serve.needs_extra", lang, module=exc.name or ""), lang=lang) from None
    policies = load_policies(args.policy, args.lang)
    #: what the start says of the service (its address, its database, its flags refused): --lang, else the
    #: policy's language
    said_in = diagnostics_lang(args, default_lang(policies))
    for url in args.webhook:
        check_webhook(url, said_in)
    engine_url(args.db, said_in)  # (read, not opened: a --db that cannot be is refused before listening)
    token = read_token(args.token_file, said_in) if args.token_file else None
    # the address first: a start that cannot listen has not opened the database (nor written to it)
    sockets = listen(args.host, args.port, said_in)
    if token is None and not is_loopback(args.host):  # (said once it is sure to listen there, not before a refusal)
        said = message("cli.serve.open", said_in, host=args.host, port=str(args.port))
        print(f"sla: {message('diag.word.warning', said_in)}: {said}", file=sys.stderr)
    try:
        log_to_stderr()
        settings = Settings(
            db=args.db,
            token=token,
            webhooks=tuple(args.webhook),
            max_body=args.max_body,
            policy_files=tuple(args.policy),
            clock_skew=float(args.clock_skew),
            lang=args.lang,
            db_stall=float(args.db_stall),
        )
        # a SIGHUP since the process started (`systemctl reload` during a slow start) was remembered, not
        # taken as a stop (cli/app.py): the service reloads the policy files once it is ready
        app = create_app(policies, settings, held_hup=getattr(args, "held_hup", None))
        ready = app.state.service.ready_line([_address(sock) for sock in sockets])

        class Server(uvicorn.Server):
            async def startup(self, sockets: list[socket.socket] | None = None) -> None:
                await super().startup(sockets=sockets)
                if self.started:
                    LOG.warning("%s", ready)

        config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
        server = Server(config)
        # uvicorn shuts down on SIGTERM, then sends the signal again to the handler it found:
        # a no-op one makes a requested stop (systemctl stop, docker stop) exit 0.
        signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
        try:
            server.run(sockets=sockets)
        except KeyboardInterrupt:  # (as uvicorn.run: a Ctrl-C is a stop)
            pass
    finally:
        for sock in sockets:
            sock.close()
    return 0 if server.started else 3
