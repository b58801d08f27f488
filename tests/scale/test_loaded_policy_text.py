"""A loaded policy handed to the Dask or Spark entries travels to the workers as the text it was compiled
from: its file read again, as it did, gave the workers the rules of a file saved since (an author editing
while a pipeline runs), and the report the sha256 of that other text."""

from __future__ import annotations

from pathlib import Path

from sla_dsl import load_policy
from sla_dsl.scale import PolicyText, policies_of, policy_texts

from .logs import POLICY_PATH


def test_a_loaded_policy_travels_as_the_text_it_was_compiled_from(tmp_path: Path) -> None:
    path = tmp_path / "clicksoko.sla"
    text = Path(POLICY_PATH).read_text("utf-8")
    path.write_text(text, "utf-8")
    policy = load_policy(path)
    edited = text.replace("respond within 4 business hours", "respond within 2 business hours")
    assert edited != text
    path.write_text(edited, "utf-8")  # (saved after the load)
    (sent,) = policy_texts([policy])
    assert sent == PolicyText(str(path), text, policy.sha256)
    (again,) = policies_of((sent,))
    assert again.model == policy.model and again.sha256 == policy.sha256


def test_a_policy_file_given_by_its_name_is_read_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "clicksoko.sla"
    text = Path(POLICY_PATH).read_text("utf-8")
    edited = text.replace("respond within 4 business hours", "respond within 2 business hours")
    path.write_text(edited, "utf-8")
    (sent,) = policy_texts(str(path))
    assert sent.text == edited and sent.name == str(path)
