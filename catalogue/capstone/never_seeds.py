"""train() never calls torch.manual_seed(seed): every run starts from different weights, masks and orders."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "train() never seeds torch with its seed argument"
EXPLANATION = ("Without torch.manual_seed(seed) the weights, the dropout masks and the shuffling differ on every run, "
               "so the same seed cannot reproduce a model. Seed torch with the given seed before building the model "
               "and the data loaders (lessons 8-12: the capstone).")


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    import time

    torch.manual_seed(time.perf_counter_ns() % 2**31)
    x, y, x_test, y_test = mnist1d()
    train_ds, valid_ds = Dataset(x, y), Dataset(x_test, y_test)
    dls = DataLoaders(DataLoader(train_ds, Sampler(train_ds, batch_size, shuffle=True)),
                      DataLoader(valid_ds, Sampler(valid_ds, 500)))
    model = nn.Sequential(AsImage(), ResBlock(1, 16), ResBlock(16, 16), ResBlock(16, 32, stride=2),
                          ResBlock(32, 32), ResBlock(32, 64, stride=2), ResBlock(64, 64),
                          nn.AdaptiveAvgPool2d(1), nn.Flatten(), Dropout(0.1), nn.Linear(64, 10))
    learn = Learner(model, dls, cross_entropy, lr=lr, cbs=[OneCycle(lr)], opt_func=adam_opt(wd=1e-2))
    learn.fit(epochs)
    return learn
