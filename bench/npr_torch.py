#!/usr/bin/env python3
"""PyTorch peer of Unmask's detectors for bench/detector-vs-pytorch.

Builds the same NPR network as dev.unmask.detect.npr.NprNetwork (residual x - up2(down2(x)) scaled 2/3, 3x3/2 conv
to 64, BN, ReLU, 3x3/2 max-pool, 3 bottlenecks of width 64, 4 of width 128 with stride 2, global average pool,
linear to 1 logit), written here from the description in Tan et al., CVPR 2024, and times inference and training
(Adam, BCE with logits) on random data; and the spectral features (azimuthal average of the log power spectrum,
min-max normalised, then a dot product) with torch.fft. Prints one line per measurement:
  RESULT <what> <size> <images/s> [parameters]
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    def __init__(self, cin, width, stride, project):
        super().__init__()
        out = width * 4
        self.c1 = nn.Conv2d(cin, width, 1, bias=False)
        self.b1 = nn.BatchNorm2d(width)
        self.c2 = nn.Conv2d(width, width, 3, stride=stride, padding=1, bias=False)
        self.b2 = nn.BatchNorm2d(width)
        self.c3 = nn.Conv2d(width, out, 1, bias=False)
        self.b3 = nn.BatchNorm2d(out)
        self.short = nn.Sequential(nn.Conv2d(cin, out, 1, stride=stride, bias=False), nn.BatchNorm2d(out)) if project else None

    def forward(self, x):
        y = F.relu(self.b1(self.c1(x)))
        y = F.relu(self.b2(self.c2(y)))
        y = self.b3(self.c3(y))
        return F.relu(y + (self.short(x) if self.short is not None else x))


class Npr(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        layers = []
        cin = 64
        for width, blocks, stride in ((64, 3, 1), (128, 4, 2)):
            for i in range(blocks):
                s = stride if i == 0 else 1
                layers.append(Bottleneck(cin, width, s, i == 0 and (s != 1 or cin != width * 4)))
                cin = width * 4
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(512, 1)

    def forward(self, x):
        b, c, h, w = x.shape
        blocks = x.reshape(b, c, h // 2, 2, w // 2, 2)
        r = (blocks - blocks[:, :, :, 0:1, :, 0:1]).reshape(b, c, h, w) * (2.0 / 3.0)
        y = F.max_pool2d(F.relu(self.bn1(self.conv1(r))), 3, 2, 1)
        y = self.layers(y)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(y, 1), 1))


def rate(fn, images, seconds, windows=3):
    """Best images/s over `windows` windows of seconds/windows each (at least one call each), after one warm-up call:
    the best window is the least disturbed by other load on a shared machine."""
    fn()
    best = 0.0
    for _ in range(windows):
        n = 0
        t0 = time.perf_counter()
        while True:
            fn()
            n += images
            t = time.perf_counter() - t0
            if t >= seconds / windows:
                break
        best = max(best, n / t)
    return best


def spectral_features(x, rings, counts):
    # x: (B, S, S) luma
    x = x - x.mean(dim=(1, 2), keepdim=True)
    p = torch.fft.fft2(x).abs().square()
    db = 10 * torch.log10(p + 1e-10)
    db[:, 0, 0] = 0
    s = torch.zeros(x.shape[0], counts.shape[0], dtype=x.dtype)
    s.index_add_(1, rings, db.reshape(x.shape[0], -1))
    s = s / counts
    mn = s.min(dim=1, keepdim=True).values
    mx = s.max(dim=1, keepdim=True).values
    return (s - mn) / (mx - mn)


def ring_index(size):
    f = torch.fft.fftfreq(size) * size
    r = torch.sqrt(f[None, :] ** 2 + f[:, None] ** 2)
    b = torch.clamp((r / math.sqrt(2)).long(), max=size // 2 - 1).reshape(-1)
    b[0] = size // 2  # DC goes to an extra ring that is dropped
    counts = torch.bincount(b, minlength=size // 2 + 1).double()
    return b, counts


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    sizes = [int(s) for s in sys.argv[3].split(",")] if len(sys.argv) > 3 else [128, 256]
    train_batch = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    net = Npr()
    params = sum(p.numel() for p in net.parameters() if p.requires_grad)
    print(f"RESULT npr-parameters 0 0 {params}", flush=True)
    net.eval()
    for size in sizes:
        x = torch.rand(16, 3, size, size)
        with torch.no_grad():
            r = rate(lambda: net(x), 16, seconds)
        print(f"RESULT npr-inference {size} {r:.2f}", flush=True)
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=2e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    for size in sizes:
        x = torch.rand(train_batch, 3, size, size)
        y = (torch.rand(train_batch, 1) > 0.5).float()

        def step():
            opt.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()

        r = rate(step, train_batch, seconds)
        print(f"RESULT npr-training {size} {r:.2f}", flush=True)
    for size in sizes:
        rings, counts = ring_index(size)
        rgb = torch.randint(0, 256, (64, 3, size, size)).double()
        w = torch.randn(size // 2 + 1, dtype=torch.float64)

        def features():
            luma = 0.299 * rgb[:, 0] + 0.587 * rgb[:, 1] + 0.114 * rgb[:, 2]
            f = spectral_features(luma, rings, counts)
            return f[:, : size // 2] @ w[: size // 2]

        r = rate(features, 64, seconds)
        print(f"RESULT spectral-inference {size} {r:.2f}", flush=True)


if __name__ == "__main__":
    main()
