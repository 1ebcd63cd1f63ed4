"""What the generated folder publishes, built by scripts/package.sh (what `make package`
runs) as a consumer repository would, without this project's tools on PATH: the wheel, the
npm tarball (ESM and CommonJS, with types for both, tree-shakable) and the docs site."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import GENERATED, NODE_BIN, PYTHON, ROOT, node, run, tool

from generator import catalogue as catalogue_module

MODEL = catalogue_module.load(ROOT / "catalogue.yaml")


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("packaged")
    generated = shutil.copytree(GENERATED, root / "generated")
    before = tree(generated)
    # The project's own npm tools (tsc among them) are not on PATH, as in a consumer's repo.
    path = os.pathsep.join(
        part for part in os.environ["PATH"].split(os.pathsep) if Path(part) != NODE_BIN
    )
    run(
        "sh",
        ROOT / "scripts" / "package.sh",
        generated,
        root / "dist",
        cwd=root,
        env={"PATH": path, "PYTHON": PYTHON},
        timeout=600,
    )
    assert tree(generated) == before, "packaging wrote into the generated folder"
    return root / "dist"


def test_make_package_runs_the_script() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "PYTHON=$(PY) sh scripts/package.sh generated dist" in makefile
    assert "dist/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_wheel_installs_into_a_fresh_virtual_environment(
    packaged: Path, tmp_path: Path
) -> None:
    (wheel,) = packaged.glob("*.whl")
    venv = tmp_path / "venv"
    run(PYTHON, "-m", "venv", "--without-pip", venv)
    # pip from this environment installs into the new one: no network, nothing else in it.
    python = venv / "bin" / "python"
    run(PYTHON, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel)
    script = (
        "import pickle, qonversion_errors as q\n"
        'e = q.from_response(404, b\'{"error": {"code": "not_found"}}\')\n'
        "assert isinstance(e, q.ResourceError) and e.code is q.ErrorCode.NOT_FOUND\n"
        "assert pickle.loads(pickle.dumps(e)).status == 404\n"
        "import importlib.resources as r\n"
        "assert r.files('qonversion_errors').joinpath('py.typed').is_file()\n"
        "print('ok')\n"
    )
    assert run(python, "-c", script, cwd=tmp_path).stdout == "ok\n"


@pytest.fixture(scope="module")
def consumer(packaged: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (tarball,) = packaged.glob("*.tgz")
    folder = tmp_path_factory.mktemp("consumer")
    (folder / "package.json").write_text('{"name": "consumer", "private": true}\n')
    run("npm", "install", "--offline", "--no-audit", "--no-fund", tarball, cwd=folder)
    return folder


def test_the_tarball_holds_both_builds_and_their_types(consumer: Path) -> None:
    installed = consumer / "node_modules" / MODEL.options["typescript"]["package"]
    files = {str(path.relative_to(installed)) for path in installed.rglob("*") if path.is_file()}
    modules = ("index", "runtime")
    assert files == {
        "package.json",
        "dist/cjs/package.json",
        *(f"src/{module}.ts" for module in modules),
        *(
            f"dist/{kind}/{module}.{suffix}"
            for kind in ("esm", "cjs")
            for module in modules
            for suffix in ("js", "d.ts")
        ),
    }


def test_import_and_require_give_the_same_errors(consumer: Path) -> None:
    name = json.dumps(MODEL.options["typescript"]["package"])
    use = (
        'const error = errors.fromResponse(404, \'{"error": {"code": "not_found"}}\');\n'
        "if (!(error instanceof errors.NotFoundError)) throw new Error('wrong class');\n"
        "console.log(error.constructor.name, errors.ErrorCode.NotFound);\n"
    )
    (consumer / "use.mjs").write_text(f"import * as errors from {name};\n{use}")
    (consumer / "use.cjs").write_text(f"const errors = require({name});\n{use}")
    for script in ("use.mjs", "use.cjs"):
        assert run(node(), script, cwd=consumer).stdout == "NotFoundError not_found\n"


def test_typescript_consumers_get_types_for_import_and_require(consumer: Path) -> None:
    name = json.dumps(MODEL.options["typescript"]["package"])
    check = (
        "const error: errors.QonversionError = errors.fromResponse(404, '{}');\n"
        "const code: errors.ErrorCode | string | number | undefined = error.code;\n"
        "export { code };\n"
    )
    (consumer / "esm.mts").write_text(f"import * as errors from {name};\n{check}")
    (consumer / "cjs.cts").write_text(f"import errors = require({name});\n{check}")
    options = {"strict": True, "noEmit": True, "module": "node16", "types": []}
    config = {"compilerOptions": options, "files": ["esm.mts", "cjs.cts"]}
    (consumer / "tsconfig.json").write_text(json.dumps(config))
    run(tool("tsc"), "-p", "tsconfig.json", cwd=consumer)


def test_one_import_costs_a_fraction_of_the_module(consumer: Path) -> None:
    name = json.dumps(MODEL.options["typescript"]["package"])
    (consumer / "one.mjs").write_text(
        f"import {{ ErrorCode }} from {name};\nconsole.log(ErrorCode.NotFound);\n"
    )
    (consumer / "all.mjs").write_text(f"import * as all from {name};\nconsole.log(all);\n")
    sizes = {}
    for entry in ("one", "all"):
        meta = consumer / f"{entry}.json"
        run(
            tool("esbuild"),
            f"{entry}.mjs",
            "--bundle",
            "--minify",
            "--format=esm",
            f"--outfile={entry}.out.js",
            f"--metafile={meta}",
            cwd=consumer,
        )
        outputs = json.loads(meta.read_text())["outputs"]
        sizes[entry] = sum(output["bytes"] for output in outputs.values())
    assert sizes["one"] <= sizes["all"] / 4, sizes


def test_the_docs_site_is_built_strictly(packaged: Path) -> None:
    html = (packaged / "docs" / "index.html").read_text(encoding="utf-8")
    for code in MODEL.codes:
        assert f'id="{code.key}"' in html
