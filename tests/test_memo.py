"""``memo.last_campaign``: the one memo the campaign-level facts of several rules share."""

from __future__ import annotations

from campaignlint.language import memo


def test_last_campaign_answers_again_only_for_the_same_campaign_and_arguments():
    calls = []

    @memo.last_campaign
    def fact(campaign, *args):
        calls.append((campaign, args))
        return [campaign, args]

    first, second = object(), object()
    answer = fact(first, ["a"])
    assert fact(first, ["a"]) is answer  # same campaign (identity), equal arguments: kept
    assert len(calls) == 1
    assert fact(first, ["b"]) is not answer  # other arguments: computed again
    assert fact(second, ["b"]) is not fact(first, ["b"])  # another campaign: computed again
    assert len(calls) == 4
    fact(second, ["b"])  # only the last campaign is kept: the second was dropped
    assert len(calls) == 5
