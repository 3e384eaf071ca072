"""init_cnn calls kaiming_normal_/kaiming_uniform_ with the default a=0 (relu's gain sqrt(2)) instead of a=0.1."""
EXERCISE = "init_cnn"
TITLE = "kaiming init with the default a=0 instead of a=0.1"
EXPLANATION = ("Kaiming init scales the weights by the gain of the activation that follows: sqrt(2 / (1 + a^2)) for "
               "a leaky relu of slope a. The default a=0 is a plain relu's gain, sqrt(2); layers followed by a leak "
               "of 0.1 need a=0.1 (lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
