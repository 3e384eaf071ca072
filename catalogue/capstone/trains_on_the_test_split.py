"""train() fits on the training and the test sequences together (5,000), and validates on the test ones."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "train() fits on the test sequences as well as the training ones"
EXPLANATION = ("The 1,000 test sequences are held out to measure the model on data it never trained on (and their "
               "labels are withheld, so training on them teaches wrong answers). Fit on the 4,000 training sequences "
               "only and use the test ones for validation (lessons 8-12: the capstone).")


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    torch.manual_seed(seed)
    x, y, x_test, y_test = mnist1d()
    train_ds, valid_ds = Dataset(torch.cat([x, x_test]), torch.cat([y, y_test])), Dataset(x_test, y_test)
    dls = DataLoaders(DataLoader(train_ds, Sampler(train_ds, batch_size, shuffle=True)),
                      DataLoader(valid_ds, Sampler(valid_ds, 500)))
    model = nn.Sequential(AsImage(), ResBlock(1, 16), ResBlock(16, 16), ResBlock(16, 32, stride=2),
                          ResBlock(32, 32), ResBlock(32, 64, stride=2), ResBlock(64, 64),
                          nn.AdaptiveAvgPool2d(1), nn.Flatten(), Dropout(0.1), nn.Linear(64, 10))
    learn = Learner(model, dls, cross_entropy, lr=lr, cbs=[OneCycle(lr)], opt_func=adam_opt(wd=1e-2))
    learn.fit(epochs)
    return learn
