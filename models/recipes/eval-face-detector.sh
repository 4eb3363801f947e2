#!/usr/bin/env bash
# Measures a face-level detector the way `scan` uses it: every image goes through the faces analyzer (BlazeFace,
# upright crop with the analyzer's margin, the model on the crop), and an image's score is the highest fake
# probability the model gives any of its faces. Prints, per folder, the images with a face and the scores, then the
# ROC AUC (Mann-Whitney, ties counted half) and the rates at the model's stored threshold.
# Usage: eval-face-detector.sh MODEL REAL_DIR FAKE_DIR [extra scan options]   (needs python3 for the arithmetic)
set -euo pipefail
MODEL="${1:?usage: eval-face-detector.sh MODEL REAL_DIR FAKE_DIR}"; REAL="${2:?}"; FAKE="${3:?}"; shift 3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
for side in real fake; do
  dir="$REAL"; [ "$side" = fake ] && dir="$FAKE"
  "$ROOT/unmask" scan --json --no-progress --only faces --set faces.detectors="$MODEL" "$@" "$dir" > "$TMP/$side.json" || true
done
python3 - "$TMP/real.json" "$TMP/fake.json" "$MODEL" <<'PY'
import json, sys
def scores(path):
    doc = json.load(open(path))
    out, noface = [], []
    for f in doc["files"]:
        ps = [x["values"]["probabilityFake"] for r in f.get("analyzers", []) for x in r.get("findings", [])
              if x.get("code") == "faces.detector"]
        (out if ps else noface).append((f["path"], max(ps) if ps else None))
    return out, noface
real, rn = scores(sys.argv[1]); fake, fn = scores(sys.argv[2])
thr = None
for line in open(sys.argv[3] + "/detector.properties"):
    if line.startswith("threshold="): thr = float(line.split("=")[1])
r = [s for _, s in real]; f = [s for _, s in fake]
auc = sum((a > b) + 0.5 * (a == b) for a in f for b in r) / (len(r) * len(f)) if r and f else float("nan")
print(f"real: {len(r)} images with a face ({len(rn)} without); fake: {len(f)} ({len(fn)} without)")
print("real scores: " + " ".join(f"{s:.2f}" for s in sorted(r)))
print("fake scores: " + " ".join(f"{s:.2f}" for s in sorted(f)))
print(f"ROC AUC {auc:.3f}")
if thr is not None:
    print(f"at threshold {thr:.3f}: TPR {sum(s >= thr for s in f)}/{len(f)}, FPR {sum(s >= thr for s in r)}/{len(r)}")
PY
