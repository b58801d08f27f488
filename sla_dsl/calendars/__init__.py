"""Time: business calendars, recurrences and holiday tables; pure arithmetic on the typed model.

:mod:`.business` (:class:`~.business.BusinessCalendar`: business time added
and measured, on an index of open intervals), :mod:`.recurrence` (maintenance
windows), :mod:`.holiday_tables` (national holidays from the ``holidays``
package, cached) and :mod:`.timeargs` (times and dates given on the command
line or in ``sla test`` files, read one way everywhere).
"""
