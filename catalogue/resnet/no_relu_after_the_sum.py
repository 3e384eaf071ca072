"""ResBlock returns convs(x) + idpath(x) without the final relu."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def forward(self, x):
        return self.convs(x) + self.idconv(self.pool(x))
