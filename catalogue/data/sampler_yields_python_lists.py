"""The Sampler yields each batch as a Python list of ints (list(range(...))), not an int64 tensor."""
EXERCISE = "Sampler"
TITLE = "Sampler yields Python lists of ints, not int64 tensors"
EXPLANATION = ("Index batches are 1-D int64 tensors: slice the order tensor itself, torch.arange(n) or "
               "torch.randperm(n), instead of a list made from it (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n).tolist() if self.shuffle else list(range(self.n))
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
