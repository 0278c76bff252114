"""F — funnel and customer journey.

The campaign's funnel is its `funnel` list (default awareness, consideration,
conversion, loyalty; AIDA attention, interest, desire, action is the other
built-in).  Its *conversion stage* — where messages must say what to do and
where (F002) — is `conversion` in the default funnel (loyalty comes after it),
`action` in AIDA, and in a custom funnel the stage that stands for conversion
(an alias such as `achat` or `purchase`, from `rules/funnel.toml`), or else
its last stage.
"""
