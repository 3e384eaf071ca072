"""The identity path subsamples with MaxPool2d instead of AvgPool2d."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.MaxPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
