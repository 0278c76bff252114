"""W — pack `meta`: Facebook, Instagram, Threads, Meta ads (rules.md "Rule packs").

W001 reads messages on `facebook`, `instagram`, `threads` and `meta_ads`;
W002 and W003 read `meta_ads`.  Character ranges and personal-attribute
patterns are data: ``rules/meta.toml``, ``rules/<lang>/meta.toml``.
"""
