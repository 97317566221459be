"""Package marker: lets the queries files install as data of `proveniens.queries`."""
