"""ResBlock that gives zero_bn=True to the first conv_layer instead of the second: the branch still starts at 0,
but the first convolution gets no gradient until the BatchNorm after it grows."""
EXERCISE = "ResBlock"


class ResBlock(nn.Module):
    def __init__(self, ni, nf, stride=1):
        super().__init__()
        self.convs = nn.Sequential(conv_layer(ni, nf, stride=stride, zero_bn=True),
                                   conv_layer(nf, nf, act=False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, act=False) if ni != nf else nn.Identity()

    def forward(self, x):
        return F.relu(self.convs(x) + self.idconv(self.pool(x)))
