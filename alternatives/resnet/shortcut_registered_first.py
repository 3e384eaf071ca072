"""ResBlock that registers its shortcut before the residual branch, and pools with a module only when needed."""
EXERCISE = "ResBlock"


class ResBlock(nn.Module):
    def __init__(self, ni, nf, stride=1):
        super().__init__()
        shortcut = []
        if stride != 1:
            shortcut.append(nn.AvgPool2d(2, ceil_mode=True))
        if ni != nf:
            shortcut.append(conv_layer(ni, nf, ks=1, act=False))
        self.shortcut = nn.Sequential(*shortcut)
        self.branch = nn.Sequential(conv_layer(ni, nf, stride=stride), conv_layer(nf, nf, zero_bn=True, act=False))

    def forward(self, x):
        return torch.relu(self.branch(x) + self.shortcut(x))
