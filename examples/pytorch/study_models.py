"""The original study's PyTorch modules, whose state_dict keys `transferlab export --pytorch` writes and a model entry's
`weights:` reads.

    import numpy, torch
    from study_models import AlexNet, ResNet, MlpMixer
    model = ResNet(classes=10)
    state = {k: torch.from_numpy(v) for k, v in numpy.load("resnet.npz").items()}
    model.load_state_dict(state, strict=True)

Inputs are float32 images in [0, 1] of shape [batch, 1, 28, 28]. The layers and their order follow SPEC §3, and so
compute what transferlab computes. Saving a model trained here for transferlab:

    numpy.savez("trained.npz", **{k: v.detach().cpu().numpy() for k, v in model.state_dict().items()})
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class AlexNet(nn.Module):
    """Five 3×3 convolutions and three dense layers; conv1, conv2 and conv5 are pooled, then ReLU; conv3 and conv4
    have no activation."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
        self.conv4 = nn.Conv2d(128, 256, 3, padding=1)
        self.conv5 = nn.Conv2d(256, 256, 3, padding=1)
        self.fc6 = nn.Linear(256 * 3 * 3, 1024)
        self.fc7 = nn.Linear(1024, 512)
        self.fc8 = nn.Linear(512, classes)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = self.conv4(self.conv3(x))
        x = F.relu(F.max_pool2d(self.conv5(x), 2))
        x = F.relu(self.fc6(torch.flatten(x, 1)))
        x = F.relu(self.fc7(x))
        return self.fc8(x)


class Basicblock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())
        self.conv2 = nn.Sequential(nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.conv2(self.conv1(x)) + self.shortcut(x))


class ResNet(nn.Module):
    """A stem (conv, BatchNorm, ReLU, 3×3 max pool with stride 1), three basic blocks of 16, 32 and 64 channels (the
    last two with stride 2), global average pooling and a dense head."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 16, 3, 1, 1), nn.BatchNorm2d(16), nn.ReLU())
        self.block1 = nn.Sequential(Basicblock(16, 16, 1))
        self.block2 = nn.Sequential(Basicblock(16, 32, 2))
        self.block3 = nn.Sequential(Basicblock(32, 64, 2))
        self.outlayer = nn.Linear(64, classes)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x), 3, 1, 1)
        x = self.block3(self.block2(self.block1(x)))
        return self.outlayer(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class Rearrange(nn.Module):
    """einops' Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)') for one channel, without the dependency."""

    def __init__(self, patch):
        super().__init__()
        self.patch = patch

    def forward(self, x):
        b, c, height, width = x.shape
        p = self.patch
        x = x.reshape(b, c, height // p, p, width // p, p).permute(0, 2, 4, 3, 5, 1)
        return x.reshape(b, (height // p) * (width // p), p * p * c)


class Reduce(nn.Module):
    """einops' Reduce('b n c -> b c', 'mean')."""

    def forward(self, x):
        return x.mean(dim=1)


class PreNormResidual(nn.Module):
    def __init__(self, dim, fn):
        super().__init__()
        self.fn = fn
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        return self.fn(self.norm(x)) + x


def feed_forward(dim, hidden, dense, dropout=0.0):
    return nn.Sequential(dense(dim, hidden), nn.GELU(), nn.Dropout(dropout), dense(hidden, dim), nn.Dropout(dropout))


def MlpMixer(classes=10, depth=1, patch=4, dim=128, token_expansion=4, channel_expansion=0.5):
    """The Sequential the study built: patches, a dense layer per patch, `depth` mixer layers (token mixing as a
    kernel-1 Conv1d over the patches, channel mixing as dense layers), LayerNorm, the mean over patches, a dense head."""
    patches = (28 // patch) ** 2
    token = lambda i, o: nn.Conv1d(i, o, kernel_size=1)
    return nn.Sequential(
        Rearrange(patch),
        nn.Linear(patch * patch, dim),
        *[nn.Sequential(
            PreNormResidual(dim, feed_forward(patches, int(patches * token_expansion), token)),
            PreNormResidual(dim, feed_forward(dim, int(dim * channel_expansion), nn.Linear)))
          for _ in range(depth)],
        nn.LayerNorm(dim),
        Reduce(),
        nn.Linear(dim, classes))
