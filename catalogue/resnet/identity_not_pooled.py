"""The identity path is never pooled: with stride 2 the branch is half the size of the identity."""
EXERCISE = "ResBlock"
TITLE = "identity path not pooled when stride != 1"
EXPLANATION = ("With stride 2 the branch halves the height and width, so the identity path must shrink too before the "
               "two are added: AvgPool2d(2, ceil_mode=True) when stride != 1, then the 1x1 conv_layer if ni != nf "
               "(lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.Identity()
