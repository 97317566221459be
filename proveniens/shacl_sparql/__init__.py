"""SHACL shapes compiled to SPARQL and run on a pyoxigraph store (see proveniens.checks.validation)."""
