"""RSS and Atom feeds: download with conditional GET, refuse hostile XML, store new entries."""
