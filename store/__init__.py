"""The SQLite store: schema, saving, queries and export. Never imports Textual."""
