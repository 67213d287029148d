"""Messages parsed in a second process, so that Rasa's event loop gets the other core's help.

Rasa 3.6 parses a message (tokeniser, featurisers, intent classifier: the NLU half of the
model) and predicts the bot's next actions on one event loop, one message at a time. py-spy
under 300 REST conversations (2026-12-06 night) found that loop busy 97% of the time, a quarter
of it parsing, while the machine as a whole used about 1.6 of its 2 cores: every message
waited for every other message's parse. Parsing needs only the message and the model, so it
can run elsewhere.

`NLUProcess` runs the model's NLU in a child process (`python -m addons.nlu_process <model>`,
started by Rasa's process once the model is loaded, or on the first message for a model
loaded later through the HTTP API), talking over the child's stdin and
stdout: each request and each answer is one pickled frame. The child parses with Rasa's own
`MessageProcessor._parse_message_with_graph` on the same model file with the same add-ons,
so the parse is the same; Rasa's `parse_message` then does the rest as before (full retrieval
intents, the debug log, the check for unseen intents and entities). Messages are parsed in
Rasa's own process, as before, while the child loads the model (a few seconds after the
start), while it restarts after dying, when a parse there fails or takes longer than
`PARSE_TIMEOUT`, and for a model whose NLU reads the conversation (Rasa's own parse path
passes it the tracker; the child has none).

The child imports Rasa as its parent does: about 700 MB more resident memory per Rasa
process. On by default for `rasa run` (`addons.serve`); `RASA_NLU_PROCESS=0` turns it off.

Measured (interleaved A/B on one stack, Rasa restarted with the setting on / off / on / off,
300 REST conversations for 90 s each, `loadtests/results/20261206-193042`, `-193256`,
`-193510`, `-193726`): worst step P95 830 / 1500 / 1200 / 1900 ms, 121 / 116 / 109 / 108
messages/s; Rasa's CPU a message (parent and child together) about 5% higher.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import itertools
import logging
import pickle
import struct
import sys
import time
import types
import weakref
from pathlib import Path
from typing import Any, BinaryIO

# As in `addons.serve`: skops before Rasa's imports (the child runs this module first).
import skops.io  # noqa: F401, I001
from rasa.core.channels import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.constants import PLACEHOLDER_TRACKER
from rasa.engine.runner.dask import DaskGraphRunner

logger = logging.getLogger(__name__)

# A parse takes a few milliseconds; one the child has not answered in this time is done here.
PARSE_TIMEOUT = 5.0
# After the child exits, wait this long before starting another (doubling up to the last).
RESTART_DELAYS = (1.0, 2.0, 5.0, 15.0, 60.0)
_HEADER = struct.Struct("!I")
_READY = "ready"

_enabled = False


def enable() -> None:
    """Use a child process for parsing (`addons.serve` calls this for `rasa run`)."""
    global _enabled
    _enabled = True


def _write_frame(stream: BinaryIO, value: Any) -> None:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


def _read_frame(stream: BinaryIO) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(header)
    return pickle.loads(stream.read(length))


class ChildGone(Exception):
    """The child exited (or was stopped) before answering."""


class NLUProcess:
    """The child process that parses for one loaded model (see the module's docstring)."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = Path(model_path).resolve()
        self._process: asyncio.subprocess.Process | None = None
        self._ready = False
        self._starting = False
        self._task: asyncio.Task[None] | None = None  # kept: the loop holds tasks weakly
        self._closed = False
        self._restarts = 0
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._ids = itertools.count()
        self.parsed_by_child = 0
        self.parsed_by_rasa = 0  # the child was not ready, failed or was slow

    @property
    def ready(self) -> bool:
        return self._ready

    async def parse(self, message: UserMessage) -> dict[str, Any] | None:
        """The child's parse of the message, or None when Rasa's process should parse it."""
        if not self._ready:
            self.start_soon()
            self.parsed_by_rasa += 1
            return None
        process = self._process
        assert process is not None and process.stdin is not None
        request_id = next(self._ids)
        try:
            body = pickle.dumps(
                (
                    request_id,
                    message.text,
                    message.sender_id,
                    message.input_channel,
                    message.message_id,
                    message.metadata,
                ),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        except Exception:  # metadata a channel filled with something pickle cannot carry
            self.parsed_by_rasa += 1
            return None
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            process.stdin.write(_HEADER.pack(len(body)) + body)
            parse_data = await asyncio.wait_for(future, PARSE_TIMEOUT)
            self.parsed_by_child += 1
            return parse_data
        except asyncio.TimeoutError:  # noqa: UP041 (Rasa's Python 3.10: not the builtin one)
            logger.warning(
                "The NLU process did not answer within %.0f s: parsing here, restarting it.",
                PARSE_TIMEOUT,
            )
            self._stop_child()
        except (ChildGone, ConnectionError):
            pass
        except Exception as error:  # the parse failed there: Rasa's own will say why
            logger.debug("The NLU process could not parse a message: %s", error)
        finally:
            self._pending.pop(request_id, None)
        self.parsed_by_rasa += 1
        return None

    def close(self) -> None:
        """Stop the child for good (it also exits by itself when Rasa's process does)."""
        self._closed = True
        self._stop_child()

    def start_soon(self) -> None:
        if self._starting or self._closed:
            return
        self._starting = True
        self._task = asyncio.get_running_loop().create_task(self._run_child())

    async def _run_child(self) -> None:
        """Start the child, read its answers until it exits, then start another after a
        pause (unless closed)."""
        try:
            while not self._closed:
                started = time.monotonic()
                await self._serve_one_child()
                if self._closed:
                    return
                if time.monotonic() - started > 300:
                    self._restarts = 0  # it ran for a while: a fresh failure, not a loop
                delay = RESTART_DELAYS[min(self._restarts, len(RESTART_DELAYS) - 1)]
                self._restarts += 1
                logger.warning("The NLU process exited; starting another in %.0f s.", delay)
                await asyncio.sleep(delay)
        finally:
            self._starting = False

    async def _serve_one_child(self) -> None:
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "addons.nlu_process",
                str(self.model_path),
                cwd=str(Path(__file__).resolve().parents[1]),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                limit=2**24,
            )
        except OSError as error:
            logger.warning("Could not start the NLU process: %s", error)
            return
        self._process = process
        assert process.stdout is not None
        try:
            while True:
                header = await process.stdout.readexactly(_HEADER.size)
                (length,) = _HEADER.unpack(header)
                answer = pickle.loads(await process.stdout.readexactly(length))
                if answer == _READY:
                    self._ready = True
                    logger.info("Parsing messages in the NLU process (pid %s).", process.pid)
                    continue
                request_id, parse_data, error = answer
                future = self._pending.get(request_id)
                if future is None or future.done():
                    continue  # timed out meanwhile: parsed here already
                if error is None:
                    future.set_result(parse_data)
                else:
                    future.set_exception(RuntimeError(error))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the child exited
        except Exception:
            logger.exception("The NLU process's answer could not be read; replacing it.")
        finally:
            self._ready = False
            self._process = None
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ChildGone())
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    def _stop_child(self) -> None:
        self._ready = False
        process = self._process
        if process is not None:
            with contextlib.suppress(ProcessLookupError):  # exited meanwhile
                process.kill()  # its reader then fails what is pending and restarts it


