#!/bin/sh
# Builds what the generated folder publishes, uploading nothing and writing nothing inside it:
#   DIST/*.whl      the Python package (pip, which fetches flit_core to build it)
#   DIST/*.tgz      the npm package, ESM and CommonJS (npm, which fetches TypeScript into a
#                   temporary copy of the package)
#   DIST/docs/      the static docs site (mkdocs)
# Usage: sh package.sh [GENERATED [DIST]]   (defaults: generated dist; PYTHON: python3)
# `make package` runs it here; copy it into a repository that uses the generated bindings.
set -eu
generated=${1:-generated}
dist=${2:-dist}
python=${PYTHON:-python3}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$dist" "$generated/python"
cp -R "$generated/typescript" "$work/typescript"
(
  cd "$work/typescript"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
  npm pack --loglevel=error --pack-destination "$dist" >/dev/null
)
# Not --quiet: mkdocs 1.6 then hides the warnings --strict counts, so a broken link passes.
"$python" -m mkdocs build --strict --config-file "$generated/docs/mkdocs.yml" \
  --site-dir "$dist/docs"
ls "$dist"
