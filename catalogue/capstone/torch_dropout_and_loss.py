"""The capstone built with torch's nn.Dropout and F.cross_entropy instead of the package's Dropout and loss."""
EXERCISE = "train"


def train(epochs=8, seed=0, lr=1e-2, batch_size=32):
    import torch.nn.functional as F

    torch.manual_seed(seed)
    x_train, y_train, x_valid, y_valid = split()
    dls = DataLoaders(Batches(x_train, y_train, batch_size, shuffle=True, seed=seed),
                      Batches(x_valid, y_valid, 256, shuffle=False))
    mean, std = x_train.mean().item(), x_train.std().item()
    model = nn.Sequential(Normalize(mean, std), ResBlock(1, 16), ResBlock(16, 32, stride=2),
                          ResBlock(32, 64, stride=2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.1),
                          nn.Linear(64, 10))
    learn = Learner(model, dls, F.cross_entropy, lr=lr, cbs=[OneCycle(lr)],
                    opt_func=partial(torch.optim.AdamW, weight_decay=1e-2))
    learn.fit(epochs)
    return learn
