"""conv_layer ignores zero_bn: its BatchNorm always starts with weight 1."""
EXERCISE = "conv_layer"


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), nn.BatchNorm2d(nf)]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
