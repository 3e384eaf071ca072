"""init_cnn initialises the weights but leaves the biases as they were."""
EXERCISE = "init_cnn"
TITLE = "init_cnn leaves the biases as they were"
EXPLANATION = ("PyTorch starts biases at random values; this initialisation zeroes them, so that only the weights "
               "set the spread of each layer's output and its mean starts near 0. Call nn.init.zeros_(bias) for "
               "every layer that has one (lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1)
