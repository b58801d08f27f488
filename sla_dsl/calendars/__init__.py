"""Time: business calendars, recurrences and holiday tables; pure arithmetic on the typed model.

:mod:`.business` (:class:`~.business.BusinessCalendar`: business time added
and measured, on an index of open intervals), :mod:`.business_index` (its
base: business days, their hours, and that index, grown year by year),
:mod:`.recurrence` (maintenance windows), :mod:`.holiday_tables` (national
holidays from the ``holidays`` package, cached), :mod:`.intervals` (wall-clock
times to instants, and the index of open intervals), :mod:`.bounds` (the
supported years and the longest period: the bounds of every time computation)
and :mod:`.timeargs` (times and dates given on the command line or in ``sla
test`` files, read one way everywhere).
"""
