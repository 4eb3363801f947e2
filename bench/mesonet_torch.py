#!/usr/bin/env python3
"""The PyTorch peer of Unmask's pure-Java MesoNet (bench/faces-bench runs it in the same command).

Builds Meso-4 and MesoInception-4 exactly as the reference Keras code defines them (Afchar et al., WIFS 2018;
DariusAf/MesoNet classifiers.py), loads the same Keras HDF5 weight files with h5py, runs the inputs Unmask wrote
(N x 256 x 256 x 3 float32, channels-last, RGB in [0, 1]) one image at a time on one thread, and writes the
outputs (sigmoid, 1 = real), the logits before the sigmoid and the timing as JSON.

usage: mesonet_torch.py WEIGHTS_DIR INPUTS.f32 COUNT OUT.json [ROUNDS [NAMES]]
NAMES: comma-separated weight files without .h5 (default: all four)
"""
import json
import re
import sys
import time

import h5py
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BN_EPS = 1e-3  # Keras's BatchNormalization default


def keras_layers(path):
    """{kind: [(name, {weight: array})]} sorted by the numeric suffix (Keras's creation order)."""
    kinds = {}
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f
        for name in [n.decode() for n in root.attrs["layer_names"]]:
            g = root[name]
            names = [n.decode() for n in g.attrs["weight_names"]]
            if not names:
                continue
            arrays = {n.split("/")[-1]: np.array(g[n]) for n in names}
            m = re.fullmatch(r"([a-z_0-9]+?)_(\d+)", name)
            kinds.setdefault(m.group(1), []).append((int(m.group(2)), name, arrays))
    for v in kinds.values():
        v.sort()
    return {k: [(n, a) for _, n, a in v] for k, v in kinds.items()}


class Weights:
    def __init__(self, path):
        self.layers = keras_layers(path)

    def take(self, kind):
        return self.layers[kind].pop(0)[1]


def conv(w, k, cin, cout, dilation=1):
    a = w.take("conv2d")
    c = nn.Conv2d(cin, cout, k, padding=dilation * (k - 1) // 2, dilation=dilation)
    assert a["kernel:0"].shape == (k, k, cin, cout), a["kernel:0"].shape
    c.weight.data = torch.from_numpy(a["kernel:0"]).permute(3, 2, 0, 1).contiguous()
    c.bias.data = torch.from_numpy(a["bias:0"])
    return c


def bn(w, ch):
    a = w.take("batch_normalization")
    b = nn.BatchNorm2d(ch, eps=BN_EPS)
    b.weight.data = torch.from_numpy(a["gamma:0"])
    b.bias.data = torch.from_numpy(a["beta:0"])
    b.running_mean.data = torch.from_numpy(a["moving_mean:0"])
    b.running_var.data = torch.from_numpy(a["moving_variance:0"])
    return b


def dense(w, cin, cout):
    a = w.take("dense")
    d = nn.Linear(cin, cout)
    d.weight.data = torch.from_numpy(a["kernel:0"]).t().contiguous()
    d.bias.data = torch.from_numpy(a["bias:0"])
    return d


class Inception(nn.Module):
    def __init__(self, w, cin, a, b, c, d):
        super().__init__()
        self.b1 = conv(w, 1, cin, a)
        self.b2 = nn.ModuleList([conv(w, 1, cin, b), conv(w, 3, b, b)])
        self.b3 = nn.ModuleList([conv(w, 1, cin, c), conv(w, 3, c, c, 2)])
        self.b4 = nn.ModuleList([conv(w, 1, cin, d), conv(w, 3, d, d, 3)])

    def forward(self, x):
        outs = [F.relu(self.b1(x))]
        for br in (self.b2, self.b3, self.b4):
            y = x
            for c in br:
                y = F.relu(c(y))
            outs.append(y)
        return torch.cat(outs, 1)


class MesoNet(nn.Module):
    def __init__(self, path, inception):
        super().__init__()
        w = Weights(path)
        blocks = []
        if inception:
            blocks.append((Inception(w, 3, 1, 4, 4, 2), False, bn(w, 11), 2))
            blocks.append((Inception(w, 11, 2, 4, 4, 2), False, bn(w, 12), 2))
            blocks.append((conv(w, 5, 12, 16), True, bn(w, 16), 2))
            blocks.append((conv(w, 5, 16, 16), True, bn(w, 16), 4))
        else:
            cin = 3
            for k, cout, pool in ((3, 8, 2), (5, 8, 2), (5, 16, 2), (5, 16, 4)):
                blocks.append((conv(w, k, cin, cout), True, bn(w, cout), pool))
                cin = cout
        self.convs = nn.ModuleList([b[0] for b in blocks])
        self.relu = [b[1] for b in blocks]
        self.bns = nn.ModuleList([b[2] for b in blocks])
        self.pools = [b[3] for b in blocks]
        self.fc1 = dense(w, 1024, 16)
        self.fc2 = dense(w, 16, 1)
        assert all(not v for v in w.layers.values()), "unused layers"

    def forward(self, x):  # x: N, 3, 256, 256
        for c, r, b, p in zip(self.convs, self.relu, self.bns, self.pools):
            x = c(x)
            if r:
                x = F.relu(x)
            x = F.max_pool2d(b(x), p, ceil_mode=True)
        x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)  # Keras flattens channels-last
        x = F.leaky_relu(self.fc1(x), 0.1)
        return self.fc2(x)  # the logit; Dense(1, activation='sigmoid') applies torch.sigmoid on top


def main():
    weights_dir, inputs, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    wanted = sys.argv[6].split(",") if len(sys.argv) > 6 else None
    torch.set_num_threads(1)
    x = np.fromfile(inputs, dtype=np.float32).reshape(count, 256, 256, 3)
    xt = torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()
    result = {"torch": torch.__version__, "threads": 1, "models": {}}
    for name, inception in (("Meso4_DF", False), ("Meso4_F2F", False), ("MesoInception_DF", True),
                            ("MesoInception_F2F", True)):
        if wanted is not None and name not in wanted:
            continue
        net = MesoNet(f"{weights_dir}/{name}.h5", inception).eval()
        with torch.no_grad():
            logits = [float(net(xt[i:i + 1])[0, 0]) for i in range(count)]  # warm-up and outputs
            outputs = [float(torch.sigmoid(torch.tensor(v))) for v in logits]
            best = None
            for _ in range(rounds):
                t0 = time.perf_counter()
                for i in range(count):
                    net(xt[i:i + 1])
                dt = time.perf_counter() - t0
                best = dt if best is None else min(best, dt)
        result["models"][name] = {"outputs": outputs, "logits": logits, "seconds": best, "images_per_s": count / best}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
