"""Citations of official documents (SOU, prop., SFS, dir., …) found in running text."""
