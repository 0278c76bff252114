"""Robust LSP framing for the language server: a bad frame is dropped, the next one is read.

pygls's own header loop stays deaf for good after a ``Content-Length: abc`` or a
length shorter than its body; ``read_frames`` resynchronises on the next
``Content-Length`` header instead (issue 12).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading

#: a header line ending with ``Content-Length: N`` (searched, so one glued after a bad body is found)
_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,12})[ \t]*\r?\n$", re.IGNORECASE)
#: the largest message body accepted; a bigger Content-Length is dropped (the document limit is far lower)
MAX_FRAME = 64 * 1024 * 1024



class _Pushback:
    """An async reader (``readline``, ``readexactly``) with bytes that can be put back."""

    def __init__(self, reader):
        self.reader = reader
        self.buffer = b""

    async def readline(self) -> bytes:
        if self.buffer:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line, self.buffer = self.buffer[: end + 1], self.buffer[end + 1:]
                return line
            rest, self.buffer = self.buffer, b""
            return rest + await self.reader.readline()
        return await self.reader.readline()

    async def read(self, size: int) -> bytes:
        taken, self.buffer = self.buffer[:size], self.buffer[size:]
        while len(taken) < size:
            more = await self.reader.readexactly(size - len(taken))
            if not more:
                break
            taken += more
        return taken

    def unread(self, data: bytes) -> None:
        self.buffer = data + self.buffer


async def read_frames(stop_event: threading.Event, reader, protocol, logger: logging.Logger | None = None,
                      error_handler=None) -> None:
    """pygls's ``run_async`` message loop, made to survive bad frames (see the module docstring)."""
    from pygls.exceptions import JsonRpcException

    logger = logger or log
    source = _Pushback(reader)
    length: int | None = None
    while not stop_event.is_set():
        line = await source.readline()
        if not line:
            break
        header = _CONTENT_LENGTH.search(line)
        if header is not None:
            if length is None or line.lstrip().lower().startswith(b"content-length"):
                length = int(header.group(1))
            if length > MAX_FRAME:
                logger.warning("dropped a frame announcing %s bytes (more than %s)", length, MAX_FRAME)
                length = None
            continue
        if line.strip() or length is None:
            continue  # another header (Content-Type), or junk between frames
        body = await source.read(length)
        length = None
        if not body:
            break
        try:
            message = json.loads(body, object_hook=protocol.structure_message)
        except Exception:  # noqa: BLE001 - a body that does not match its Content-Length, or not JSON
            glued = body.lower().find(b"content-length")
            if glued >= 0:  # the announced length ran into the next frame: read that frame again
                source.unread(body[glued:])
            logger.warning("dropped a frame that is not a JSON-RPC message (%d bytes)", len(body))
            continue
        try:
            protocol.handle_message(message)
        except Exception as error:  # noqa: BLE001 - as pygls does: log, report, go on
            logger.exception("Unable to handle message")
            if error_handler:
                error_handler(error, JsonRpcException)
