"""The stride goes to the second 3x3 conv_layer instead of the first."""
EXERCISE = "ResBlock"
TITLE = "stride given to the second conv_layer instead of the first"
EXPLANATION = ("The block downsamples in its first convolution, so the second one works on the smaller maps; striding "
               "the second gives the same shape but other outputs, and the first convolution does four times the "
               "work. Pass stride to the first conv_layer (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        nn.Module.__init__(self)
        self.convs = nn.Sequential(conv_layer(ni, nf), conv_layer(nf, nf, stride=stride, zero_bn=True, act=False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()
