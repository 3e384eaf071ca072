"""The Sampler makes n // bs + 1 slices to keep the partial batch, so when bs divides n the last one is empty."""
EXERCISE = "Sampler"
TITLE = "Sampler makes n // bs + 1 slices, the last empty when bs divides n"
EXPLANATION = ("There are ceil(n / bs) batches, one more than n // bs only when there is a remainder. Starts range(0, "
               "n, bs) give exactly the batches needed, with no empty one at the end (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for b in range(self.n // self.bs + 1):
            yield order[b * self.bs:(b + 1) * self.bs]
