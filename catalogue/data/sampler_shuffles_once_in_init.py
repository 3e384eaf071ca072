"""The Sampler draws its permutation once, in __init__: every pass (every epoch) has the same order."""
EXERCISE = "Sampler"
NOT_DIAGNOSED = "its order comes from torch's generator before the test seeds it: not replayable"
TITLE = "Sampler draws its permutation once, in __init__"
EXPLANATION = ("The point of shuffling is a new order every epoch: draw torch.randperm(n) at the start of each pass, "
               "in __iter__. Drawn once, every pass repeats the same order (lesson 9: Sampler).")


class Sampler(Sampler):
    def __init__(self, ds, bs, shuffle=False):
        super().__init__(ds, bs, shuffle)
        self.order = torch.randperm(self.n) if shuffle else torch.arange(self.n)

    def __iter__(self):
        for i in range(0, self.n, self.bs):
            yield self.order[i:i + self.bs]
