"""`proveniens fetch`: open data downloaded politely into a sources folder for the next build."""
