"""Routing: the units file and the rule engine of ROUTING.md (pure functions, no I/O beyond reading YAML)."""

from triage.routing.rules import RULE_CODES, RULES_VERSION, route_petition
from triage.routing.units import UNIT_TYPES, Office, Unit, load_office, parse_office

__all__ = [
    "RULE_CODES",
    "RULES_VERSION",
    "UNIT_TYPES",
    "Office",
    "Unit",
    "load_office",
    "parse_office",
    "route_petition",
]
