"""conv_layer without padding: every 3x3 convolution shrinks the image by 2."""
EXERCISE = "conv_layer"
TITLE = "conv_layer without padding"
EXPLANATION = ("Without padding a ks x ks convolution loses ks - 1 rows and columns, so a block's branch no longer "
               "has the identity path's size. Pad by ks // 2, which keeps the size at stride 1 (lesson 12: conv_layer "
               "and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
