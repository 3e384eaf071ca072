"""ResBlock that gives zero_bn=True to the first conv_layer instead of the second: that BatchNorm's output is 0
after the ReLU, which passes no gradient there, so the first convolution and that BatchNorm never learn."""
EXERCISE = "ResBlock"
TITLE = "zero_bn given to the first conv_layer of the branch, not the second"
EXPLANATION = ("zero_bn belongs to the last BatchNorm of the branch, the one added to the identity path: its weight "
               "then gets a gradient and grows, and the layers before it learn. Zeroing the first one, before its "
               "ReLU, makes that layer output exactly 0, where the ReLU passes no gradient: the first convolution "
               "and its BatchNorm never learn (lesson 12: the ResBlock).")


class ResBlock(nn.Module):
    def __init__(self, ni, nf, stride=1):
        super().__init__()
        self.convs = nn.Sequential(conv_layer(ni, nf, stride=stride, zero_bn=True),
                                   conv_layer(nf, nf, act=False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()

    def forward(self, x):
        return F.relu(self.convs(x) + self.idconv(self.pool(x)))
