"""conv_layer's BatchNorm2d is sized for the input channels ni instead of the conv's output channels nf."""
EXERCISE = "conv_layer"


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(ni)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    nn.init.zeros_(bn.bias)
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
