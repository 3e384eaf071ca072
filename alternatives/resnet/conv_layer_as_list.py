"""conv_layer building its Sequential from an OrderedDict with named layers."""
EXERCISE = "conv_layer"


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    from collections import OrderedDict

    bn = nn.BatchNorm2d(nf)
    with torch.no_grad():
        bn.weight.fill_(0.0 if zero_bn else 1.0)
        bn.bias.zero_()
    layers = OrderedDict(conv=nn.Conv2d(ni, nf, kernel_size=ks, stride=stride, padding=ks // 2, bias=False), bn=bn)
    if act:
        layers["relu"] = nn.ReLU(inplace=False)
    return nn.Sequential(layers)
