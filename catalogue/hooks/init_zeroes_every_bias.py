"""init_cnn zeroes the bias of every module that has one, BatchNorm and LayerNorm included."""
EXERCISE = "init_cnn"
TITLE = "init_cnn zeroes the bias of every module, norm layers included"
EXPLANATION = ("Only the Conv2d and Linear layers are initialised; a BatchNorm's or LayerNorm's bias is a learned "
               "shift that init_cnn must leave as it was, like every other layer. Zero the bias inside the "
               "Conv2d/Linear test only (lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1)
        if getattr(layer, "bias", None) is not None:
            nn.init.zeros_(layer.bias)
