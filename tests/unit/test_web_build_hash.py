"""The frontend is rebuilt only when what it is built from changed (a warm `make up`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.web_build import web_build_hash, web_build_inputs, web_build_needed

ENV = {"APP_PORT": "3000", "PUBLIC_URL": "http://localhost:3000", "REFLEX_SSR": "false"}


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    files = {
        "rxconfig.py": "config = 1\n",
        "app/app.py": "app = 1\n",
        "app/pages/widget.py": "page = 1\n",
        "app/state/widget.py": "state = 1\n",
        "app/services/rasa_client.py": "service = 1\n",
        "app/api/main.py": "api = 1\n",
        "assets/logo.svg": "<svg/>",
        "reflex.lock/package.json": "{}",
        "requirements/main.lock": "reflex==0.10\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def built(root: Path, digest: str | None) -> tuple[Path, Path]:
    build_dir = root / ".web" / "build" / "client"
    build_dir.mkdir(parents=True)
    (build_dir / "index.html").write_text("<html></html>")
    stamp = root / ".web" / "build" / "chatbot-inputs.sha256"
    if digest is not None:
        stamp.write_text(digest + "\n")
    return build_dir, stamp


def test_unchanged_inputs_skip_the_build(checkout: Path) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    assert not web_build_needed(web_build_hash(dict(ENV), checkout), build_dir, stamp)


@pytest.mark.parametrize(
    "changed",
    [
        "rxconfig.py",
        "app/pages/widget.py",
        "app/state/widget.py",
        "assets/logo.svg",
        "reflex.lock/package.json",
        "requirements/main.lock",
    ],
)
def test_a_changed_source_rebuilds(checkout: Path, changed: str) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    with (checkout / changed).open("a") as file:
        file.write("# changed\n")
    assert web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)


def test_a_new_page_rebuilds(checkout: Path) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    (checkout / "app" / "pages" / "new.py").write_text("page = 2\n")
    assert web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)


@pytest.mark.parametrize(
    "env",
    [
        {**ENV, "APP_PORT": "3900"},
        {**ENV, "PUBLIC_URL": "https://bot.example.com"},
        {**ENV, "REFLEX_API_URL": "https://localhost:8443"},
    ],
)
def test_a_changed_baked_setting_rebuilds(checkout: Path, env: dict[str, str]) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    assert web_build_needed(web_build_hash(env, checkout), build_dir, stamp)


def test_backend_only_changes_and_other_env_skip_the_build(checkout: Path) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    (checkout / "app" / "services" / "rasa_client.py").write_text("service = 2\n")
    (checkout / "app" / "api" / "main.py").write_text("api = 2\n")
    env = {**ENV, "DATABASE_URL": "postgresql://elsewhere/db", "RASA_PORT": "5905"}
    assert not web_build_needed(web_build_hash(env, checkout), build_dir, stamp)


def test_a_missing_build_rebuilds_even_with_a_matching_stamp(checkout: Path) -> None:
    build_dir, stamp = built(checkout, web_build_hash(ENV, checkout))
    (build_dir / "index.html").unlink()
    assert web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)


def test_a_build_without_a_stamp_rebuilds(checkout: Path) -> None:
    build_dir, stamp = built(checkout, None)  # e.g. built by older code, or interrupted
    assert web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)


def test_the_inputs_are_the_frontend_sources(checkout: Path) -> None:
    names = {p.relative_to(checkout).as_posix() for p in web_build_inputs(checkout)}
    assert "app/pages/widget.py" in names and "rxconfig.py" in names
    assert "app/services/rasa_client.py" not in names and "app/api/main.py" not in names


def test_the_lock_as_committed_or_as_the_build_rewrote_it_both_skip(checkout: Path) -> None:
    before = web_build_hash(ENV, checkout)
    lock = checkout / "reflex.lock" / "package.json"
    lock.write_text('{"rewritten": "by the build"}')
    after = web_build_hash(ENV, checkout)
    build_dir, stamp = built(checkout, f"{before}\n{after}")
    assert not web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)
    lock.write_text("{}")  # git checkout reflex.lock
    assert not web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)
    lock.write_text('{"another": "version"}')
    assert web_build_needed(web_build_hash(ENV, checkout), build_dir, stamp)
