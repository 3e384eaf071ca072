"""ResBlock's second conv_layer reads ni channels instead of the nf the first one produces."""
EXERCISE = "ResBlock"
TITLE = "second conv_layer reads ni channels instead of nf"
EXPLANATION = ("The second convolution reads what the first one produces, nf channels, so it is conv_layer(nf, nf, "
               "...); conv_layer(ni, nf, ...) fails whenever ni != nf (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        nn.Module.__init__(self)
        self.convs = nn.Sequential(conv_layer(ni, nf, stride=stride), conv_layer(ni, nf, zero_bn=True, act=False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()
