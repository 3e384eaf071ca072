"""The second conv_layer keeps its ReLU (act=True), so the branch can only add, never subtract."""
EXERCISE = "ResBlock"
TITLE = "second conv_layer of the branch keeps its ReLU (act=True)"
EXPLANATION = ("The branch learns a correction to the identity, which must be able to be negative; a ReLU at its end "
               "makes it add only non-negative values. The second conv_layer takes act=False, and the one ReLU comes "
               "after the sum (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        nn.Module.__init__(self)
        self.convs = nn.Sequential(conv_layer(ni, nf, stride=stride), conv_layer(nf, nf, zero_bn=True))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()
