"""F — funnel and customer journey.

The campaign's funnel is its `funnel` list (default awareness, consideration,
conversion, loyalty; AIDA attention, interest, desire, action is the other
built-in).  Its *conversion stage* — where messages must say what to do and
where (F002) — is `conversion` in the default funnel (loyalty comes after it),
`action` in AIDA, and in a custom funnel the stage that stands for conversion
(an alias such as `achat` or `purchase`, from `rules/funnel.toml`), or else
its last stage.
"""

# Importing the package registers every F rule (one module per rule or pair).
from . import (
    f001_empty_funnel_stage,
    f002_conversion_without_cta,
    f003_stages_out_of_order,
    f004_message_without_stage,
)

__all__ = [
    "f001_empty_funnel_stage",
    "f002_conversion_without_cta",
    "f003_stages_out_of_order",
    "f004_message_without_stage",
]
