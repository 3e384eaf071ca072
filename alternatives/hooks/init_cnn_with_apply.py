"""init_cnn with m.apply (children before parents) and the bias filled with 0 by hand."""
EXERCISE = "init_cnn"


def init_cnn(m, uniform=False):
    def init(layer):
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            if uniform:
                nn.init.kaiming_uniform_(layer.weight, a=0.1)
            else:
                nn.init.kaiming_normal_(layer.weight, a=0.1)
            if layer.bias is not None:
                with torch.no_grad():
                    layer.bias.fill_(0.0)

    m.apply(init)
