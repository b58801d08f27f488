"""A desk's policy with two calendars, `always` and `tokyo` (no `business`): the unit hints' tests name
the file's own calendar from it."""

POLICY = """\
sla "東京サポート" {
  format 1
  version "1"
  effective 2026-11-01
  timezone Asia/Tokyo
  provider "サンプル株式会社" / "Example K.K."
  languages ja, en
}

calendar always "24時間365日" / "24/7" {
  days mon..sun
  hours 00:00-24:00
}

calendar tokyo "東京営業時間" / "Tokyo business hours" {
  days mon..fri
  hours 09:00-18:00
  holidays JP
}

priority P1 "緊急" / "Urgent" {
  respond within 2 hours
}

priority P2 "高" / "High" {
  respond within 4 tokyo hours
}
"""
