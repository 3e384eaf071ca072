"""init_cnn uses mode='fan_out': the spread is set by the number of outputs instead of inputs."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1, mode="fan_out")
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