def _graph_reads_tracker(processor: MessageProcessor) -> bool:
    runner = processor.graph_runner
    if not isinstance(runner, DaskGraphRunner):
        return True  # a runner this module does not know: keep Rasa's own way
    schema = runner._graph_schema.minimal_graph_schema([processor.model_metadata.nlu_target])
    return any(PLACEHOLDER_TRACKER in node.needs.values() for node in schema.nodes.values())


def start(processor: MessageProcessor) -> None:
    """Start the processor's NLU process now rather than on its first message."""
    nlu = process_for(processor)
    if nlu is not None:
        nlu.start_soon()


def process_for(processor: MessageProcessor) -> NLUProcess | None:
    """The processor's NLU process, made on first use; None when parsing stays in Rasa's."""
    if not _enabled or processor.http_interpreter is not None:
        return None
    if "_nlu_process" not in processor.__dict__:
        nlu: NLUProcess | None = None
        if not _graph_reads_tracker(processor):
            nlu = NLUProcess(processor.model_path)
            weakref.finalize(processor, nlu.close)  # a model replaced at run time
        processor.__dict__["_nlu_process"] = nlu
    return processor.__dict__["_nlu_process"]


# The parse the child made for the message being handled in this task.
_parsed: contextvars.ContextVar[tuple[UserMessage, dict[str, Any]] | None] = contextvars.ContextVar(
    "nlu_process_parsed", default=None
)
_original_parse_message = MessageProcessor.parse_message
_original_parse_with_graph = MessageProcessor._parse_message_with_graph


