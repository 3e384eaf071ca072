"""The Sampler steps bs + 1 through the order (range(0, n, bs + 1)) while slicing bs: one index between
batches is skipped every time."""
EXERCISE = "Sampler"
TITLE = "Sampler steps bs + 1 while slicing bs, skipping an index"
EXPLANATION = ("Consecutive batches meet exactly: starts 0, bs, 2 bs, ... with slices [i:i + bs]. Stepping bs + 1 "
               "leaves one index out between every two batches, and those items are never seen (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs + 1):
            yield order[i:i + self.bs]
