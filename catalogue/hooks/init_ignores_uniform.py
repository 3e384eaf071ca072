"""init_cnn always uses kaiming_normal_, whatever uniform says."""
EXERCISE = "init_cnn"
TITLE = "init_cnn always uses kaiming_normal_, ignoring uniform"
EXPLANATION = ("uniform=True asks for kaiming_uniform_: the same variance, drawn from a uniform distribution instead "
               "of a normal one. Choose the function from the argument (lesson 10: initialisation).")


def init_cnn(m, uniform=False):
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, a=0.1)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
