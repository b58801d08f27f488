"""Tools for policy authors: :mod:`.fmt` (canonical layout), :mod:`.semdiff`
(what changed, in words; :mod:`.diff_changes` finds the changes), :mod:`.replay` (the same events under two
versions), :mod:`.policytest` (``sla test`` expectations), :mod:`.lsp` (the language server) and
:mod:`.hover` (what it shows on hover, in the policy's language).
"""
