"""init_cnn zeroes the bias of every module that has one, BatchNorm and LayerNorm included."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1)
        if getattr(layer, "bias", None) is not None:
            nn.init.zeros_(layer.bias)
