"""Writing what was read from minutes as RDF, every triple with its evidence."""
