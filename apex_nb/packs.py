"""Constants packs: versioned YAML/CSV files under ``packs/`` with their sources.

Layout: ``packs/<name>/<version>.yaml`` (or ``.csv``). A YAML pack is a mapping with a
``pack`` header and a ``data`` body. A CSV pack starts with ``#``-prefixed lines that hold the
same header as YAML, followed by the CSV table. ``packs/packs.lock`` pins the sha256 of every
pack file (``<sha256>  <relative path>`` per line, like ``sha256sum``); a file whose bytes do not
match its lock line fails to load with an error naming the file.

The loader validates the header (``PackHeader``) and the body against the schema named in the
header (``apex_nb.pack_schemas.SCHEMAS``), hashes the exact bytes, and caches by
(path, size, mtime) so a batch run reads each file once.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from apex_nb.canonical import file_sha256
from apex_nb.errors import PackError

LOCK_NAME = "packs.lock"
PACK_SUFFIXES = (".yaml", ".csv")
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


_BUNDLED_PACKS = Path(__file__).resolve().parent.parent / "packs"  # resolved once: every top-level solve asks


def default_packs_root() -> Path:
    """The packs folder: ``$APEX_NB_PACKS`` when set, else ``packs/`` beside the package."""
    env = os.environ.get("APEX_NB_PACKS")
    return Path(env) if env else _BUNDLED_PACKS


class Source(BaseModel):
    """One citation: which document a table or value comes from."""

    model_config = ConfigDict(extra="forbid")
    id: str
    citation: str
    tables: list[str] = Field(default_factory=list, description="Tables or values this source backs")


class PackHeader(BaseModel):
    """The header every pack carries: identity, provenance and what is not yet verified."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=_NAME.pattern)
    version: str = Field(pattern=_SEMVER.pattern)
    title: str
    standard: str
    edition: str
    schema_id: str = Field(alias="schema", description="Key into apex_nb.pack_schemas.SCHEMAS")
    sources: list[Source] = Field(min_length=1)
    unverified: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class PackRef:
    """What an envelope records about a pack it read."""

    name: str
    version: str
    sha256: str

    def as_dict(self) -> dict[str, str]:
        """JSON form used in envelopes."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True)
class Pack:
    """A loaded, verified pack: header, validated data and the sha256 of its exact bytes."""

    header: PackHeader
    data: Any
    sha256: str
    path: Path

    @property
    def ref(self) -> PackRef:
        """The (name, version, sha256) triple an envelope records."""
        return PackRef(self.header.name, self.header.version, self.sha256)


def version_key(version: str) -> tuple[int, int, int]:
    """Sort key of a semver string (major, minor, patch)."""
    match = _SEMVER.match(version)
    if not match:
        raise PackError(f"pack version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


# Process-wide caches keyed by (path, size, mtime): a changed file is always re-read and
# re-verified, an unchanged one is parsed once per process (batch runs solve thousands of times).
_LOCK_CACHE: dict[Path, tuple[tuple[int, int], dict[str, str]]] = {}
_PACK_CACHE: dict[tuple[Path, str], tuple[tuple[int, int], Pack]] = {}


_GET_CACHE: dict[tuple[str, str, str | None], tuple[tuple[int, int], tuple[int, int], Pack]] = {}
#: Packs already read in the current top-level solve (None: outside a solve). One solve reads
#: one consistent set of pack files, and a design's dozens of sub-solves skip the file stamps.
_SNAPSHOT: ContextVar[dict[tuple[str, str, str | None], Pack] | None] = ContextVar("apex_nb_packs", default=None)


@contextmanager
def pack_snapshot() -> Iterator[None]:
    """Within the block, each pack is stamped against its file once (nested blocks share it)."""
    if _SNAPSHOT.get() is not None:
        yield
        return
    token = _SNAPSHOT.set({})
    try:
        yield
    finally:
        _SNAPSHOT.reset(token)


def _os_stamp(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def read_lock(root: Path) -> dict[str, str]:
    """Map relative pack path -> pinned sha256 from ``packs.lock`` (cached while unchanged)."""
    lock_path = root / LOCK_NAME
    if not lock_path.is_file():
        raise PackError(f"{lock_path}: packs.lock is missing (run `apex-nb packs lock`)")
    stamp = _stamp(lock_path)
    cached = _LOCK_CACHE.get(lock_path)
    if cached and cached[0] == stamp:
        return dict(cached[1])
    pins = _parse_lock(lock_path)
    _LOCK_CACHE[lock_path] = (stamp, pins)
    return dict(pins)


_VERSIONS_CACHE: dict[Path, tuple[tuple[int, int], dict[str, tuple[str, ...]]]] = {}


def _versions_by_name(root: Path) -> dict[str, tuple[str, ...]]:
    """Pack name -> locked versions (oldest first), cached with the lock."""
    read_lock(root)
    lock_path = root / LOCK_NAME
    stamp = _LOCK_CACHE[lock_path][0]
    cached = _VERSIONS_CACHE.get(lock_path)
    if cached and cached[0] == stamp:
        return cached[1]
    found: dict[str, set[str]] = {}
    for rel in _LOCK_CACHE[lock_path][1]:
        path = Path(rel)
        if _SEMVER.match(path.stem):
            found.setdefault(path.parent.as_posix(), set()).add(path.stem)
    table = {name: tuple(sorted(vs, key=version_key)) for name, vs in found.items()}
    _VERSIONS_CACHE[lock_path] = (stamp, table)
    return table


def _parse_lock(lock_path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for number, line in enumerate(lock_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            raise PackError(f"{lock_path}:{number}: expected '<sha256>  <path>', got {line!r}")
        pins[parts[1]] = parts[0]
    return pins


def pack_files(root: Path) -> list[Path]:
    """Every pack file under ``root`` (``<name>/<version>.yaml|csv``), sorted."""
    return sorted(p for p in root.glob("*/*") if p.suffix in PACK_SUFFIXES and _SEMVER.match(p.stem) and p.is_file())


def write_lock(root: Path) -> Path:
    """Rewrite ``packs.lock`` from the pack files present (after a reviewed pack change)."""
    lines = ["# sha256 of every pack file; regenerate with `apex-nb packs lock` after review."]
    for path in pack_files(root):
        lines.append(f"{file_sha256(path.read_bytes())}  {path.relative_to(root).as_posix()}")
    lock_path = root / LOCK_NAME
    lock_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lock_path


def _split_csv_header(text: str, path: Path) -> tuple[str, str]:
    """Split a CSV pack into its ``#`` YAML header and its CSV body."""
    header_lines: list[str] = []
    body_start = 0
    lines = text.splitlines(keepends=True)
    for body_start, line in enumerate(lines):  # noqa: B007 - index used after loop
        if not line.startswith("#"):
            break
        header_lines.append(line[2:] if line.startswith("# ") else line[1:])
    else:
        body_start = len(lines)
    if not header_lines:
        raise PackError(f"{path}: CSV pack has no '# ' header lines")
    return "".join(header_lines), "".join(lines[body_start:])


