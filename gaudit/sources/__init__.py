"""Input sources other than plain text."""
