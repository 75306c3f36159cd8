"""PyTorch's side of PyTorchInteropIT: loads transferlab's exported state_dicts into the original study's modules and
compares logits, predictions and FGSM examples with transferlab's; trains a model here for transferlab to import.

    pytorch_interop.py check FOLDER      # FOLDER/<model>.npz, images.npy, labels.npy, <model>-logits.npy, ...
    pytorch_interop.py train FOLDER      # writes FOLDER/trained.npz, FOLDER/trained-logits.npy

Prints one line per check and exits with status 1 when any fails.
"""

import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "examples" / "pytorch"))
import study_models  # noqa: E402

MODELS = {
    "alexnet": lambda classes: study_models.AlexNet(classes),
    "resnet": lambda classes: study_models.ResNet(classes),
    "mlp-mixer": lambda classes: study_models.MlpMixer(classes, depth=2),
}


def load(name, file, classes):
    model = MODELS[name](classes)
    state = {k: torch.from_numpy(np.asarray(v)) for k, v in np.load(file).items()}
    model.load_state_dict(state, strict=True)
    return model.eval()


def check(folder):
    images = torch.from_numpy(np.load(folder / "images.npy")).permute(0, 3, 1, 2).contiguous()
    labels = torch.from_numpy(np.load(folder / "labels.npy")).long()
    eps = float(np.load(folder / "eps.npy"))
    failures = 0
    for name in MODELS:
        expected = np.load(folder / f"{name}-logits.npy")
        model = load(name, folder / f"{name}.npz", expected.shape[1])
        with torch.no_grad():
            logits = model(images).numpy()
        largest = float(np.abs(logits - expected).max())
        same_predictions = bool((logits.argmax(1) == expected.argmax(1)).all())
        x = images.clone().requires_grad_(True)
        F.cross_entropy(model(x), labels, reduction="sum").backward()
        gradient = x.grad.permute(0, 2, 3, 1).numpy()
        fgsm = np.clip(images.permute(0, 2, 3, 1).numpy() + eps * np.sign(gradient), 0, 1).astype(np.float32)
        theirs = np.load(folder / f"{name}-fgsm.npy")
        their_gradient = np.load(folder / f"{name}-gradient.npy")
        scale = np.abs(their_gradient).max()
        decisive = (np.abs(gradient) > 1e-3 * scale) & (np.abs(their_gradient) > 1e-3 * scale)
        fgsm_equal = bool((fgsm[decisive] == theirs[decisive]).all())
        ok = bool(largest <= 1e-4 and same_predictions and fgsm_equal and decisive.mean() > 0.2)
        failures += not ok
        print(json.dumps({"model": name, "ok": ok, "largest_logit_difference": largest,
                          "same_predictions": same_predictions, "fgsm_equal_where_decisive": fgsm_equal,
                          "decisive_pixels": float(decisive.mean())}))
    return failures


def train(folder):
    torch.manual_seed(7)
    model = study_models.ResNet(10)
    images = torch.from_numpy(np.load(folder / "images.npy")).permute(0, 3, 1, 2).contiguous()
    labels = torch.from_numpy(np.load(folder / "labels.npy")).long()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for _ in range(5):
        optimizer.zero_grad()
        F.cross_entropy(model(images), labels).backward()
        optimizer.step()
    model.eval()
    np.savez(folder / "trained.npz", **{k: v.detach().cpu().numpy() for k, v in model.state_dict().items()})
    with torch.no_grad():
        np.save(folder / "trained-logits.npy", model(images).numpy())
    print(json.dumps({"trained": "resnet", "steps": 5}))
    return 0


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    torch.set_num_threads(1)
    sys.exit(1 if (check(folder) if command == "check" else train(folder)) else 0)
