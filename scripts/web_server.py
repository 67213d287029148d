"""Serve the Reflex app (pages, backend, the /api routers) in one process on APP_PORT.

`reflex run --env prod` builds the frontend and then serves it from Granian's main process,
which forks the worker that answers. When that main process is killed, the worker is
orphaned and keeps the port; supervisord's restart then fails with "Address already in use",
and even a clean restart rebuilds the frontend (a minute or more on a busy machine) before
the app answers again. So the two jobs are split: `make up` builds the frontend once while
preparing (`reflex export --frontend-only`, see `Stack.build_web`), and supervisord runs this
module, where uvicorn serves the built frontend and the backend from the very process
supervisord started. A crash frees the port with the process and the restart takes seconds.

One process is what `reflex run --env prod` ran without Redis too (one worker); with Redis,
capacity comes from several web programs behind the gateway rather than from forks.
"""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn
from reflex.utils import exec as reflex_exec
from reflex_base import constants
from reflex_base.config import get_config
from reflex_base.environment import environment


def serve_pages_from(web_dir: Path) -> None:
    """Mount the built pages from `web_dir` (`<web_dir>/build/client`) instead of `.web/`.

    `Stack.build_web` copies each build to the stack's own `run/web/`: the checkout's `.web/`
    is rebuilt for whichever stack starts next, with that stack's addresses baked in. Only the
    frontend mount reads from here; everything else Reflex keeps in `.web/` stays there."""
    build_mount = reflex_exec.get_frontend_mount

    def mount(router=None):
        before = os.environ.get("REFLEX_WEB_WORKDIR")
        os.environ["REFLEX_WEB_WORKDIR"] = str(web_dir)
        try:
            return build_mount(router=router)
        finally:
            if before is None:
                os.environ.pop("REFLEX_WEB_WORKDIR", None)
            else:
                os.environ["REFLEX_WEB_WORKDIR"] = before

    reflex_exec.get_frontend_mount = mount


def main() -> None:
    # What `reflex run --env prod` sets before it serves: production mode, no compiling (the
    # build step did it; compiling here would rewrite .web/ under a running app), and the
    # built pages mounted on the backend so that one port serves both.
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(True)
    pages = Path(os.environ.get("VAR_DIR", "var")) / "run" / "web"
    if (pages / constants.Dirs.STATIC).is_dir():
        serve_pages_from(pages.resolve())

    config = get_config()  # rxconfig.py: the port is APP_PORT
    uvicorn.run(
        f"{config.module}:{constants.CompileVars.APP}",  # app.app:app, as `reflex run` names it
        factory=True,  # calling the rx.App returns the ASGI app
        host=config.backend_host,
        port=config.backend_port,
        log_level="warning",
        # supervisord sends SIGKILL 15 s after SIGTERM; finish open requests before that.
        timeout_graceful_shutdown=10,
    )


if __name__ == "__main__":
    main()
