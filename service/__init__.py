"""The HTTP service: the SPARQL endpoint and, over time, pages and APIs for people."""
