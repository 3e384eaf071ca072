"""init_cnn initialises the convolutions only (isinstance(l, nn.Conv2d)) and leaves the Linear layers as they were."""
EXERCISE = "init_cnn"
TITLE = "init_cnn initialises the Conv2d layers only, not the Linear ones"
EXPLANATION = ("The Linear layers at the end need the same care: their weights set the scale of what they output, "
               "the logits included. Test isinstance(layer, (nn.Conv2d, nn.Linear)) (lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, nn.Conv2d):
            init(layer.weight, a=0.1)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
