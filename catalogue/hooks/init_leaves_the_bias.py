"""init_cnn initialises the weights but leaves the biases as they were."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1)
