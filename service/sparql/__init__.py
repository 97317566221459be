"""The SPARQL room: the SPARQL 1.1 Protocol (query, update, Service Description), parsing and refusal, and
the backends that evaluate queries (backend/). Nothing here imports the answers, linked-data or pages rooms."""
