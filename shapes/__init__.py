"""Package marker: lets the shapes files install as data of `proveniens.shapes`."""
