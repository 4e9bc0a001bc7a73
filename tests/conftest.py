"""Shared test switches: ``--fuzz`` for the long runs, and the seed reports beside the repository.

Tests marked ``fuzz`` (the marker is declared in pyproject.toml) are skipped
unless pytest runs with ``--fuzz``.  The Hypothesis profile ``gaudit`` holds
the number of examples the robustness tests try: modest by default so that
the normal run stays quick, many more under ``--fuzz``.  It is registered
here, not loaded globally, so that other test files keep their own settings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

#: Examples per robustness test in the default run, and with --fuzz.
DEFAULT_EXAMPLES = 40
FUZZ_EXAMPLES = 2_000


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz", action="store_true", default=False,
                     help="run the long fuzzing tests (marked 'fuzz') and more Hypothesis examples")


def pytest_configure(config: pytest.Config) -> None:
    fuzz = bool(config.getoption("--fuzz"))
    examples = FUZZ_EXAMPLES if fuzz else DEFAULT_EXAMPLES
    # The default run tries the same inputs every time and keeps no example database;
    # --fuzz explores afresh and remembers what failed.
    base = settings(
        max_examples=examples,
        deadline=None,  # the whole pipeline runs per example; timing varies on shared machines
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.register_profile("gaudit", base if fuzz else settings(base, derandomize=True, database=None))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--fuzz"):
        return
    skip = pytest.mark.skip(reason="long fuzzing run: enable with --fuzz")
    for item in items:
        if "fuzz" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def seeds_dir() -> Path:
    """The five real seed reports kept beside the repository; skips when they are absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    return SEEDS
