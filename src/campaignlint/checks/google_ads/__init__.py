"""R — pack `google-ads`: responsive search ads (rules.md "Rule packs").

Applies to messages on `google_ads`: each message is one responsive search
ad, each `headline` and `description` one asset.  Lengths and the
15-headline maximum stay C001's.  Symbols, punctuation runs and phone-number
shapes are data: ``rules/google_ads.toml``.
"""
