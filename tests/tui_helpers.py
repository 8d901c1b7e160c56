"""Driving the real app with Pilot and reading the screen as a person would."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from textual.pilot import Pilot

from jixiao.store.handle import open_handle
from jixiao.tui.app import JixiaoApp


def make_app(path: Path, reviewer: str = "tester", **kwargs: object) -> JixiaoApp:
    return JixiaoApp(open_handle(path), reviewer, **kwargs)  # type: ignore[arg-type]


def screen_text(pilot: Pilot[None]) -> str:
    """Every line of the terminal as it is drawn now (the compositor's output)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def marks(engine: Engine) -> list[tuple[int, int | None, str | None, str, str]]:
    with engine.connect() as connection:
        return [
            tuple(row)  # type: ignore[misc]
            for row in connection.exec_driver_sql(
                "SELECT p.ordinal, m.indicator_id, m.state, m.note, m.reviewer "
                "FROM review_mark AS m JOIN project AS p ON p.id = m.project_id ORDER BY p.ordinal"
            )
        ]
