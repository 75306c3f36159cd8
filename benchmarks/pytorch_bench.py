#!/usr/bin/python3
"""PyTorch peer of `transferlab bench train` and `transferlab bench attack --attacks pgd`.

The three models follow SPEC §3 (alexnet, resnet, mlp-mixer) in PyTorch's NCHW layout. Prints a header line and one
`RESULT pytorch train|pgd MODEL IMG_PER_S` line per measurement.
"""

import argparse
import os
import statistics
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SIDE = 28
CLASSES = 10


class AlexNet(nn.Module):
    """conv→maxpool→ReLU for conv1, conv2 and conv5; no activation after conv3 and conv4."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
        self.conv4 = nn.Conv2d(128, 256, 3, padding=1)
        self.conv5 = nn.Conv2d(256, 256, 3, padding=1)
        self.fc6 = nn.Linear(256 * 3 * 3, 1024)
        self.fc7 = nn.Linear(1024, 512)
        self.fc8 = nn.Linear(512, CLASSES)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))   # 32×14×14
        x = F.relu(F.max_pool2d(self.conv2(x), 2))   # 64×7×7
        x = self.conv4(self.conv3(x))                # 256×7×7
        x = F.relu(F.max_pool2d(self.conv5(x), 2))   # 256×3×3
        x = F.relu(self.fc6(torch.flatten(x, 1)))
        x = F.relu(self.fc7(x))
        return self.fc8(x)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x))


class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
                                  nn.MaxPool2d(3, stride=1, padding=1))        # 16×28×28
        self.blocks = nn.Sequential(BasicBlock(16, 16, 1),                      # 16×28×28
                                    BasicBlock(16, 32, 2),                      # 32×14×14
                                    BasicBlock(32, 64, 2))                      # 64×7×7
        self.fc = nn.Linear(64, CLASSES)

    def forward(self, x):
        x = self.blocks(self.stem(x))
        return self.fc(x.mean(dim=(2, 3)))


class MixerLayer(nn.Module):
    def __init__(self, tokens, dim, token_hidden, channel_hidden):
        super().__init__()
        self.ln1 = nn.LayerNorm(dim)
        self.token1 = nn.Linear(tokens, token_hidden)
        self.token2 = nn.Linear(token_hidden, tokens)
        self.ln2 = nn.LayerNorm(dim)
        self.channel1 = nn.Linear(dim, channel_hidden)
        self.channel2 = nn.Linear(channel_hidden, dim)

    def forward(self, x):                                          # [batch, tokens, dim]
        y = self.ln1(x).transpose(1, 2)                            # [batch, dim, tokens]
        x = x + self.token2(F.gelu(self.token1(y))).transpose(1, 2)
        return x + self.channel2(F.gelu(self.channel1(self.ln2(x))))


class MlpMixer(nn.Module):
    """patch 4, dim 128, token expansion 4, channel expansion 0.5; F.gelu is the exact (erf) GELU."""

    def __init__(self, depth=2, patch=4, dim=128):
        super().__init__()
        self.patch = patch
        tokens = (SIDE // patch) ** 2
        self.embed = nn.Linear(patch * patch, dim)
        self.layers = nn.Sequential(*[MixerLayer(tokens, dim, tokens * 4, dim // 2) for _ in range(depth)])
        self.final_ln = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, CLASSES)

    def forward(self, x):
        n, p = SIDE // self.patch, self.patch
        # [batch, 1, i·r, j·c] → [batch, i·n + j, r·p + c]: row-major patches of row-major pixels, as Layers.patches
        x = x.reshape(-1, n, p, n, p).permute(0, 1, 3, 2, 4).reshape(-1, n * n, p * p)
        x = self.final_ln(self.layers(self.embed(x)))
        return self.head(x.mean(dim=1))


def build(name, depth):
    if name == "alexnet":
        return AlexNet()
    if name == "resnet":
        return ResNet()
    return MlpMixer(depth=depth)


def read_idx(path, header_ints):
    data = path.read_bytes()
    return np.frombuffer(data, dtype=np.uint8, offset=4 * header_ints)


def load_images(mnist_dir, count):
    """`count` images in [0,1] and their labels: MNIST's first ones when its IDX files are there, else random."""
    images_file, labels_file = mnist_dir / "train-images-idx3-ubyte", mnist_dir / "train-labels-idx1-ubyte"
    generator = torch.Generator().manual_seed(1)
    if images_file.is_file():
        pixels = read_idx(images_file, 4).reshape(-1, 1, SIDE, SIDE)
        images = torch.from_numpy(pixels.astype(np.float32) / 255.0)
        source = "mnist"
    else:
        images = torch.rand(count, 1, SIDE, SIDE, generator=generator)
        source = "random"
    if labels_file.is_file():
        labels = torch.from_numpy(read_idx(labels_file, 2).astype(np.int64))
    else:
        labels = torch.randint(0, CLASSES, (len(images),), generator=generator)
    index = torch.arange(count) % min(len(images), len(labels))   # cycle when there are fewer than `count`
    return images[index].contiguous(), labels[index].contiguous(), source


