"""LIM's hiring rules as plain Python: no Django, no clock, no database.

Each rule takes typed facts (frozen dataclasses), the date where time matters and the
organisation settings, and returns an `Outcome`: a rule-specific result with `to_dict()`
and findings (`block`, `warn`, `info`) with the rule id, legal source and a message in
bokmål, nynorsk and English. `registry.RULES` lists every rule for `/regler/` and
`lim rules list`; `evaluate.evaluate` and `cli.main` run a rule on JSON facts.
"""
