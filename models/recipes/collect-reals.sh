#!/usr/bin/env bash
# Collects the real photographs the default detector is trained on, from Debian packages only:
#   python3-skimage    scikit-image sample photos (public domain / CC0 per scikit-image)
#   opencv-doc         OpenCV sample photos and vtest.avi (real street footage; frames every 2 s)
#   visp-images-data   ViSP sample images (the 1927 Solvay conference photograph, Klimt)
#   ffmpeg             to take frames out of vtest.avi
# The six camera-jpeg photos of people (testdata/camera-jpeg) are NOT used: they are held out for evaluation.
# Usage: collect-reals.sh OUT_DIR
set -euo pipefail
OUT="${1:?usage: collect-reals.sh OUT_DIR}"
mkdir -p "$OUT"
need() { dpkg -s "$1" >/dev/null 2>&1 || { echo "collect-reals: package $1 is missing (apt-get install $1)" >&2; exit 2; }; }
for p in python3-skimage opencv-doc visp-images-data ffmpeg; do need "$p"; done

SK=/usr/lib/python3/dist-packages/skimage/data
for f in astronaut.png chelsea.png coffee.png hubble_deep_field.jpg rocket.jpg motorcycle_left.png brick.png grass.png gravel.png; do
  cp "$SK/$f" "$OUT/skimage-$f"
done
CV=/usr/share/doc/opencv-doc/examples/data
for f in aero1.jpg aero3.jpg aloeL.jpg apple.jpg baboon.jpg board.jpg building.jpg butterfly.jpg fruits.jpg home.jpg \
         leuvenA.jpg leuvenB.jpg messi5.jpg orange.jpg pca_test1.jpg squirrel_cls.jpg stuff.jpg left.jpg right.jpg \
         basketball1.png box_in_scene.png graf1.png rubberwhale1.png chicky_512.png smarties.png; do
  [ -f "$CV/$f" ] || [ -f "$CV/$f.gz" ] || { echo "collect-reals: $CV/$f missing" >&2; exit 2; }
  if [ -f "$CV/$f" ]; then cp "$CV/$f" "$OUT/opencv-$f"; else gunzip -c "$CV/$f.gz" > "$OUT/opencv-$f"; fi
done
VI=/usr/share/visp-images-data/ViSP-images
cp "$VI/Klimt/Klimt.png" "$OUT/visp-Klimt.png"
cp "$VI/Solvay/Solvay_conference_1927_Version2_1280x881.png" "$OUT/visp-Solvay-1927.png"
VT="$CV/vtest.avi"
[ -f "$VT" ] || VT="$(dpkg -L opencv-doc | grep -m1 '/vtest.avi$')"
ffmpeg -loglevel error -y -i "$VT" -vf "fps=0.5" "$OUT/vtest-frame-%03d.png"
echo "collect-reals: $(find "$OUT" -type f | wc -l) real images in $OUT"
