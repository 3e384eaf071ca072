"""init_cnn loops over m.children(): layers nested deeper, and m itself, are missed."""
EXERCISE = "init_cnn"
TITLE = "init_cnn loops over m.children(), missing nested layers and m itself"
EXPLANATION = ("children() yields the modules one level down only: layers inside a block, and m itself when it is a "
               "Conv2d or a Linear, are skipped. m.modules() walks the whole tree, m included (lesson 10: "
               "initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.children():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
