#!/usr/bin/env bash
# The recipe of Unmask's default detector (models/default-detector): rerun it to rebuild the model from scratch.
# Data (only data that may be used here):
#   real: photographs from Debian packages (collect-reals.sh: python3-skimage, opencv-doc incl. vtest.avi frames,
#         visp-images-data); the camera-jpeg photos of people are held out for evaluation
#   fake: images Unmask makes itself from those reals:
#         1. reconstructions through an up-sampling auto-encoder trained here (unmask gan reconstruct)
#         2. samples of a GAN trained here on the reals at 64 px (unmask gan train / gan sample); 64 px, below the
#            128 px Unmask's watermark needs, so no watermark sits in the fake class only (a shortcut); they carry XMP
# Then: unmask detector train --arch npr, calibrated on the hash-split validation set, threshold at 1% FPR.
# Usage: models/recipes/default-detector.sh WORK_DIR [OUT_MODEL_DIR]     (about 30 minutes on 2 cores)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:?usage: default-detector.sh WORK_DIR [OUT_MODEL_DIR]}"
OUT="${2:-$WORK/model}"
U="$ROOT/unmask"
mkdir -p "$WORK"
[ -d "$WORK/real" ] || "$ROOT/models/recipes/collect-reals.sh" "$WORK/real"
[ -d "$WORK/fake/recon" ] || "$U" gan reconstruct --data "$WORK/real" --out "$WORK/fake/recon" --steps 800 --seed 1
if [ ! -d "$WORK/gan/checkpoint" ]; then
  "$U" gan train --data "$WORK/real" --out "$WORK/gan" --size 64 --batch 32 --channels 16 --steps 100000 \
      --max-minutes "${GAN_MINUTES:-8}" --seed 1 --no-progress
fi
[ -d "$WORK/fake/gan" ] || "$U" gan sample --model "$WORK/gan" --count 150 --out "$WORK/fake/gan" --seed 2 --no-progress
"$U" detector train --arch npr --real "$WORK/real" --fake "$WORK/fake" --out "$OUT" --size 64 \
    --epochs "${EPOCHS:-12}" --seed 1 --name unmask-default-npr --no-progress
echo "default-detector: model written to $OUT"
