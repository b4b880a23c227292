"""Helpers shared by every app: settings parsing, outgoing HTTP, text normalisation."""
