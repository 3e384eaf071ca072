"""The identity path is never pooled: with stride 2 the branch is half the size of the identity."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.Identity()
