"""The linked-data room: every IRI dereferenceable by content negotiation (dereference.py), the ontology and
shapes published (vocabulary.py), the dataset described and downloadable (dataset.py), in the RDF formats
(representations.py) or as HTML rendered from the RDF with the one word table (words.py) (rdf_html.py, templates/)."""
