"""Reading an objective's free text: what it measures and when (rules O007, O008).

``read_objective_text`` finds, in the text a team wrote for an objective
("Augmenter les abonnés Instagram de 20 % en trois mois", "Reach 400 trial
sign-ups by June 30"), the quantities and the time frame it states:

* ``numbers``   plain quantities ("1 500 ventes", "10k", "50 000 €", "quinze");
* ``percents``  percentages and percentage points, with the direction the text
  gives them ("+15 %", "réduire le churn de 10 %" → ``-``);
* ``multipliers`` "doubler" = 2, "x3", "multiplier par quatre", "de moitié" = 0.5;
* ``durations`` "en trois mois", "within 6 weeks", "over the next quarter" (3
  months); each says whether it is *framed* as the objective's time frame (after
  "en", "sur", "within", "over", "next" …) or merely describes something ("a
  14-day trial");
* ``dates``     "avant le 31 mai 2027", "d'ici fin juin", "by EOY", "in Q3"; each
  is a range of days (``earliest`` .. ``value``: "in Q3" is 1 July .. 30 September)
  and a role: ``deadline``, ``start`` ("à partir du 1er mars") or ``reference``
  ("+15 % vs 2026");
* ``vague_verbs`` the announcing verbs found ("augmenter", "boost").

A number that belongs to a date, a duration or a compared year is not a
measure.  All spans are ``str`` indices into the given text, end-exclusive.

Whether the text contradicts the objective's attributes is rule O008's
policy, not the reader's: see ``campaignlint.checks.objectives.o008_text_contradicts``.

The vocabulary (number words, months, units, verbs, …) is rule data:
``rules/<language>/objectives.toml``; a language without such a file is read
with the English vocabulary.

The package: ``claims`` (what is found), ``vocabulary`` (the word lists,
loaded once per language), ``tokens`` (words, numbers and number words),
``base`` (the token cursor the passes share), ``dates`` and ``quantities``
(the passes), ``reader`` (the order of the passes).
"""

from __future__ import annotations

from .claims import DateClaim, DurationClaim, NumberClaim, ObjectiveClaims, PercentClaim, TermClaim
from .reader import read_objective_text

__all__ = [
    "NumberClaim",
    "PercentClaim",
    "DurationClaim",
    "DateClaim",
    "TermClaim",
    "ObjectiveClaims",
    "read_objective_text",
]
