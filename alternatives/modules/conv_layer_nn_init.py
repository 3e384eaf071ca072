"""ConvLayer initialised with torch.nn.init's kaiming_normal_ / xavier_normal_; relu as clamp_min(0).

The bias is added after the convolution.
"""
EXERCISE = "ConvLayer"


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        w = torch.empty(nf, ni, 3, 3)
        if act:
            torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
        else:
            torch.nn.init.xavier_normal_(w)
        self.w = Parameter(w)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, stride=self.stride, padding=1)
        if self.b is not None:
            out = out + self.b[:, None, None]
        return out.clamp_min(0.0) if self.act else out
