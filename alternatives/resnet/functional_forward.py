"""ResBlock with named conv_layers and F.avg_pool2d / F.relu in forward instead of modules."""
EXERCISE = "ResBlock"


class ResBlock(nn.Module):
    def __init__(self, ni, nf, stride=1):
        super().__init__()
        self.stride = stride
        self.conv1 = conv_layer(ni, nf, stride=stride)
        self.conv2 = conv_layer(nf, nf, zero_bn=True, act=False)
        self.shortcut = conv_layer(ni, nf, ks=1, act=False) if ni != nf else None

    def forward(self, x):
        identity = F.avg_pool2d(x, 2, ceil_mode=True) if self.stride != 1 else x
        if self.shortcut is not None:
            identity = self.shortcut(identity)
        return F.relu(self.conv2(self.conv1(x)) + identity)
