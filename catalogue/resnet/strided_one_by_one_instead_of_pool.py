"""The identity path subsamples with a stride-2 1x1 conv instead of average pooling."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, stride=stride, act=False) if (ni != nf or stride != 1) \
            else nn.Identity()
