"""The Sampler's slices end one too far (order[i:i + bs + 1], an end taken as inclusive), so the first index of
each batch also ends the batch before it."""
EXERCISE = "Sampler"
TITLE = "Sampler slices order[i:i + bs + 1], one index too many"
EXPLANATION = ("A slice's end is exclusive: order[i:i + bs] already holds bs indices. With + 1 each batch ends with "
               "the first index of the next, which then comes twice per pass (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs + 1]
