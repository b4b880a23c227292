"""Reference data for every country and territory: codes, names, demonyms, capitals."""
