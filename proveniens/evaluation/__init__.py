"""`proveniens eval`: the graph measured against curated gold — the corpus's facts per relation (corpus.py),
the documents of other bodies (documents.py), and the SPARQL the gold is read with (graph.py)."""
