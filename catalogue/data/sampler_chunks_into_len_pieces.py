"""The Sampler cuts the order with order.chunk(len(self)), which makes ceil(n / len) sized pieces: not bs each
(n = 9, bs = 4: three batches of 3)."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        yield from order.chunk(len(self))
