"""Validation of the data against the shapes: findings in plain words with file, line, rule and the sv/en
message (validation.py, over shacl_sparql's compiled checks on the store), and pySHACL as the reference the
production path is tested against (validation_reference.py)."""
