"""The Sampler cuts the order with order.chunk(len(self)), which makes ceil(n / len) sized pieces: not bs each
(n = 9, bs = 4: three batches of 3)."""
EXERCISE = "Sampler"
TITLE = "Sampler cuts the order with chunk(len(self)), not into slices of bs"
EXPLANATION = ("chunk(k) makes pieces of ceil(n / k) items, so n = 9 and bs = 4 give three batches of 3, not 4, 4 and "
               "1. Slice order[i:i + bs] for i in range(0, n, bs) (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        yield from order.chunk(len(self))
