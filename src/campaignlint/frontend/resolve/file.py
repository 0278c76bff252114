"""A file's top level (``import``, ``brand``, ``channel``, ``segment``, ``rule``, ``campaign``) and the ``Resolver``.

The loader resolves a file in two steps, because campaigns see what the file
imports: ``read_file`` reads the top-level definitions and hands back the
imports and campaign nodes; once the imports are loaded (and their
definitions added to ``outside``), ``resolve_campaigns`` reads the campaigns.
"""

from __future__ import annotations

from ...i18n import gettext as _
from ...i18n import N_
from ... import model as m
from ...source import Span
from ..tree import Node, Value
from .base import ValueReader
from .brand import read_brand
from .campaign import read_campaign
from .channel import read_channel_profile
from .custom_rule import read_rule
from .definitions import Definitions
from .segment import read_segment
from .variables import top_level_handlers

TOP_LEVEL = ["import", "brand", "channel", "segment", "rule", "campaign", "variable", "event"]


class Resolver(ValueReader):
    """Resolves one file's parse tree into its model (``model.CampaignFile``) and collects its problems."""

    def __init__(self, path: str, outside: Definitions, builtin_channels: dict[str, m.ChannelProfile]):
        super().__init__(path)
        self.outside = outside
        self.builtin = builtin_channels
        self.file_channels: set[str] = set()  # v2: the file's own top-level channels (read_file)

    def read_file(self, nodes: list[Node]) -> tuple[m.CampaignFile, list[tuple[Value, Node]], list[Node]]:
        """The file's top-level definitions, its ``import`` values and its campaign nodes (read later)."""
        result = m.CampaignFile(path=self.path)
        imports: list[tuple[Value, Node]] = []
        seen: dict[str, dict[str, Span]] = {"brand": {}, "channel": {}, "segment": {}, "rule": {}, "campaign": {}}
        campaign_nodes: list[Node] = []
        # v2: consent names the file's own channels too; variables and events
        self.file_channels = {n.values[0].data for n in nodes
                              if n.keyword == "channel" and n.values and n.values[0].kind == "name"}
        declarations = top_level_handlers(self, result)
        for node in nodes:
            keyword = node.keyword
            if keyword == "import":
                value = self.one(node, "string", what=N_("the path of a .camp file in quotes"))
                if value is not None:
                    imports.append((value, node))
                    result.imports.append(value.data)
            elif keyword == "brand":
                brand = read_brand(self, node)
                if brand and self.duplicate_check(seen["brand"], brand.name, brand.span, "brand"):
                    result.brands[brand.name] = brand
            elif keyword == "channel":
                name, children = self.named(node, "instagram")
                if name is None:
                    continue
                if self.duplicate_check(seen["channel"], name, self.header_span(node), "channel"):
                    base = self.outside.channels.get(name) or self.builtin.get(name)
                    result.channels[name] = read_channel_profile(self, node, name, children, base)
            elif keyword == "segment":
                segment = read_segment(self, node)
                if segment and self.duplicate_check(seen["segment"], segment.name, segment.span, "segment"):
                    result.segments[segment.name] = segment
            elif keyword == "rule":
                rule = read_rule(self, node)
                if rule and self.duplicate_check(seen["rule"], rule.name, rule.span, "rule"):
                    result.rules.append(rule)
            elif keyword == "campaign":
                campaign_nodes.append(node)
            elif keyword in declarations:
                declarations[keyword](node)
            else:
                self.unknown(node, _("file (at the top level)"), TOP_LEVEL)
        return result, imports, campaign_nodes

    def resolve_campaigns(self, result: m.CampaignFile, campaign_nodes: list[Node]) -> None:
        """Reads the campaigns into ``result``: they see ``outside`` (imports done) and the file's own definitions."""
        visible = Definitions()
        visible.update(self.outside)
        visible.update(result)
        seen: dict[str, Span] = {}
        for node in campaign_nodes:
            campaign = read_campaign(self, node, visible, self.builtin)
            if campaign and self.duplicate_check(seen, campaign.name, campaign.span, "campaign"):
                result.campaigns.append(campaign)
