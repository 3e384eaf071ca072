"""conv_layer's BatchNorm2d is sized for the input channels ni instead of the conv's output channels nf."""
EXERCISE = "conv_layer"
TITLE = "conv_layer's BatchNorm2d sized for ni instead of nf"
EXPLANATION = ("The BatchNorm normalises what the convolution produces, nf channels, so it is BatchNorm2d(nf); sized "
               "for the ni input channels it fails (or holds the wrong parameters) whenever ni != nf (lesson 12: "
               "conv_layer and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(ni)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    nn.init.zeros_(bn.bias)
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
