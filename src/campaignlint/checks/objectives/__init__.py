"""O — objectives are SMART.

Each objective should be Specific and Measurable (a `metric` and a `target`),
Achievable (a growth rate a team can reach), Relevant (tied to what the
campaign actually does) and Time-bound (a `deadline`, or `within` counted from
the campaign's first day), with someone accountable for it (`owner`).  Its
free `text` is read by :mod:`campaignlint.language.objective_text` to find
vague wording (O007) and sentences that say something else than the
attributes (O008).

Time frames: ``within 3 months`` from 2027-03-01 ends on 2027-05-31 (the
first day counts); ``within 2 weeks`` ends 13 days after the start; months
follow the calendar and a begun day counts whole (one definition for O005,
O008 and O009: :func:`campaignlint.language.timeframe.within_end`).  A time
frame's length in days counts both ends (2027-03-01 .. 2027-05-31 is 92
days), and a month is 30.4375 days on average.

One module per rule (O001–O003, the missing essentials, together; O008's
judging policy in ``o008_figures`` and ``o008_time_frame``); ``_shared``
holds the formatting of attribute values and the reading of the
objective's text.  The registry imports every module here
(``registry.load_all_rules``).
"""
