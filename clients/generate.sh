#!/usr/bin/env bash
# Regenerates the client stubs from proto/dhcplane/v1:
#   clients/python/src/dhcplane/v1/   grpcio-tools (+ mypy-protobuf .pyi)
#   clients/typescript/src/generated/ @grpc/proto-loader's proto-loader-gen-types
#   clients/typescript/proto/         the .proto files the TypeScript client loads
#
#   clients/generate.sh           rewrite them
#   clients/generate.sh --check   change nothing; fail, naming the files, when
#                                 the committed stubs do not match proto/
#
# The generators are pinned (clients/python/requirements-generate.txt,
# clients/typescript/package-lock.json): the Python ones go into a venv under
# target/clients/, the npm ones into clients/typescript/node_modules; both are
# set up on first use and again when their pins change. --check also
# type-checks the Python package and example with mypy --strict.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: clients/generate.sh [--check]" >&2; exit 2 ;;
esac

for tool in python3 node npm; do
  command -v "$tool" >/dev/null || { echo "clients/generate.sh: $tool is required" >&2; exit 1; }
done

# Python generators, in a venv rebuilt when the pins change.
venv=target/clients/venv
pins=clients/python/requirements-generate.txt
if ! cmp -s "$pins" "$venv/pins.txt" 2>/dev/null; then
  echo "clients/generate.sh: installing the Python generators ($pins)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$pins"
  cp "$pins" "$venv/pins.txt"
fi

# npm generators and the TypeScript compiler, reinstalled when the lock changes.
ts=clients/typescript
if ! cmp -s "$ts/package-lock.json" "$ts/node_modules/.dhcplane-lock" 2>/dev/null; then
  echo "clients/generate.sh: installing the npm packages ($ts/package-lock.json)"
  (cd "$ts" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$ts/package-lock.json" "$ts/node_modules/.dhcplane-lock"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
protos=$(cd proto && find dhcplane/v1 -name '*.proto' | LC_ALL=C sort)

# Python: messages, stubs and their type stubs, as the package dhcplane.v1.
mkdir -p "$out/python"
# shellcheck disable=SC2086
"$venv/bin/python" -m grpc_tools.protoc -I proto \
  --python_out="$out/python" --grpc_python_out="$out/python" \
  --plugin=protoc-gen-mypy="$venv/bin/protoc-gen-mypy" --mypy_out=quiet:"$out/python" \
  --plugin=protoc-gen-mypy_grpc="$venv/bin/protoc-gen-mypy_grpc" --mypy_grpc_out=quiet:"$out/python" \
  $protos
cat >"$out/python/dhcplane/v1/__init__.py" <<'PY'
"""dhcplane.v1: messages and stubs generated from proto/dhcplane/v1 by
clients/generate.sh. Do not edit; regenerate."""
PY

# TypeScript: types for @grpc/grpc-js. The loader options in
# clients/typescript/src/index.ts must match these flags.
# shellcheck disable=SC2086
"$ts/node_modules/.bin/proto-loader-gen-types" \
  --keepCase --longs=String --enums=String --defaults --oneofs --includeComments \
  --grpcLib=@grpc/grpc-js -I proto -O "$out/ts-generated" $protos >/dev/null
mkdir -p "$out/ts-proto"
(cd proto && cp --parents $protos "$out/ts-proto/")

pairs=(
  "$out/python/dhcplane/v1:clients/python/src/dhcplane/v1"
  "$out/ts-generated:$ts/src/generated"
  "$out/ts-proto:$ts/proto"
)
stale=0
for pair in "${pairs[@]}"; do
  fresh=${pair%%:*} committed=${pair#*:}
  if $check; then
    if ! diff -r -q -x __pycache__ "$fresh" "$committed" >"$out/diff" 2>&1; then
      stale=1
      echo "clients/generate.sh: $committed does not match proto/:" >&2
      sed -e "s|$out/[a-z-]*|(generated)|g" -e 's/^/  /' "$out/diff" >&2
    fi
  else
    rm -rf "$committed"
    mkdir -p "$(dirname "$committed")"
    cp -r "$fresh" "$committed"
  fi
done
if [ "$stale" = 1 ]; then
  echo "clients/generate.sh: the client stubs are stale; run clients/generate.sh and commit the result" >&2
  exit 1
fi

if $check; then
  # The stubs' types hold up: the package and the example pass mypy --strict.
  MYPYPATH=clients/python/src "$venv/bin/mypy" --strict --no-error-summary \
    --cache-dir target/clients/mypy-cache \
    clients/python/src/dhcplane clients/python/examples/provision.py
  echo "clients/generate.sh: the client stubs match proto/"
else
  echo "clients/generate.sh: regenerated the client stubs from proto/"
fi
