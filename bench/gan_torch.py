#!/usr/bin/env python3
"""The PyTorch side of bench/gan-vs-pytorch: Unmask's DCGAN (unmask-gan GanNetworks at 64x64, 64 base channels,
latent 100) rebuilt layer for layer in plain PyTorch, trained and sampled the way GanTrainer does, printing the same
`key value` lines as dev.unmask.bench.GanThroughputBenchmark.

Usage: gan_torch.py THREADS WARMUP_STEPS STEPS SAMPLE_BATCHES

Layers (match GanNetworks; DJL's BatchNorm momentum 0.9 = PyTorch momentum 0.1, eps 1e-5 in both):
  G: Linear(100, 512*16) -> (512, 4, 4) -> BN -> ReLU
     -> 4 x [nearest up-sample x2 -> Conv 3x3 pad 1 no bias -> BN -> ReLU], channels 512->256->128->64->64
     -> Conv 3x3 pad 1 to 16 channels (with bias), first 3 kept -> tanh
     (16 filters, not 3: GanNetworks works around a NaN in oneDNN's backward pass of a 3-filter conv)
  D: Conv 4x4 s2 p1 3->64 (bias) -> LeakyReLU(0.2)
     -> 3 x [Conv 4x4 s2 p1 no bias -> BN -> LeakyReLU(0.2)], channels 64->128->256->512 -> flatten -> Linear(8192, 1)
One step = one D update (real batch with random left-right flips, detached fake batch from G in training mode,
loss softplus(-D(real)) + softplus(D(fake))), then one G update (new latents, loss softplus(-D(G(z))), D in
training mode), each with Adam(lr 2e-4, betas (0.5, 0.999), eps 1e-8). Weights start from N(0, 0.02).
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
WARMUP = int(sys.argv[2]) if len(sys.argv) > 2 else 2
STEPS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
SAMPLE_BATCHES = int(sys.argv[4]) if len(sys.argv) > 4 else 5
SIZE, BATCH, BASE, LATENT = 64, 64, 64, 100
STAGES = 4  # 4x4 -> 64x64

torch.set_num_threads(THREADS)
torch.set_num_interop_threads(1)
torch.manual_seed(1)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        ch = BASE << (STAGES - 1)
        self.first = ch
        self.linear = nn.Linear(LATENT, ch * 16)
        self.bn0 = nn.BatchNorm2d(ch, eps=1e-5, momentum=0.1)
        blocks = []
        for i in range(STAGES):
            out = BASE if i == STAGES - 1 else max(BASE >> 1, ch >> 1)
            blocks += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(ch, out, 3, 1, 1, bias=False),
                       nn.BatchNorm2d(out, eps=1e-5, momentum=0.1), nn.ReLU()]
            ch = out
        self.blocks = nn.Sequential(*blocks)
        self.rgb = nn.Conv2d(ch, 16, 3, 1, 1, bias=True)

    def forward(self, z):
        x = self.linear(z).view(-1, self.first, 4, 4)
        x = F.relu(self.bn0(x))
        x = self.blocks(x)
        return torch.tanh(self.rgb(x)[:, 0:3])


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        layers = [nn.Conv2d(3, BASE, 4, 2, 1, bias=True), nn.LeakyReLU(0.2)]
        ch = BASE
        for _ in range(1, STAGES):
            layers += [nn.Conv2d(ch, ch * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ch * 2, eps=1e-5, momentum=0.1),
                       nn.LeakyReLU(0.2)]
            ch *= 2
        layers += [nn.Flatten(), nn.Linear(ch * 4 * 4, 1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def init(m):
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)


def counts(m):
    trainable = sum(p.numel() for p in m.parameters() if p.requires_grad)
    running = sum(b.numel() for n, b in m.named_buffers() if n.endswith("running_mean") or n.endswith("running_var"))
    return trainable, running


G, D = Generator(), Discriminator()
G.apply(init)
D.apply(init)
print(f"torch version {torch.__version__}, threads {torch.get_num_threads()}")
g, gr = counts(G)
d, dr = counts(D)
print(f"torch params_G {g} running_stats_G {gr}")
print(f"torch params_D {d} running_stats_D {dr}")

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
data = torch.rand(256, 3, SIZE, SIZE) * 2 - 1


def step():
    idx = torch.randint(0, data.shape[0], (BATCH,))
    real = data[idx]
    flip = torch.rand(BATCH) < 0.5
    real = torch.where(flip[:, None, None, None], real.flip(3), real)
    with torch.no_grad():
        fake = G(torch.randn(BATCH, LATENT))
    opt_d.zero_grad(set_to_none=False)
    loss_d = F.softplus(-D(real)).mean() + F.softplus(D(fake)).mean()
    loss_d.backward()
    opt_d.step()
    opt_g.zero_grad(set_to_none=False)
    loss_g = F.softplus(-D(G(torch.randn(BATCH, LATENT)))).mean()
    loss_g.backward()
    opt_g.step()
    return loss_d.item(), loss_g.item()


G.train()
D.train()
for _ in range(WARMUP):
    step()
t0 = time.perf_counter()
for _ in range(STEPS):
    step()
s = time.perf_counter() - t0
print(f"torch train_images_per_s {STEPS * BATCH / s:.2f} ({STEPS} steps of {BATCH} in {s:.2f} s)")

G.eval()
z = torch.randn(64, LATENT)
with torch.no_grad():
    G(z)
    t0 = time.perf_counter()
    for _ in range(SAMPLE_BATCHES):
        G(z).numpy()
    s = time.perf_counter() - t0
print(f"torch sample_images_per_s {SAMPLE_BATCHES * 64 / s:.2f} ({SAMPLE_BATCHES} batches of 64 in {s:.2f} s)")
