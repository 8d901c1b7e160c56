"""Widgets of the Textual app: the project tree, project view, overview, page table."""