async def parse_message(
    self: MessageProcessor,
    message: UserMessage,
    tracker: Any = None,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    """`MessageProcessor.parse_message`, with the graph's part done by the NLU process."""
    nlu = process_for(self) if only_output_properties and not _blank(message) else None
    parsed = await nlu.parse(message) if nlu is not None else None
    if parsed is None:
        return await _original_parse_message(self, message, tracker, only_output_properties)
    token = _parsed.set((message, parsed))
    try:
        return await _original_parse_message(self, message, tracker, only_output_properties)
    finally:
        _parsed.reset(token)


def parse_with_graph(
    self: MessageProcessor,
    message: UserMessage,
    tracker: Any,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    """`MessageProcessor._parse_message_with_graph`: the child's parse when it made one; a blank
    message is not run through the graph."""
    if _blank(message):
        return blank_parse(message)
    parsed = _parsed.get()
    if parsed is not None and parsed[0] is message and only_output_properties:
        return parsed[1]
    return _original_parse_with_graph(self, message, tracker, only_output_properties)


def _blank(message: UserMessage) -> bool:
    return not (message.text or "").strip()


def blank_parse(message: UserMessage) -> dict[str, Any]:
    """A message with no text (or only spaces) is `nlu_fallback`, for certain.

    The pipeline's intent classifier cannot read one: the regex featuriser gives a message
    without tokens no sentence features, so the classifier is handed fewer columns than it was
    trained on and raises, and Rasa's REST channel answered such a message with nothing (the
    widget never sends one; the public webhook can). As the fallback, it is answered by
    `action_answer_question`, which asks for the question (and a form asks its question again).
    """
    fallback = {"name": "nlu_fallback", "confidence": 1.0}
    return {
        "text": message.text or "",
        "intent": fallback,
        "entities": [],
        "intent_ranking": [dict(fallback)],
    }


def apply() -> None:
    MessageProcessor.parse_message = parse_message
    MessageProcessor._parse_message_with_graph = parse_with_graph


def child_main(model_path: str) -> None:
    """The child: load the model's graph, then parse each message that comes in on stdin and
    answer on stdout, until stdin closes (Rasa's process stopped)."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # the frames alone go to stdout; anything printed goes to the log
    _, metadata, runner = MessageProcessor._load_model(model_path)
    model = types.SimpleNamespace(graph_runner=runner, model_metadata=metadata)
    from addons import collector

    collector.install()  # as in Rasa's process: the loaded model kept out of full collections
    _write_frame(answers, _READY)
    while True:
        request = _read_frame(requests)
        if request is None:
            return
        request_id, text, sender_id, input_channel, message_id, message_metadata = request
        message = UserMessage(
            text,
            None,
            sender_id,
            input_channel=input_channel,
            message_id=message_id,
            metadata=message_metadata,
        )
        try:
            answer = (request_id, _original_parse_with_graph(model, message, None), None)
        except Exception as error:
            answer = (request_id, None, f"{type(error).__name__}: {error}")
        _write_frame(answers, answer)


if __name__ == "__main__":
    from addons import patches  # the same add-ons as Rasa's process

    patches.apply()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    child_main(sys.argv[1])
