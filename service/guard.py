"""What the public endpoint refuses before a query reaches the engine: federation, updates, LOAD, deep nesting.

The decision is made from the query's SPARQL tokens by `sparql_syntax` (see its module docstring for
the limits and how they were measured); query workers and the remote backend call it through here.
"""

from __future__ import annotations

from proveniens.service.sparql_syntax import Refused, check_query

__all__ = ["Refused", "check_query"]
