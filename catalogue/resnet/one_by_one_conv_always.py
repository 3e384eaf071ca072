"""A 1x1 conv_layer on the identity path even when ni == nf: extra parameters, and not relu(x) at start."""
EXERCISE = "ResBlock"
TITLE = "1x1 conv_layer on the identity path even when ni == nf"
EXPLANATION = ("The identity path should be the input itself whenever it can: a 1x1 conv_layer is only needed to "
               "change the number of channels (ni != nf). Used always, it adds parameters and the block no longer "
               "starts as relu(x) (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.idconv = conv_layer(ni, nf, ks=1, act=False)
