"""The Sampler builds its order with torch.Tensor(range(n)), which makes float32: the indices are floats."""
EXERCISE = "Sampler"
TITLE = "Sampler's indices made float32 by torch.Tensor(...)"
EXPLANATION = ("torch.Tensor(list) always makes float32, and a float tensor cannot index a tensor. Index batches are "
               "int64 tensors: slices of torch.arange(n) or torch.randperm(n) (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.Tensor(torch.randperm(self.n).tolist() if self.shuffle else list(range(self.n)))
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
