"""P — planning and coordination.

Send times (`at`) are written in the campaign's local time (its `timezone`);
days are the campaign's calendar days.  The campaign `period` is inclusive of
its last day: a message at 23:30 on the last day is inside it.
"""

# Importing the package registers every P rule (one module per rule or pair).
from . import (
    p001_outside_period,
    p002_too_many_messages_per_day,
    p003_channel_without_owner,
    p004_variant_changes_several_fields,
    p005_message_without_send_time,
    p006_frequency_cap,
)

__all__ = [
    "p001_outside_period",
    "p002_too_many_messages_per_day",
    "p003_channel_without_owner",
    "p004_variant_changes_several_fields",
    "p005_message_without_send_time",
    "p006_frequency_cap",
]
