"""D — pack `email` (rules.md "Rule packs")."""
