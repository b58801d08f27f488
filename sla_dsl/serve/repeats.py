"""The same failure said once, not once a second: the log of ``sla serve`` while its database is away.

Design notes
------------
* While the database is away, the timer loop tries again every second, each
  webhook's sender every second, and every request fails: one line per try
  made some 300 lines a minute of the same error, burying the one line that
  said when it began. A place that fails (``key``: the timer loop's step, a
  webhook's sender, a route) says its first failure as before; the same
  failure again (the same error line) is counted, not said, and a line every
  :data:`EVERY` seconds while it goes on says how many times it came in
  them. The first success at that place says it is over, with how many times
  it failed and for how long. Another error at the same place is said at once
  (it is news), the count of the one before it said first.
* The summary lines are in the language of the line they follow (the
  policy's primary language, as the service's other lines), and quote it
  whole, so one line read alone says what failed.
* The clock is the machine's monotonic one: a fake clock of the tests moves
  the service's time, not the log's pace.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import message

#: How often (seconds) a failure that goes on is said again, with how many times it came meanwhile.
EVERY = 60.0


@dataclass
class _Going:
    """A failure said, at one place: its line, since when, and how many times since then."""

    error: str
    line: str
    first: float
    said: float
    #: how many times in all, and since the last line said
    total: int = 1
    unsaid: int = 0


class Repeats:
    """The failures of several places (``key``), each said once, then every :data:`EVERY` seconds with a
    count, then once more when it is over (see the module's notes)."""

    def __init__(
        self,
        logger: logging.Logger,
        lang: Callable[[], str] | str,
        every: float = EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.logger = logger
        self._lang = lang
        self.every = every
        self.clock = clock
        self._going: dict[str, _Going] = {}
        self._lock = threading.Lock()

    @property
    def lang(self) -> str:
        return self._lang() if callable(self._lang) else self._lang

    @property
    def going(self) -> bool:
        """Whether a failure said is not over yet at some place."""
        return bool(self._going)

    def failed(self, key: str, line: str, error: str | None = None, level: int = logging.ERROR) -> None:
        """A failure at ``key``, said as ``line``; ``error`` (default: the line) tells one failure from another."""
        error = line if error is None else error
        now = self.clock()
        with self._lock:
            going = self._going.get(key)
            if going is not None and going.error == error:
                going.total += 1
                going.unsaid += 1
                if now - going.said < self.every:
                    return
                said = message(
                    "serve.repeats.again",
                    self.lang,
                    count=going.unsaid,
                    seconds=f"{now - going.said:.0f}",
                    said=going.line,
                )
                going.said, going.unsaid = now, 0
                self.logger.log(level, "%s", said)
                return
            if going is not None and going.unsaid:  # (another error now: the count of the one before first)
                self.logger.log(level, "%s", self._over(going, now, "serve.repeats.replaced"))
            self._going[key] = _Going(error, line, now, now)
        self.logger.log(level, "%s", line)

    def ok(self, key: str) -> None:
        """A success at ``key``: a failure said there is over (said, with how many times and how long)."""
        if key not in self._going:  # (the usual case, without the lock)
            return
        with self._lock:
            going = self._going.pop(key, None)
        if going is not None:
            self.logger.warning("%s", self._over(going, self.clock(), "serve.repeats.over"))

    def _over(self, going: _Going, now: float, key: str) -> str:
        return message(key, self.lang, count=going.total, seconds=f"{now - going.first:.0f}", said=going.line)
