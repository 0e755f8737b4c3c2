"""Shared fixtures: where ../shared is, and skipping what needs it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))

# textstat must never reach the network for its English dictionary.
os.environ.setdefault("NLTK_DATA", str(ROOT / ".no-nltk-data"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared ({path} is absent)")
    return path


@pytest.fixture
def shared():
    """Callable fixture: ``shared("data", "quotes", "dev")`` or a skip."""
    return shared_path
