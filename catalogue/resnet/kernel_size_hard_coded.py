"""conv_layer always builds a 3x3 convolution (padding 1), whatever ks it is given."""
EXERCISE = "conv_layer"
TITLE = "conv_layer always builds a 3x3 convolution, whatever ks says"
EXPLANATION = ("The identity path's 1x1 conv_layer (ks=1) only matches channels; a 3x3 kernel there mixes "
               "neighbouring positions and adds 9 times the weights. Use nn.Conv2d(ni, nf, ks, padding=ks // 2) "
               "(lesson 12: conv_layer and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    nn.init.zeros_(bn.bias)
    layers = [nn.Conv2d(ni, nf, 3, stride=stride, padding=1, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
