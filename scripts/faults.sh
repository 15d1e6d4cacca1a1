#!/usr/bin/env bash
# Fault and load probe (scripts/faults/main.go): SIGKILLs during ingest, then
# writers, readers and deleters at once against a live server on a loopback
# port. Short by default (CI); longer on demand:
#   FAULTS_KILLS=100 FAULTS_SOAK=5m scripts/faults.sh
# Environment: FAULTS_KILLS (default 10), FAULTS_SOAK (default 20s),
# FAULTS_WRITERS/READERS/DELETERS (8, 8, 2), FAULTS_DOCS (scripts/demo/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/" ./cmd/argmap ./cmd/argmap-render # the map render worker beside argmap
go run ./scripts/faults -bin "$work/argmap" -docs "${FAULTS_DOCS:-scripts/demo/corpus}" \
	-kills "${FAULTS_KILLS:-10}" -soak "${FAULTS_SOAK:-20s}" \
	-writers "${FAULTS_WRITERS:-8}" -readers "${FAULTS_READERS:-8}" -deleters "${FAULTS_DELETERS:-2}"
