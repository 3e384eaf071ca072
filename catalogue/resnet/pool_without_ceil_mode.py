"""AvgPool2d(2) without ceil_mode: odd heights and widths lose a row; the sum then fails (5 -> 3 against 2) or
broadcasts into wrong values (3 -> 2 against 1)."""
EXERCISE = "ResBlock"
TITLE = "AvgPool2d(2) on the identity path without ceil_mode=True"
EXPLANATION = ("The strided convolution gives ceil(H / 2) rows but AvgPool2d(2) gives floor(H / 2), so at odd sizes "
               "the two paths disagree and the sum fails or broadcasts. Use AvgPool2d(2, ceil_mode=True) so both "
               "round up (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def __init__(self, ni, nf, stride=1):
        super().__init__(ni, nf, stride)
        self.pool = nn.AvgPool2d(2) if stride != 1 else nn.Identity()
