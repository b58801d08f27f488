"""The documentation site: an MkDocs plugin that renders policies as readable pages.

Design notes
------------
* :mod:`.plugin` is the MkDocs side (configuration, generated files, markers in
  hand-written pages); it knows nothing about how a policy reads.
* :mod:`.render` turns a compiled policy into one page per language, laid out
  like the source document (:mod:`.layout`: the page's frame, its articles and
  sections, headings, tables and source links); :mod:`.computed` holds what is derived rather than
  written (maintenance dates, worked deadlines, the same-day cutoff);
  :mod:`.source` highlights the policy file with an anchor per declaration;
  :mod:`.history` compares versions; :mod:`.schema` documents the event and
  report models from their JSON Schema, with field descriptions from the
  models' field docs (:mod:`.fielddocs`); :mod:`.original` splits the original
  SLA text into articles so the Japanese page shows the contract word for word;
  :mod:`.ical` writes the ``maintenance.ics`` feeds; :mod:`.chrome` makes the
  theme's parts (permalink titles, the 404 page, search) speak the page's language.
  :mod:`.facts` fills the placeholders of hand-written pages (``<!-- sla:fact
  NAME -->``: the project's reading of the SLA) with what the policy decides.
* Every value on a rendered page comes from the compiled model or from the
  engine's own arithmetic, so an edit to the policy changes the site with no
  other edit.
"""
