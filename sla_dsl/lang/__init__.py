"""The language: text -> parse tree -> typed model -> checked model.

:mod:`.source` (the one reader of policy text: bytes or ``str`` to text or an
E001 diagnostic, for files, stdin, the language server and the API),
:mod:`.lines` (lines as the parser counts them), :mod:`.parser` (Lark, LALR;
errors to diagnostics), :mod:`.transformer` and :mod:`.values` (tree to typed
model), :mod:`.model` (frozen pydantic models, every node with its span; its
parts by subject in :mod:`.model_nodes`, :mod:`.model_time`,
:mod:`.model_calendars`, :mod:`.model_attributes`, :mod:`.model_services` and
:mod:`.model_incidents`, all re-exported by :mod:`.model`),
:mod:`.check` (static checks), :mod:`.compile` (the stages in order),
:mod:`.diagnostics` (located errors and their rendering) and :mod:`.lexer` (the
Pygments lexer: it takes its words from the parser, and both the docs site and
the editor tools use it, so it lives with the grammar). Nothing here knows
calendars, events or verdicts.
"""
