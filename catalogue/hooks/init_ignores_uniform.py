"""init_cnn always uses kaiming_normal_, whatever uniform says."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, a=0.1)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
