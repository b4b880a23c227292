"""The versioned JSON API (/api/v1/), its OpenAPI document generated from the code."""
