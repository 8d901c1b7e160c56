"""Textual bindings from the action registry."""

from __future__ import annotations

from textual.binding import Binding

from jixiao.tui.actions import Action


def bindings(actions: tuple[Action, ...]) -> list[Binding]:
    return [
        Binding(a.keys, a.action, a.description, show=a.show, id=a.id, priority=a.priority)
        for a in actions
    ]
