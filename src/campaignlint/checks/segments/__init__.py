"""S — segments and coverage.

Who each message is for.  A message reaches the segments it names
(`segment` / `segments`); a message that names none reaches no particular
segment and counts for none of them (S002).  The messages each audience
receives (``audiences``) and whether two channel names are one platform
(``same_channel``) are shared with other families (F003, P002, C012) and live
in ``checks/_format.py``.
"""
