"""The fuzzing harness of issue 17: generated policies and event logs through the whole ``sla`` command.

Run: ``.venv/bin/python -m pytest tests/fuzz`` (about two minutes, the CI box); longer on demand with
``SLA_FUZZ_SECONDS=600``, the corpus alone with ``SLA_FUZZ_SECONDS=0``. Other knobs: ``SLA_FUZZ_DEADLINE``
(the hang detector, 20 s), ``SLA_FUZZ_MEMORY_MB`` (2048), ``SLA_FUZZ_SAVE`` (where findings go),
``SLA_FUZZ_COLLECT=1`` (save and list every finding, fail nothing), ``SLA_FUZZ_SHRINK=1`` (let hypothesis
shrink a failing input). ``harness.py`` says what counts as a finding; ``corpus/README.md`` how to keep one.
"""
