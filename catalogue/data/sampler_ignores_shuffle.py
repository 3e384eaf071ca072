"""The Sampler stores `shuffle` but never reads it: shuffle=True still gives 0, 1, 2, ... every pass."""
EXERCISE = "Sampler"
TITLE = "Sampler never reads shuffle"
EXPLANATION = ("With shuffle=True each pass follows a fresh torch.randperm(n), so that the model sees the items in a "
               "new order every epoch; ignoring the flag gives 0, 1, 2, ... every time (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
