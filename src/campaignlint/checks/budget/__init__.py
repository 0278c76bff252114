"""B — budget.

Money is exact (``Decimal``).  The campaign language has no exchange rates:
amounts in different currencies are never added or compared.  When the
campaign's budget and its channels' budgets are in more than one currency,
B005 says so and B001 (which would have to add them) is skipped; B002 is
skipped too.  B004 compares `target_cpa` with `clv` × `margin` only when both
amounts are in the same currency.
"""
