#!/usr/bin/env bash
# The auditor's walk through the bundled example ledger (see docs/examples/README.md):
# a signed checkpoint, a batch entry proven to be in it, and a label signed by that batch's key.
# Run from anywhere after `mvn -B -q -DskipTests package`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../edge-scanner/target/edge-scanner.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
scanner() { java -jar "$jar" "$@"; }
vkey="$(cat "$here/log.vkey")"

echo "== 1. The log's checkpoint is signed by the log key"
scanner log verify-checkpoint --vkey "$vkey" "$here/checkpoint.note"

echo "== 2. The batch.issued entry is included under that checkpoint (c2sp.org/tlog-proof)"
scanner log verify-proof --vkey "$vkey" --entry "$here/batch-entry.json" "$here/batch-entry.tlog-proof"

echo "== 3. The QR code on the goods decodes to a GS1 Digital Link with a signature (AI 8030)"
scanner label decode "$here/label-qr.png"

echo "== 4. The label's signature verifies with the label key of the proven batch entry"
scanner label verify --batch-entry "$here/batch-entry.json" --image "$here/label-qr.png"
scanner label verify --batch-entry "$here/batch-entry.json" --image "$here/label-datamatrix.png"

echo "== 5. A label whose serial was altered does not verify (exit code 1 expected)"
forged="$(sed 's|/21/X7Q2M9K4P1|/21/X7Q2M9K4P2|' "$here/label.txt")"
set +e
scanner label verify --batch-entry "$here/batch-entry.json" --text "$forged"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "expected exit code 1 for the forged label, got $code" >&2; exit 1; }
echo "== The example verified end to end."
