"""Corrections from the public: a form on every mission page, held for an editor's review."""