#: libyaml's parser with PyYAML's safe constructor and resolver (the same Python objects as
#: ``yaml.safe_load``, about 6x faster: loading the packs was ~0.3 s of every new worker process).
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_SAFE_LOADER)


def _parse(path: Path, raw: bytes) -> tuple[dict[str, Any], Any]:
    """Parse a pack file into (header mapping, raw data)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not UTF-8 ({exc})") from exc
    try:
        if path.suffix == ".csv":
            header_text, body = _split_csv_header(text, path)
            header = _load_yaml(header_text)
            rows = list(csv.DictReader(io.StringIO(body)))
            return (header or {}).get("pack", {}), rows
        document = _load_yaml(text)
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: invalid YAML ({exc})") from exc
    if not isinstance(document, dict) or "pack" not in document or "data" not in document:
        raise PackError(f"{path}: a YAML pack needs top-level 'pack' and 'data' keys")
    return document["pack"], document["data"]


def _describe(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()[:10])


@dataclass
class PackLibrary:
    """Finds, verifies and caches packs under one root; callers may pin versions by name."""

    root: Path = field(default_factory=default_packs_root)
    pins: dict[str, str] = field(default_factory=dict)

    def versions(self, name: str) -> list[str]:
        """Locked versions of pack ``name``, oldest first."""
        return list(_versions_by_name(self.root).get(name, ()))

    def names(self) -> list[str]:
        """Every pack name in the lock."""
        return sorted({Path(rel).parent.as_posix() for rel in read_lock(self.root)})

    def path_of(self, name: str, version: str) -> Path:
        """The file of one pack version (YAML or CSV)."""
        for suffix in PACK_SUFFIXES:
            candidate = self.root / name / f"{version}{suffix}"
            if candidate.is_file():
                return candidate
        raise PackError(f"pack {name} {version}: no file {self.root / name}/{version}.yaml|csv")

    def get(self, name: str, version: str | None = None) -> Pack:
        """Load pack ``name`` at ``version`` (else the caller's pin, else the newest locked one)."""
        wanted = version or self.pins.get(name)
        root = str(self.root)
        key = (root, name, wanted)
        snapshot = _SNAPSHOT.get()
        if snapshot is not None and key in snapshot:
            return snapshot[key]
        hit = _GET_CACHE.get(key)
        if hit is not None:  # fast path: neither the lock nor the file changed since
            lock_stamp, file_stamp, pack = hit
            try:
                if _os_stamp(os.path.join(root, LOCK_NAME)) == lock_stamp and _os_stamp(str(pack.path)) == file_stamp:
                    if snapshot is not None:
                        snapshot[key] = pack
                    return pack
            except OSError:
                pass
        pack = self._get_slow(name, wanted)
        _GET_CACHE[key] = (_os_stamp(os.path.join(root, LOCK_NAME)), _os_stamp(str(pack.path)), pack)
        if snapshot is not None:
            snapshot[key] = pack
        return pack

    def _get_slow(self, name: str, wanted: str | None) -> Pack:
        if wanted is None:
            available = self.versions(name)
            if not available:
                raise PackError(f"pack {name!r} is not in {self.root / LOCK_NAME}")
            wanted = available[-1]
        return self.load_file(self.path_of(name, wanted))

    def load_file(self, path: Path) -> Pack:
        """Load and verify one pack file against the lock, its header schema and body schema."""
        from apex_nb.pack_schemas import SCHEMAS  # local: schemas import solver-side models

        rel = path.relative_to(self.root).as_posix()
        pinned = read_lock(self.root).get(rel)
        key = (path.resolve(), pinned or "")
        stamp = _stamp(path)
        cached = _PACK_CACHE.get(key)
        if cached and cached[0] == stamp and pinned is not None:
            return cached[1]
        raw = path.read_bytes()
        sha = file_sha256(raw)
        if pinned is None:
            raise PackError(f"{path}: pack file is not listed in {self.root / LOCK_NAME}")
        if pinned != sha:
            raise PackError(f"{path}: sha256 {sha} does not match packs.lock ({pinned}); the file was changed")
        header_raw, data_raw = _parse(path, raw)
        try:
            header = PackHeader.model_validate(header_raw)
        except ValidationError as exc:
            raise PackError(f"{path}: invalid pack header: {_describe(exc)}") from exc
        if rel != f"{header.name}/{header.version}{path.suffix}":
            raise PackError(f"{path}: header says {header.name} {header.version}, file is at {rel}")
        schema = SCHEMAS.get(header.schema_id)
        if schema is None:
            raise PackError(f"{path}: unknown schema {header.schema_id!r} (known: {', '.join(sorted(SCHEMAS))})")
        try:
            data = schema.model_validate(data_raw if not isinstance(data_raw, list) else {"rows": data_raw})
        except ValidationError as exc:
            raise PackError(f"{path}: data does not match schema {header.schema_id}: {_describe(exc)}") from exc
        pack = Pack(header=header, data=data, sha256=sha, path=path)
        _PACK_CACHE[key] = (stamp, pack)
        return pack

    def verify_all(self) -> list[str]:
        """Load every pack in the lock and every pack file on disk; return the problems found."""
        problems: list[str] = []
        try:
            locked = read_lock(self.root)
        except PackError as exc:
            return [str(exc)]
        on_disk = {p.relative_to(self.root).as_posix() for p in pack_files(self.root)}
        for rel in sorted(on_disk - set(locked)):
            problems.append(f"{self.root / rel}: pack file is not listed in packs.lock")
        for rel in sorted(set(locked) - on_disk):
            problems.append(f"{self.root / rel}: listed in packs.lock but missing")
        for rel in sorted(set(locked) & on_disk):
            try:
                self.load_file(self.root / rel)
            except PackError as exc:
                problems.append(str(exc))
        return problems
