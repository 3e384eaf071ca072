"""A 1x1 conv_layer on the identity path even when ni == nf: extra parameters, and not relu(x) at start."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.idconv = conv_layer(ni, nf, ks=1, act=False)
