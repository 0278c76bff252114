"""K — KPIs.

KPI names are open (teams have their own); the taxonomy in
``rules/kpis.toml`` classifies the ones it knows: French and English names and
synonyms, whether the KPI is a vanity metric, and the funnel stages it
measures.  A KPI the taxonomy does not know is never reported as vanity nor as
misplaced.  Stages are read through ``rules/funnel.toml`` (AIDA stages and
aliases map onto awareness, consideration, conversion, loyalty).
"""
