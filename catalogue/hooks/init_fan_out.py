"""init_cnn uses mode='fan_out': the spread is set by the number of outputs instead of inputs."""
EXERCISE = "init_cnn"
TITLE = "kaiming init with mode='fan_out' instead of the default fan_in"
EXPLANATION = ("To keep the activations at unit variance in the forward pass, the weights are scaled by 1 / "
               "sqrt(fan_in), the number of inputs each output sums. mode='fan_out' preserves the gradients' "
               "variance in the backward pass instead, another spread whenever inputs and outputs differ (lesson 10: "
               "initialisation).")


def init_cnn(m, uniform=False):
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for layer in m.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            init(layer.weight, a=0.1, mode="fan_out")
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
