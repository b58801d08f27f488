"""Tools for policy authors: :mod:`.fmt` (canonical layout), :mod:`.semdiff`
(what changed, in words; :mod:`.diff_changes` finds the changes), :mod:`.replay` (the same events under two
versions), :mod:`.policytest` (``sla test`` expectations) and :mod:`.lsp`
(the language server).
"""
