"""The HTML report in a real browser: Debian's headless Chromium, driven over the DevTools protocol.

For each example the report is written, opened through ``file://`` and checked:
the coverage matrix has its empty cells, a highlighted span wraps the exact
text of its finding, the console stays clean and no request leaves
``file://``.  Screenshots are taken at desktop (1280 px) and phone (390 px)
widths; with ``CAMPAIGNLINT_SCREENSHOTS=DIR`` one screenshot of each view is
also written to DIR (that is how ``docs/report-*.png`` are made).

Skipped, with the reason, when ``/usr/bin/chromium`` (or ``chromium`` on the
PATH) is missing: ``.ci/run`` installs it.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli

websockets_sync = pytest.importorskip("websockets.sync.client", reason="the `websockets` package is needed")

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (apt-get install chromium; .ci/run does it)"),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0"]


class Browser:
    """A headless Chromium and one page, spoken to in raw DevTools protocol (JSON over a websocket)."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="campaignlint-chromium-")
        self.process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                url = found.group(1)
                break
            if not line and self.process.poll() is not None:
                break
        if url is None:
            self.close()
            raise RuntimeError("chromium did not start its DevTools endpoint")
        self._connection = websockets_sync.connect(url, max_size=64 * 2**20, open_timeout=30)
        self.socket = self._connection.__enter__()
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, session: bool = False, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv(timeout=60))
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while time.monotonic() < deadline:
            event = json.loads(self.socket.recv(timeout=deadline - time.monotonic()))
            if event.get("method") == method:
                return event
            self.events.append(event)
        raise TimeoutError(method)

    def open(self, url: str, width: int, height: int = 900, mobile: bool = False) -> None:
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, selector: str | None = None, max_height: int = 1600) -> None:
        """A PNG of the page, or of the box around every element ``selector`` matches."""
        if selector:
            box = self.js(f"(() => {{ scrollTo(0, 0);"
                          f"const boxes = [...document.querySelectorAll({json.dumps(selector)})]"
                          ".map(e => e.getBoundingClientRect());"
                          "const x = Math.min(...boxes.map(b => b.left)), y = Math.min(...boxes.map(b => b.top));"
                          "return {x: x, y: y, width: Math.max(...boxes.map(b => b.right)) - x,"
                          " height: Math.max(...boxes.map(b => b.bottom)) - y}; })()")
        else:
            box = self.js("({x: 0, y: 0, width: document.documentElement.scrollWidth,"
                          " height: document.documentElement.scrollHeight})")
        clip = {"x": max(0, box["x"] - 8), "y": max(0, box["y"] - 8), "width": box["width"] + 16,
                "height": min(box["height"] + 16, max_height), "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, format="png", clip=clip,
                         captureBeyondViewport=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def problems(self) -> tuple[list[str], list[str]]:
        """(console errors, URLs requested that are not file://) since the last ``open``."""
        errors, requests = [], []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(str(params["exceptionDetails"].get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(("file://", "data:")):
                    requests.append(url)
        return errors, requests

    def close(self) -> None:
        try:
            if getattr(self, "socket", None) is not None:
                self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    handle = Browser()
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    made = {}
    for name in ("verdure", "northwind", "flawed"):
        target = folder / f"{name}.html"
        result = run_cli("report", f"examples/{name}", "-o", str(target), "--no-cache", cwd=REPO)
        assert result.returncode == 0, result.stderr
        made[name] = target
    return made


SHOTS = Path(tempfile.gettempdir()) / "campaignlint-report-shots"


@pytest.mark.parametrize("name", ["verdure", "northwind", "flawed"])
def test_report_in_chromium(browser, reports, name):
    url = reports[name].as_uri()
    SHOTS.mkdir(exist_ok=True)
    for width, label, mobile in ((1280, "desktop", False), (390, "phone", True)):
        browser.open(url, width, mobile=mobile)
        errors, requests = browser.problems()
        assert errors == [], errors
        assert requests == [], requests
        assert browser.js("document.querySelectorAll('table.matrix').length") >= 2
        # nothing wider than the screen: tables scroll inside their own box
        overflow = browser.js("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{name} at {width}px is {overflow}px too wide"
        browser.screenshot(SHOTS / f"{name}-{label}.png")
        assert (SHOTS / f"{name}-{label}.png").stat().st_size > 10_000
    views = browser.js("[...document.querySelectorAll('section.view')].map(s => s.id.replace(/^campaign-\\d+-/, ''))")
    assert {"summary", "coverage", "calendar", "messages", "budget"} <= set(views)


def test_empty_cells_are_marked_in_text(browser, reports):
    browser.open(reports["flawed"].as_uri(), 1280)
    cells = browser.js("[...document.querySelectorAll('table.matrix td.empty')].map(td => td.textContent.trim())")
    assert cells, "the flawed campaign leaves stages empty"
    assert all(text for text in cells), "an empty cell says so in words, not only in colour"
    gaps = browser.js("[...document.querySelectorAll('table.matrix td.gap')].map(td => td.textContent.trim())")
    assert gaps and all("Gap" in text for text in gaps)


def test_highlight_wraps_the_finding_text(browser, reports):
    browser.open(reports["flawed"].as_uri(), 1280)
    wrapped = browser.js("[...document.querySelectorAll('mark[data-codes~=M002]')].map(m => m.textContent).join('')")
    assert wrapped == "RENTREE25"
    # the description is reachable: focus shows the message and the fix
    shown = browser.js("""(() => { const m = document.querySelector('mark[data-codes~=C004]'); m.focus();
        const tip = document.getElementById(m.getAttribute('aria-describedby'));
        return [getComputedStyle(tip).display, tip.textContent]; })()""")
    assert shown[0] != "none"
    assert "#rentree" in shown[1] and "--fix" in shown[1]
    if os.environ.get("CAMPAIGNLINT_SCREENSHOTS"):
        target = Path(os.environ["CAMPAIGNLINT_SCREENSHOTS"])
        browser.screenshot(target / "report-messages.png", "#msg-1", max_height=1100)


def test_script_is_optional(browser, reports):
    """The page works without JavaScript: the filter is the only scripted part and is hidden without it."""
    browser.call("Emulation.setScriptExecutionDisabled", session=True, value=True)
    try:
        browser.open(reports["flawed"].as_uri(), 1280)
        assert browser.js("getComputedStyle(document.querySelector('.filter')).display") == "none"
        assert browser.js("document.querySelectorAll('mark').length") > 5
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", session=True, value=False)


def test_view_screenshots(browser, reports):
    """One screenshot of each view (written to CAMPAIGNLINT_SCREENSHOTS when set, for docs/)."""
    target = Path(os.environ.get("CAMPAIGNLINT_SCREENSHOTS") or SHOTS)
    target.mkdir(exist_ok=True)
    browser.open(reports["flawed"].as_uri(), 1280)
    browser.screenshot(target / "report-summary.png", "header.top, #summary", max_height=1300)
    browser.screenshot(target / "report-coverage.png", "#campaign-1-coverage", max_height=1100)
    browser.open(reports["verdure"].as_uri(), 1280)
    browser.screenshot(target / "report-calendar.png", "#campaign-1-calendar", max_height=1300)
    browser.screenshot(target / "report-budget.png", "#campaign-1-budget", max_height=1100)
    browser.open(reports["flawed"].as_uri(), 390, mobile=True)
    browser.screenshot(target / "report-phone.png", "header.top, nav.toc, #summary", max_height=1400)
    for name in ("summary", "coverage", "calendar", "budget", "phone"):
        assert 5_000 < (target / f"report-{name}.png").stat().st_size < 300_000


def test_print_stylesheet(browser, reports):
    """Printed, the navigation and the tooltips go away and every problem list stays."""
    browser.open(reports["flawed"].as_uri(), 1280)
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        assert browser.js("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
        assert browser.js("getComputedStyle(document.querySelector('.hl .tip')).display") == "none"
        assert browser.js("[...document.querySelectorAll('li.finding')].every(li => li.offsetHeight > 0)")
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
