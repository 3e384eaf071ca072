"""The mask is made with .float(): a float16 input comes back as float32."""
EXERCISE = "Dropout"
TITLE = "mask made with .float(), turning a float16 input into float32"
EXPLANATION = ("Multiplying a float16 tensor by a float32 mask promotes the result to float32, so the layer changes "
               "its input's dtype, which mixed-precision training relies on. Convert the mask with .to(x.dtype) "
               "(lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        mask = (torch.rand(x.shape) >= self.p).float()
        return x * mask / (1 - self.p)
