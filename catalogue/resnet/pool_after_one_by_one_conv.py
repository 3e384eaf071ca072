"""The identity path applies the 1x1 conv_layer first and pools after it (its BatchNorm sees unpooled maps)."""
EXERCISE = "ResBlock"


class ResBlock(ResBlock):
    def forward(self, x):
        return F.relu(self.convs(x) + self.pool(self.idconv(x)))
