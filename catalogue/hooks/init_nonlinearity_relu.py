"""init_cnn passes a=0.1 with nonlinearity='relu', whose gain ignores a: the spread is relu's, not leaky relu's."""
EXERCISE = "init_cnn"
TITLE = "kaiming init with nonlinearity='relu', whose gain ignores a"
EXPLANATION = ("torch's gain uses a only for nonlinearity='leaky_relu', the default; with 'relu' it is sqrt(2) "
               "whatever a says. Pass a=0.1 and keep the default nonlinearity for the gain sqrt(2 / (1 + 0.1^2)) "
               "(lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1, nonlinearity="relu")
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
