"""The Sampler shuffles with Python's random.shuffle, which torch.manual_seed does not seed: not reproducible."""
import random

EXERCISE = "Sampler"
NOT_DIAGNOSED = "its order comes from Python's random, which the judge does not seed: not replayable"
TITLE = "Sampler shuffles with Python's random.shuffle, not torch's generator"
EXPLANATION = ("random.shuffle draws from Python's generator, which torch.manual_seed does not seed, so a run cannot "
               "be reproduced from torch's seed. torch.randperm(n) draws from torch's global generator (lesson 9: "
               "Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = list(range(self.n))
        if self.shuffle:
            random.shuffle(order)
        order = torch.tensor(order, dtype=torch.int64)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
