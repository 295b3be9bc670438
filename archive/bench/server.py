"""Serve the archive with gunicorn as in production, for measuring it from outside."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """Return a port on the loopback interface that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process(process: subprocess.Popen, *, grace: float = 10) -> None:
    """Ask a server process to stop; kill it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()


class Server:
    """A gunicorn process serving the archive on a database of the caller's choice."""

    def __init__(self, *, database_url: str, workers: int = 2) -> None:
        self.port = free_port()
        self._static_root = tempfile.TemporaryDirectory(prefix="archive-bench-static-")
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
            "DEBUG": "0",
            "STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
            # Stylesheets served from the app's folders (no collectstatic into the checkout);
            # an empty STATIC_ROOT of its own, so whitenoise finds the folder it expects.
            "WHITENOISE_USE_FINDERS": "1",
            "STATIC_ROOT": self._static_root.name,
            "LOG_LEVEL": "WARNING",
            # Requests go to 127.0.0.1 whatever the caller's own ALLOWED_HOSTS says.
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "archive.wsgi:application",
                "--config",
                "python:archive.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        """Block until the server answers, or fail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited before it was ready")
            try:
                urllib.request.urlopen(self.base + "/", timeout=5).read()
                return
            except urllib.error.HTTPError as error:  # it answers, but not with the page
                raise RuntimeError(
                    f"gunicorn answered {error.code} {error.reason} for the home page"
                ) from error
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s")

    def worker_pids(self) -> list[int]:
        """Return the pids of gunicorn's workers (the processes that serve requests)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_memory_mb(self) -> float:
        """Return the largest peak resident memory of any worker, in MB (Linux /proc)."""
        peaks = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
            except OSError:
                continue
        return max(peaks, default=0.0)

    def stop(self) -> None:
        stop_process(self.process)
        self._static_root.cleanup()

    def __enter__(self) -> Server:
        try:
            self.wait_ready()
        except BaseException:
            # Not left running: an orphaned server also holds its caller's output pipes open.
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
