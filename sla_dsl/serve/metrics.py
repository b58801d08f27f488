"""``GET /metrics``: the service in the Prometheus text format, with ``prometheus-client``.

Design notes
------------
* One registry per app (not the library's global one), so two apps in one
  process -- the tests start several -- never share or clash on counters.
* Counters and histograms are updated where things happen (ingestion, timers,
  webhooks); the gauges that describe the SLA (incidents by status and
  priority, targets by status, this month's availability, pending deliveries,
  next timer) are computed when scraped, from the same live view the API
  answers with.
* ``sla_incidents`` counts incidents by the status of the priority's response
  target, as it always has; every other target (named targets, notification
  rules on incidents and outages) is counted in a gauge of its own,
  ``sla_targets``, rather than by a new label on ``sla_incidents``: a label
  there would split each incident's series by target and make a sum over
  ``sla_incidents`` count an incident once per target.
* A webhook post that fails is counted in ``sla_webhook_failures_total``
  by its outcome: ``retried`` (a server error, a timeout, a network error:
  tried again after a backoff) or ``failed`` (a redirect or a client error:
  the delivery ``failed``, not posted again before the next start). One
  counter with a label rather than two: their sum is every failed post, and
  an alert on deliveries lost is ``outcome="failed"``. Both series exist from
  the start, at 0.
* ``sla_build_info{version}`` (and ``GET /healthz``'s ``version``) says the
  release this server runs: after an upgrade of several servers on one
  database, which of them still run the earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, Info, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from .._version import __version__
from .tracking import RESPONSE, Tracker

#: The ``outcome`` of a failed webhook post (``sla_webhook_failures_total``): tried again, or failed for good.
RETRIED, FAILED = "retried", "failed"
OUTCOMES = (RETRIED, FAILED)


class _Live(Collector):
    def __init__(self, tracker: Tracker, extra: Any, before: Callable[[], None] | None = None) -> None:
        self.tracker = tracker
        self.extra = extra
        #: called before the gauges are read (the incidents not judged brought up to date)
        self.before = before

    def collect(self) -> Iterator[GaugeMetricFamily]:
        if self.before is not None:
            self.before()
        result, now = self.tracker.now_view()
        by: dict[tuple[str, str], int] = {}
        for inc in result.incidents:
            by[(inc.status, inc.priority)] = by.get((inc.status, inc.priority), 0) + 1
        g = GaugeMetricFamily(
            "sla_incidents", "Incidents judged as of now, by status and priority", labels=["status", "priority"]
        )
        for (status, priority), n in sorted(by.items()):
            g.add_metric([status, priority], n)
        yield g
        yield _targets(result)
        unjudged = GaugeMetricFamily(
            "sla_incidents_not_judged",
            "Stored incidents not judged: the version in force at their clock start does not define their "
            "priority (GET /report lists them among the violations as data)",
        )
        unjudged.add_metric([], self.tracker.not_judged_count())
        yield unjudged
        month = self.tracker.month_view(now)
        a = month.skeleton.availability
        service = month.ctx.primary.service
        name = service.name if service is not None else "service"
        av = GaugeMetricFamily("sla_availability_ratio", "This month's availability up to now", labels=["service"])
        av.add_metric([name], a.ratio)
        yield av
        pending = GaugeMetricFamily("sla_webhook_pending", "Webhook deliveries not yet acknowledged")
        pending.add_metric([], self.tracker.store.pending_deliveries())
        yield pending
        nxt = self.extra.next_instant()
        timer = GaugeMetricFamily("sla_timer_next_seconds", "Seconds until the next pending transition (-1: none)")
        timer.add_metric([], (nxt - now) if nxt is not None else -1.0)
        yield timer


def _targets(result: Any) -> GaugeMetricFamily:
    """``sla_targets``: every target of the incidents and outages judged as of now, by status."""
    by: dict[tuple[str, str, str, str, str], int] = {}

    def count(item: str, target: str, clock: str, status: str, priority: str) -> None:
        key = (item, target, clock, status, priority)
        by[key] = by.get(key, 0) + 1

    for inc in result.incidents:
        count("incident", RESPONSE, "", inc.status, inc.priority)
        for t in inc.targets:
            count("incident", t.name, t.clock or "", t.status, inc.priority)
    for o in result.skeleton.outages:
        for n in o.notices:
            count("outage", n.name, "", n.status, "")
    g = GaugeMetricFamily(
        "sla_targets",
        "Targets of the incidents and outages judged as of now: the response target, named targets and "
        "notification rules, by status",
        labels=["item", "target", "clock", "status", "priority"],
    )
    for labels, n in sorted(by.items()):
        g.add_metric(list(labels), n)
    return g


class Metrics:
    """The app's registry and the instruments the service updates."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        # (which release serves: after an upgrade, each server on a database says its own)
        Info("sla_build", "The release of sla-dsl this server runs", registry=r).info({"version": __version__})
        self.stored = Counter("sla_events_stored", "Events stored", registry=r)
        self.duplicates = Counter("sla_events_duplicate", "Exact duplicate events not stored again", registry=r)
        self.rejected = Counter("sla_requests_rejected", "Requests answered 4xx", ["reason"], registry=r)
        self.ingest = Histogram(
            "sla_ingest_seconds",
            "Time to validate and store one POST /events",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
            registry=r,
        )
        self.alerts = Counter("sla_alerts_fired", "Alerts fired", ["kind"], registry=r)
        self.webhook_failures = Counter(
            "sla_webhook_failures",
            "Webhook posts that failed: outcome retried (tried again after a backoff) or failed (for good: "
            "a redirect or a client error, not posted again before the next start)",
            ["outcome"],
            registry=r,
        )
        for outcome in OUTCOMES:  # (both series from the start: a rate of zero is a rate)
            self.webhook_failures.labels(outcome)
        self.lag = Histogram(
            "sla_timer_lag_seconds",
            "How long after its instant a transition was fired",
            buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 60.0),
            registry=r,
        )

    def webhook_failed(self, for_good: bool) -> None:
        """A webhook post failed: for good (the delivery ``failed``), or to be tried again."""
        self.webhook_failures.labels(FAILED if for_good else RETRIED).inc()

    def watch(self, tracker: Tracker, timers: Any, before: Callable[[], None] | None = None) -> None:
        """Add the gauges computed at scrape time (``before`` called first: what they read brought up to date)."""
        self.registry.register(_Live(tracker, timers, before))

    def text(self) -> bytes:
        """The exposition text."""
        return generate_latest(self.registry)
