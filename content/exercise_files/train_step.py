"""One optimisation step of the course's running example, shown on the authoring reference page."""

import torch
from torch import nn


def train_step(model: nn.Module, batch: tuple[torch.Tensor, torch.Tensor], optimiser: torch.optim.Optimizer) -> float:
    """Runs forward and backward passes on one batch and returns the loss."""
    images, labels = batch
    optimiser.zero_grad()
    loss = nn.functional.cross_entropy(model(images), labels)
    loss.backward()
    optimiser.step()
    return loss.item()
