"""Where a validated build lives: the on-disk pyoxigraph store and its atomic switch (store.py), the child
process that writes it (store_writer.py), a remote SPARQL server as the target instead (remote.py), and the
dumps every build writes beside its data (dumps.py), and the readers' locks that keep a build in use from
being pruned (build_lock.py)."""
