"""ResBlock returns convs(x) + idpath(x) without the final relu."""
EXERCISE = "ResBlock"
TITLE = "no ReLU after adding the branch to the identity path"
EXPLANATION = ("A residual block is relu(convs(x) + idpath(x)): the activation comes after the sum, which is also why "
               "a fresh block with ni == nf and stride 1 returns relu(x). Apply F.relu to the sum (lesson 12: the "
               "ResBlock).")


class ResBlock(ResBlock):
    def forward(self, x):
        return self.convs(x) + self.idconv(self.pool(x))
