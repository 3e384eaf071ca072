"""BatchNorm keeps means and vars as plain tensor attributes: not in state_dict, left behind by .to() and .double()."""
EXERCISE = "BatchNorm"
TITLE = "running means and vars as plain attributes, not registered buffers"
EXPLANATION = ("A plain tensor attribute is invisible to the module: it is not saved in state_dict, and .to() and "
               ".double() leave it behind. self.register_buffer('means', torch.zeros(1, nf, 1, 1)) (and 'vars', ones) "
               "makes the running statistics part of the module's state without making them parameters (lesson 10: "
               "batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.means = torch.zeros(1, nf, 1, 1)
        self.vars = torch.ones(1, nf, 1, 1)

    def forward(self, x):
        if self.training:
            mean = x.mean((0, 2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean((0, 2, 3), keepdim=True)
            n = x.numel() / x.shape[1]
            with torch.no_grad():
                self.means = self.means.to(x).lerp(mean, self.mom)
                self.vars = self.vars.to(x).lerp(var * n / (n - 1), self.mom)
        else:
            mean, var = self.means.to(x), self.vars.to(x)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
