"""The capstone built by helpers (the network, the loaders), with a collate_fn of its own and a narrower head."""
EXERCISE = "train"


def _loaders(batch_size):
    x, y, x_test, y_test = mnist1d()

    def collate_pairs(batch):
        xs, ys = zip(*batch)
        return torch.stack(list(xs)), torch.stack(list(ys))

    def loader(ds, bs, shuffle):
        return DataLoader(ds, Sampler(ds, bs, shuffle=shuffle), collate_fn=collate_pairs)

    return DataLoaders(loader(Dataset(x, y), batch_size, True), loader(Dataset(x_test, y_test), 250, False))


def _network(width):
    blocks = [ResBlock(1, width)]
    for ni, nf, stride in ((width, width, 1), (width, 2 * width, 2), (2 * width, 2 * width, 1),
                           (2 * width, 4 * width, 2)):
        blocks.append(ResBlock(ni, nf, stride=stride))
    return nn.Sequential(AsImage(), *blocks, nn.AdaptiveAvgPool2d(1), nn.Flatten(), Dropout(0.05),
                         nn.Linear(4 * width, 10))


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    torch.manual_seed(seed)
    learn = Learner(_network(16), _loaders(batch_size), cross_entropy, lr=lr, cbs=[OneCycle(lr, pct_start=0.3)],
                    opt_func=adam_opt(wd=1e-2, eps=1e-6))
    learn.fit(epochs)
    return learn
