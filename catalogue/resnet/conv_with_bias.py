"""conv_layer keeps Conv2d's default bias, which BatchNorm makes redundant."""
EXERCISE = "conv_layer"
TITLE = "conv_layer keeps Conv2d's default bias"
EXPLANATION = ("The BatchNorm right after the convolution subtracts each channel's mean, which removes any bias the "
               "convolution adds, and its own bias takes that role; a conv bias is wasted parameters. Use "
               "nn.Conv2d(..., bias=False) (lesson 12: conv_layer and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
