"""campaignlint: a linter and rules engine for multichannel marketing campaigns."""

__version__ = "0.1.0"
