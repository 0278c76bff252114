"""T — tone and voice.

The voice (``campaign.voice``: the brand's style guide refined by the
campaign's) says how the brand speaks: its tone words, tu or vous, how many
exclamation marks, which words to prefer or avoid, how easy the copy must be to
read.  The channel profile adds what the channel's audience expects (its tone
words and minimum reading ease).  These rules read every text field of every
message (and of its A/B variants), in the message's language.

Heavy lifting lives in :mod:`campaignlint.language`: tu/vous detection
(``address``), term matching with inflected forms (``terms``, lemma lookups: only T003
and T008 set ``needs_nlp``), reading ease (``readability``), language
detection (``detect``) and measured tone (``tone``).  Word lists are data:
``rules/<lang>/hype.txt``, ``rules/<lang>/tone.toml`` (acronyms allowed in
capitals), ``rules/tones.toml`` (tone-word bounds).

One module per rule (T001 and T002 share theirs); ``_shared`` holds the
helpers several rules use.  The registry imports every module here
(``registry.load_all_rules``).
"""
