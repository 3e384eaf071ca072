"""Probes for assignment 09, the capstone: train with the student's own package, then predict."""
import torch


def train_and_predict(m, epochs, seed, x_valid):
    """Run `m.train(epochs, seed)`; describe the Learner and return the model's predicted labels for x_valid."""
    learn = m.train(epochs=epochs, seed=seed)
    model = learn.model
    model.eval()
    with torch.no_grad():
        logits = model(x_valid)
    return {
        "learner_class": type(learn).__name__,
        "learner_module": type(learn).__module__.rsplit(".", 1)[-1],
        "n_epochs": getattr(learn, "n_epochs", None),
        "logits_shape": list(logits.shape),
        "predictions": logits.argmax(-1),
        "logits": logits,
    }
