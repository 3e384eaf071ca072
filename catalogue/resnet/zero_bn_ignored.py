"""conv_layer ignores zero_bn: its BatchNorm always starts with weight 1."""
EXERCISE = "conv_layer"
TITLE = "conv_layer ignores zero_bn: its BatchNorm weight always starts at 1"
EXPLANATION = ("zero_bn=True must start the BatchNorm's weight at 0, so the last layer of a residual branch outputs 0 "
               "and the block starts as the identity path. Set nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0) "
               "and the bias to 0 (lesson 12: conv_layer and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), nn.BatchNorm2d(nf)]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
