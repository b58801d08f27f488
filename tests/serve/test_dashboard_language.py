"""The dashboard (``GET /``, ``GET /dashboard.json``) speaks the policy's primary language (issue 16).

A policy with ``languages ja, en`` gets Japanese and one that declares none (read as
``en, ja``) English; ``?lang=`` still switches, and a language the dashboard does not
write is refused (422), as ``GET /report`` refuses it.
"""

from __future__ import annotations

from pathlib import Path

from sla_dsl.policy import load_policies

from .conftest import Starter

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"  # declares no languages: English first


def _lang(client: object, query: str = "") -> tuple[str, str]:
    page = client.get(f"/{query}").text  # type: ignore[attr-defined]
    data = client.get(f"/dashboard.json{query}").json()  # type: ignore[attr-defined]
    return page.split('<html lang="', 1)[1].split('"', 1)[0], data["lang"]


def test_the_dashboard_defaults_to_the_primary_language(start: Starter, tmp_path: Path) -> None:
    japanese = start(f"sqlite:///{tmp_path / 'ja.db'}")  # clicksoko.sla: `languages ja, en`
    assert _lang(japanese) == ("ja", "ja")
    assert _lang(japanese, "?lang=en") == ("en", "en")
    english = start(f"sqlite:///{tmp_path / 'en.db'}", pols=load_policies([str(PLANS)]))
    assert _lang(english) == ("en", "en")  # was Japanese whatever the policy said
    assert _lang(english, "?lang=ja") == ("ja", "ja")
    assert english.get("/?lang=fr").status_code == english.get("/dashboard.json?lang=fr").status_code == 422
