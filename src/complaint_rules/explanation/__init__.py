"""A decision in plain words, and why every other rule did not apply."""
