"""The next turn uses the new rules in every process: a save through the admin API here is seen
at once by `get_task_config` in a separate, already-running Python process (as the action
server is), with the in-process cache (marker files) and with Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import Session, select

from app.core.db import get_engine
from app.models import Role, TaskConfig
from tests.unit.test_api_auth import add_staff, auth_header

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

# A stand-in for the action server: reads the task config (through the cache) once at start
# and again for every line it is sent: required fields, optional fields, last blocked date.
READER = textwrap.dedent(
    """
    import sys
    from app.services.config import get_task_config

    def show():
        task = get_task_config("book_service")
        blocked = sorted(map(str, task.blocked_dates))[-1]
        print(",".join(task.required_fields), ",".join(task.optional_fields), blocked, flush=True)

    show()
    for _ in sys.stdin:
        show()
    """
)


class ActionServerStandIn:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", READER],
            cwd=ROOT,
            env=dict(os.environ),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.first = self._line()

    def _line(self) -> str:
        line = self.process.stdout.readline()
        assert line, "the reader process exited early"
        return line.strip()

    def read_again(self) -> str:
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        return self._line()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(params=["in-process cache", "redis"])
def cache_backend(request):
    if request.param == "redis":
        request.getfixturevalue("redis_url")
    return request.param


def test_a_save_reaches_another_running_process_at_once(cache_backend, api_client, seeded):
    editor = auth_header(add_staff(Role.editor))
    reader = ActionServerStandIn()
    try:
        assert reader.first == "service_type,date,time,name,email,phone  2027-12-31"

        # Changed behind the cache's back (no invalidation): the reader keeps its cached copy,
        # which shows it really reads through a cache, so the next step proves invalidation.
        with Session(get_engine()) as session:
            row = session.exec(select(TaskConfig).where(TaskConfig.name == "book_service")).one()
            row.required_fields = ["service_type", "date", "time", "name"]
            session.add(row)
            session.commit()
        assert reader.read_again() == reader.first

        body = api_client.get("/api/config/tasks/book_service", headers=editor).json()
        body["required_fields"] = ["service_type", "date", "time", "name", "email"]
        body["optional_fields"] = ["phone"]
        body["blocked_dates"].append("2028-01-03")
        saved = api_client.put("/api/config/tasks/book_service", headers=editor, json=body)
        assert saved.status_code == 200, saved.text

        assert reader.read_again() == "service_type,date,time,name,email phone 2028-01-03"
        assert api_client.get("/api/config/tasks/book_service", headers=editor).json()[
            "optional_fields"
        ] == ["phone"]
    finally:
        reader.close()
