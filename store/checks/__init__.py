"""Review checks: find what does not add up in a document. Each check is a pure function of
a loaded document; docs/checks.md explains every code."""
