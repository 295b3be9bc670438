"""Fixtures for tests that run the archive in other processes (servers, imports)."""

from __future__ import annotations

import sqlite3
import uuid

import psycopg
import pytest
from django.db import connection


@pytest.fixture
def scratch_database(tmp_path):
    """A database of its own (the subprocesses cannot see the test's transaction)."""
    if connection.vendor == "postgresql":
        name = f"archive_fault_{uuid.uuid4().hex[:8]}"
        params = connection.settings_dict
        host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
        admin = psycopg.connect(
            host=host,
            port=port,
            user=params["USER"],
            dbname="postgres",
            autocommit=True,
        )
        admin.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://{params['USER']}@{host}:{port}/{name}"

        def count(sql: str) -> int:
            with psycopg.connect(url) as conn:
                return conn.execute(sql).fetchone()[0]

        yield url, count
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()
    else:
        path = tmp_path / "fault.sqlite3"

        def count(sql: str) -> int:
            with sqlite3.connect(path, timeout=20) as conn:
                return conn.execute(sql).fetchone()[0]

        yield f"sqlite:///{path}", count
