"""Loaders turn source files into RDF graphs, one named graph per source, each fact with its evidence."""
