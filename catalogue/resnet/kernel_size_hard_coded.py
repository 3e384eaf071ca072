"""conv_layer always builds a 3x3 convolution (padding 1), whatever ks it is given."""
EXERCISE = "conv_layer"


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    nn.init.zeros_(bn.bias)
    layers = [nn.Conv2d(ni, nf, 3, stride=stride, padding=1, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
