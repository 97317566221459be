"""Proveniens: the provenance of Swedish public policy as a validated, queryable knowledge graph."""

__version__ = "0.1.0"
