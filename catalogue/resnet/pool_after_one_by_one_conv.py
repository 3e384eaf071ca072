"""The identity path applies the 1x1 conv_layer first and pools after it (its BatchNorm sees unpooled maps)."""
EXERCISE = "ResBlock"
TITLE = "identity path pools after the 1x1 conv_layer instead of before"
EXPLANATION = ("The identity path pools first, then applies the 1x1 conv_layer to the smaller maps: its BatchNorm "
               "then normalises the pooled values, and the convolution does a quarter of the work. Use "
               "idconv(pool(x)) (lesson 12: the ResBlock).")


class ResBlock(ResBlock):
    def forward(self, x):
        return F.relu(self.convs(x) + self.pool(self.idconv(x)))
