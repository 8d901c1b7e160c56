"""Compare two documents: pair their units and projects, then report what changed."""
