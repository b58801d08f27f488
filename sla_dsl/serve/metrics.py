"""``GET /metrics``: the service in the Prometheus text format, with ``prometheus-client``.

Design notes
------------
* One registry per app (not the library's global one), so two apps in one
  process -- the tests start several -- never share or clash on counters.
* Counters and histograms are updated where things happen (ingestion, timers,
  webhooks); the gauges that describe the SLA (incidents by status and
  priority, this month's availability, pending deliveries, next timer) are
  computed when scraped, from the same cached evaluation the API answers with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from .tracking import Tracker


class _Live(Collector):
    def __init__(self, tracker: Tracker, extra: Any) -> None:
        self.tracker = tracker
        self.extra = extra

    def collect(self) -> Iterator[GaugeMetricFamily]:
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


class Metrics:
    """The app's registry and the instruments the service updates."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
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
        self.lag = Histogram(
            "sla_timer_lag_seconds",
            "How long after its instant a transition was fired",
            buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 60.0),
            registry=r,
        )

    def watch(self, tracker: Tracker, timers: Any) -> None:
        """Add the gauges computed at scrape time."""
        self.registry.register(_Live(tracker, timers))

    def text(self) -> bytes:
        """The exposition text."""
        return generate_latest(self.registry)
