"""A document's stage as stored ("draft", "final") and as a person reads it (草案, 终稿 in
Chinese). One light module, so that a command that only names a stage (import's summary, verify's
problems, ls) loads neither compare nor the checks for it."""

from __future__ import annotations

from jixiao.i18n import N_, _

STAGE_WORDS = {"draft": N_("draft"), "final": N_("final")}


def stage_word(stage: str) -> str:
    """The stage in the interface's language; one jixiao does not know, as stored. JSON and CSV
    keep the stored key."""
    return _(STAGE_WORDS[stage]) if stage in STAGE_WORDS else stage
