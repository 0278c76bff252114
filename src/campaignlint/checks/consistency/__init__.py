"""M — consistency of the message across channels.

M001–M004 compare what the copy says about an offer (a discount, a promo code,
an end date, a price: read by :func:`campaignlint.language.offers.extract_offer_claims`
in the message's language) with the campaign's `offer` the message promotes
(its `offer` attribute).  Only messages that name an offer are compared; every
text field of the message and of its variants is read, and a finding points at
the exact words in the copy.

M005–M006 check that every channel carries the campaign's theme (the `theme`
phrase or one of the `theme_keywords`, matched on lemmas, hashtags included:
``#PortezLeChangement`` mentions "Portez le changement").  M007 finds copy
pasted from one channel to another; M008 finds messages for the same offer that
send people to different landing pages.

One module per rule (M005 and M006 share theirs); ``_shared`` holds what
the offer rules (M001–M004, M008) read alike.  The registry imports every module
here (``registry.load_all_rules``).
"""
