"""Official travel advisories: issuers' documents parsed into items, resolved, stored."""
