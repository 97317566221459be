"""Reports of any issuer: issuer, number, date, citations and dated events."""
