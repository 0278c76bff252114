"""D — pack `email`: deliverability and hygiene (rules.md "Rule packs").

Applies to messages on channels of kind `email`.  Unsubscribe words, generic
link texts and spam triggers are data: ``rules/email.toml``,
``rules/<lang>/email.toml``, ``rules/<lang>/spam.toml``.
"""
