"""conv_layer never passes its stride to the Conv2d, so a strided block does not downsample."""
EXERCISE = "conv_layer"
TITLE = "conv_layer never passes its stride to the Conv2d"
EXPLANATION = ("The stride is what lets a block halve the height and width; without it the convolution keeps the "
               "input's size and a strided ResBlock no longer downsamples. Pass stride=stride to nn.Conv2d (lesson "
               "12: conv_layer and the ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    nn.init.zeros_(bn.bias)
    layers = [nn.Conv2d(ni, nf, ks, padding=ks // 2, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))
