"""L — pack `fr-legal`: French advertising law (rules.md "Rule packs").

Every text to quote, phrase list and holiday setting is in
``rules/fr/legal.toml``, each with its legal source; public holidays come
from the ``holidays`` library (``campaignlint.calendars``).
"""
