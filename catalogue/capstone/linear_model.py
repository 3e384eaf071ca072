"""No residual blocks: a linear classifier on the 40 numbers of a sequence, which gets about a third right."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "a linear classifier instead of a residual network"
EXPLANATION = ("MNIST-1D was built so that architecture matters: a linear model on the 40 numbers gets about a third "
               "right, far from the 95% asked. Build the network from the package's ResBlocks (convolutions, "
               "BatchNorm, ReLU), with pooling, Dropout and a linear head (lessons 8-12: the capstone).")


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    torch.manual_seed(seed)
    x, y, x_test, y_test = mnist1d()
    train_ds, valid_ds = Dataset(x, y), Dataset(x_test, y_test)
    dls = DataLoaders(DataLoader(train_ds, Sampler(train_ds, batch_size, shuffle=True)),
                      DataLoader(valid_ds, Sampler(valid_ds, 500)))
    model = nn.Sequential(AsImage(), nn.Flatten(), Dropout(0.0), nn.Linear(40, 10))
    learn = Learner(model, dls, cross_entropy, lr=lr, cbs=[OneCycle(lr)], opt_func=adam_opt(wd=1e-2))
    learn.fit(epochs)
    return learn
