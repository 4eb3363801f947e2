# Sourced by bench/faces-bench and bench/video-bench: MesoNet in Unmask (pure-Java layers, and ONNX Runtime on the
# graph Unmask builds from the same Keras weights) against the same network in PyTorch (bench/mesonet_torch.py), one
# thread each, on the inputs a Java run wrote to DIR (mesonet-inputs.f32, and mesonet-java.json with the timings and
# logits of both Unmask backends). Java and PyTorch runs alternate (J, P, J, P, J: the first Java run is
# the one that wrote DIR) and each side keeps its best, so a change of machine load does not favour one of them.
# Prints a table: images/s of each side (both Unmask backends), their ratios, and the largest differences of the
# outputs.
# Needs $JAVA and $CP from the caller; python3 with torch and h5py (Debian: python3-torch python3-h5py).

# usage: mesonet_vs_pytorch DIR ROUNDS WEIGHT_IDS (comma-separated scorer ids, e.g. meso4,mesoinception; "" = all)
mesonet_vs_pytorch() {
  local dir="$1" rounds="$2" ids="$3" py="" c count names i
  for c in python3 /usr/bin/python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import torch, h5py' 2>/dev/null; then py="$c"; break; fi
  done
  if [ -z "$py" ]; then
    echo "no python3 with torch and h5py; skipping the MesoNet comparison with PyTorch" >&2
    return 0
  fi
  count="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["count"])' "$dir/mesonet-java.json")"
  names="$("$py" -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["models"]))' "$dir/mesonet-java.json")"
  rm -f "$dir"/mesonet-torch-*.json "$dir"/mesonet-java-*.json
  for i in 1 2; do
    "$py" bench/mesonet_torch.py unmask-faces/src/main/resources/dev/unmask/faces/mesonet "$dir/mesonet-inputs.f32" \
      "$count" "$dir/mesonet-torch-$i.json" "$rounds" "$names"
    cp "$dir/mesonet-java.json" "$dir/mesonet-java-$i.json"
    "$JAVA" -Xmx2g -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "$CP" dev.unmask.bench.FacesBenchmark \
      testdata "$dir" "$rounds" mesonet-only $ids > /dev/null 2>&1
  done
  "$py" - "$dir" <<'PYEOF'
import glob, json, math, sys
def best(pattern):
    runs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/" + pattern))]
    out = runs[0]
    for r in runs[1:]:
        for name, m in r["models"].items():
            if m["images_per_s"] > out["models"][name]["images_per_s"]:
                out["models"][name]["images_per_s"] = m["images_per_s"]
    return out
java, torch = best("mesonet-java*.json"), best("mesonet-torch-*.json")
for r in [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/mesonet-java*.json"))]:
    for name, m in r["models"].items():
        if m.get("onnx_images_per_s", 0) > java["models"][name].get("onnx_images_per_s", 0):
            java["models"][name]["onnx_images_per_s"] = m["onnx_images_per_s"]
sig = lambda v: 1 / (1 + math.exp(-v))
print("\nMesoNet, Unmask (pure Java; ONNX Runtime on the graph Unmask builds from the same weights) vs PyTorch %s,"
      " one thread each, %d face crops, best of 3 Unmask and 2 PyTorch runs alternated:" % (torch["torch"], java["count"]))
print("| weights | pure Java images/s | ONNX Runtime images/s | PyTorch images/s | Java/PyTorch | ORT/PyTorch |"
      " max abs output diff Java / ORT vs PyTorch | max abs logit diff Java / ORT |")
print("|---|---|---|---|---|---|---|---|")
for name, j in java["models"].items():
    t = torch["models"][name]
    dl = max(abs(a - b) for a, b in zip(j["logits"], t["logits"]))
    do = max(abs(sig(a) - b) for a, b in zip(j["logits"], t["outputs"]))
    ol = max(abs(a - b) for a, b in zip(j["onnx_logits"], t["logits"]))
    oo = max(abs(sig(a) - b) for a, b in zip(j["onnx_logits"], t["outputs"]))
    print("| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.1e / %.1e | %.1e / %.1e |" % (name, j["images_per_s"],
          j["onnx_images_per_s"], t["images_per_s"], j["images_per_s"] / t["images_per_s"],
          j["onnx_images_per_s"] / t["images_per_s"], do, oo, dl, ol))
PYEOF
}
