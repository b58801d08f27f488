"""The compiled policy: the checked model with its calendars, and the ways to get one.

:mod:`.compiled` holds :class:`Policy` (deadlines, business time, maintenance
windows); :mod:`.checks` the checks that need compiled calendars; :mod:`.load`
compiles texts and files with every check.
"""

from .compiled import NotInPolicyError, Policy, add_calendar_duration, declared_types
from .load import compile_path, compile_policy, compile_text, load_policies, load_policy

__all__ = [
    "NotInPolicyError",
    "Policy",
    "add_calendar_duration",
    "compile_path",
    "compile_policy",
    "compile_text",
    "declared_types",
    "load_policies",
    "load_policy",
]
