"""Search: one box that understands how people ask for an embassy, in many languages.

`search(query, limit)` in `engine` serves the page, the API and the CLI alike.
"""
