"""The Sampler yields n // bs full batches and drops the last, partial one (its indices are never seen)."""
EXERCISE = "Sampler"
TITLE = "Sampler drops the last, partial batch"
EXPLANATION = ("Every index comes once per pass: when bs does not divide n, the last batch holds the n % bs left over. "
               "Starts range(0, n, bs) with slices [i:i + bs] keep it (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for b in range(self.n // self.bs):
            yield order[b * self.bs:(b + 1) * self.bs]
