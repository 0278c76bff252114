"""P — planning and coordination.

Send times (`at`) are written in the campaign's local time (its `timezone`);
days are the campaign's calendar days.  The campaign `period` is inclusive of
its last day: a message at 23:30 on the last day is inside it.
"""
