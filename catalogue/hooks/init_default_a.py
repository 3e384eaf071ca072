"""init_cnn calls kaiming_normal_/kaiming_uniform_ with the default a=0 (relu's gain sqrt(2)) instead of a=0.1."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
