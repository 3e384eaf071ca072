"""conv_layer puts the ReLU between the convolution and the BatchNorm."""
EXERCISE = "conv_layer"
TITLE = "conv_layer puts the ReLU before the BatchNorm"
EXPLANATION = ("conv_layer is Conv2d, then BatchNorm2d, then ReLU: the BatchNorm normalises the convolution's output "
               "and the ReLU acts on the normalised values. Swapped, the layer ends in a BatchNorm whose outputs are "
               "centred on 0, many of them negative, where a ReLU's never are (lesson 12: conv_layer and the "
               "ResBlock).")


def conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    conv = nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False)
    return nn.Sequential(conv, *([nn.ReLU()] if act else []), bn)
