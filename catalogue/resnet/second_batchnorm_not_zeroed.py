"""ResBlock's second conv_layer without zero_bn=True: the block is not the identity at initialisation."""
EXERCISE = "ResBlock"
TITLE = "second conv_layer of the branch without zero_bn=True"
EXPLANATION = ("With the last BatchNorm's weight at 0 the branch adds 0 at initialisation, so the block starts as "
               "relu(idpath(x)) and a deep stack starts near the identity and trains easily. Give zero_bn=True to the "
               "second conv_layer (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        nn.Module.__init__(self)
        self.convs = nn.Sequential(conv_layer(ni, nf, stride=stride), conv_layer(nf, nf, act=False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()
