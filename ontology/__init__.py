"""Package marker: lets the ontology files install as data of `proveniens.ontology`."""
