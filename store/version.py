"""The schema version this jixiao writes, apart from the migrations so that a read-only
command can check a store's version without loading SQLAlchemy (store/listing.py)."""

from __future__ import annotations

SCHEMA_VERSION = 7
