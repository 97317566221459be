"""The query backends: a pool of sandboxed worker processes over the on-disk store, or a remote SPARQL server,
behind one `run(job)`. Kept free of web imports: a worker process imports this package and nothing heavier."""
