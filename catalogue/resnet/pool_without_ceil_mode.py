"""AvgPool2d(2) without ceil_mode: odd heights and widths lose a row, and the sum cannot be formed."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.AvgPool2d(2) if stride != 1 else nn.Identity()
