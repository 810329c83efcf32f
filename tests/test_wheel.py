"""The wheel carries the data byte for byte and works when installed outside the repository."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [
    "datapackage.json",
    *[p.relative_to(ROOT).as_posix() for p in (ROOT / "schemas").rglob("*.json")],
    *[p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.csv")],
]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("*.whl")
    return path


def test_wheel_holds_the_package_byte_for_byte(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for rel in SHIPPED:
            member = f"libya_israel_data/_package/{rel}"
            assert member in names, member
            assert _sha(z.read(member)) == _sha((ROOT / rel).read_bytes()), rel
        assert "libya_israel_data/py.typed" in names


def test_installed_wheel_loads_its_data_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    # The dependencies come from this environment; the package itself only from the wheel.
    Path(site.stdout.strip(), "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
    )
    code = """
import hashlib, json, pathlib, libya_israel_data as lid
from libya_israel_data.foundations.paths import shipped_descriptor
root = shipped_descriptor().parent
ds = lid.load()
report = lid.validate()
print(json.dumps({
    "module": lid.__file__, "root": str(root), "version": lid.__version__,
    "claims": len(ds.claims), "valid": report.valid,
    "hashes": {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in root.rglob("*") if p.is_file()},
}))
"""
    out = subprocess.run(
        [str(python), "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    result = json.loads(out.stdout)
    assert str(env_dir) in result["module"] and str(env_dir) in result["root"]
    assert result["valid"] is True
    assert (
        result["claims"] == (ROOT / "data/claims.csv").read_text(encoding="utf-8").count("\n") - 1
    )
    assert result["hashes"] == {rel: _sha((ROOT / rel).read_bytes()) for rel in SHIPPED}
