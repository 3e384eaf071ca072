"""The capstone built with torch's nn.Dropout, F.cross_entropy and AdamW instead of the package's pieces."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "capstone built with torch's nn.Dropout, F.cross_entropy and AdamW"
EXPLANATION = ("The capstone's point is that the framework built in the earlier assignments trains a real network, so "
               "it must use the package's own Dropout, cross_entropy (or LabelSmoothingCrossEntropy) and adam_opt, "
               "not torch's equivalents (lessons 8-12: the capstone).")


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    from functools import partial

    import torch.nn.functional as F

    torch.manual_seed(seed)
    x, y, x_test, y_test = mnist1d()
    train_ds, valid_ds = Dataset(x, y), Dataset(x_test, y_test)
    dls = DataLoaders(DataLoader(train_ds, Sampler(train_ds, batch_size, shuffle=True)),
                      DataLoader(valid_ds, Sampler(valid_ds, 500)))
    model = nn.Sequential(AsImage(), ResBlock(1, 16), ResBlock(16, 16), ResBlock(16, 32, stride=2),
                          ResBlock(32, 32), ResBlock(32, 64, stride=2), ResBlock(64, 64),
                          nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.1), nn.Linear(64, 10))
    learn = Learner(model, dls, F.cross_entropy, lr=lr, cbs=[OneCycle(lr)],
                    opt_func=partial(torch.optim.AdamW, weight_decay=1e-2, betas=(0.9, 0.99), eps=1e-5))
    learn.fit(epochs)
    return learn
