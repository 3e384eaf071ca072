"""The Sampler draws np.random.permutation(n), from numpy's generator, which torch.manual_seed does not seed."""
import numpy as np

EXERCISE = "Sampler"
NOT_DIAGNOSED = "its order comes from numpy's generator, which the judge does not seed: not replayable"
TITLE = "Sampler shuffles with numpy's generator, not torch's"
EXPLANATION = ("np.random.permutation draws from numpy's generator, which torch.manual_seed does not seed, so a run "
               "cannot be reproduced from torch's seed. torch.randperm(n) draws from torch's global generator (lesson "
               "9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        order = torch.from_numpy(np.random.permutation(self.n)) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
