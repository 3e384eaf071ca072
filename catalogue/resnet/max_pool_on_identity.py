"""The identity path subsamples with MaxPool2d instead of AvgPool2d."""
EXERCISE = "ResBlock"
TITLE = "identity path subsampled with MaxPool2d instead of AvgPool2d"
EXPLANATION = ("The identity path should carry the input through as unchanged as it can; averaging each 2x2 window "
               "keeps all four values' contribution, while max pooling keeps only the largest. Use AvgPool2d(2, "
               "ceil_mode=True) when stride != 1 (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.MaxPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