def loaded_blas():
    """The BLAS/LAPACK/MKL libraries mapped into this process, after a matmul has made sure BLAS is loaded."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    names = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            base = os.path.basename(path)
            if path.startswith("/") and (base.startswith(("libblas", "libopenblas", "libmkl", "libcblas"))
                                         or "blis" in base):
                names.add(path)
    return ",".join(sorted(names)) or "none (static or bundled)"


def bench_train(model, images, labels, batch, steps, warmup, rounds):
    """Adam steps over `batch·steps` images, reshuffled each round as an epoch of a real loop is."""
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step(x, y):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(warmup):
        step(images[:batch], labels[:batch])
    rates = []
    for _ in range(rounds):
        order = torch.randperm(batch * steps)
        start = time.perf_counter()
        for s in range(steps):
            index = order[s * batch:(s + 1) * batch]
            step(images[index], labels[index])
        rates.append(batch * steps / (time.perf_counter() - start))
    return statistics.median(rates)


def pgd(model, x, y, eps, step_size, steps):
    """L∞ PGD with a uniform random start in the eps-ball; every iterate stays in the ball and in [0,1]."""
    lower, upper = (x - eps).clamp(0, 1), (x + eps).clamp(0, 1)
    adv = (x + torch.empty_like(x).uniform_(-eps, eps)).clamp(0, 1)
    for _ in range(steps):
        adv.requires_grad_(True)
        loss = F.cross_entropy(model(adv), y, reduction="sum")
        gradient, = torch.autograd.grad(loss, adv)
        adv = torch.min(torch.max(adv.detach() + step_size * gradient.sign(), lower), upper)
    return adv


def bench_pgd(model, images, labels, batch, rounds, steps, eps=0.3, step_size=0.01):
    """Adversarial images per second over all of `images`, `batch` at a time; one untimed batch first."""
    model.eval()
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    pgd(model, images[:batch], labels[:batch], eps, step_size, steps)
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for i in range(0, len(images), batch):
            pgd(model, images[i:i + batch], labels[i:i + batch], eps, step_size, steps)
        rates.append(len(images) / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["alexnet", "resnet", "mlp-mixer"], required=True)
    parser.add_argument("--depth", type=int, default=2, help="mlp-mixer layers (default: 2)")
    parser.add_argument("--what", choices=["train", "pgd"], required=True)
    parser.add_argument("--batch", type=int, help="default: 128 for train, 256 for pgd")
    parser.add_argument("--steps", type=int, default=30, help="timed training steps per round")
    parser.add_argument("--warmup", type=int, default=5, help="untimed training steps first")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median is reported")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--pgd-steps", type=int, default=40)
    parser.add_argument("--images", type=int, default=512, help="images attacked per round")
    parser.add_argument("--mnist", type=Path, default=Path.home() / ".transferlab" / "data" / "mnist")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    batch = args.batch or (128 if args.what == "train" else 256)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    count = batch * args.steps if args.what == "train" else args.images
    images, labels, source = load_images(args.mnist.expanduser(), max(count, batch))
    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads, BLAS {loaded_blas()}, "
          f"mkldnn {torch.backends.mkldnn.is_available()}, images {source}", flush=True)

    model = build(args.model, args.depth)
    if args.what == "train":
        rate = bench_train(model, images, labels, batch, args.steps, args.warmup, args.rounds)
    else:
        rate = bench_pgd(model, images[:args.images], labels[:args.images], batch, args.rounds, args.pgd_steps)
    print(f"RESULT pytorch {args.what} {args.model} {rate:.1f}", flush=True)


if __name__ == "__main__":
    main()
