"""The identity path subsamples with a stride-2 1x1 conv instead of average pooling."""
EXERCISE = "ResBlock"
TITLE = "identity path subsampled by a stride-2 1x1 conv instead of AvgPool2d"
EXPLANATION = ("A 1x1 convolution with stride 2 keeps one pixel of every 2x2 window and throws three away, and adds a "
               "convolution even when ni == nf. Pool with AvgPool2d(2, ceil_mode=True), then use the 1x1 conv_layer "
               "only if ni != nf (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.Identity()
        self.idconv = conv_layer(ni, nf, ks=1, stride=stride, act=False) if (ni != nf or stride != 1) \
            else nn.Identity()
