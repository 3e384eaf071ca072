"""The Sampler calls torch.manual_seed(42) before each permutation "to be reproducible": every pass repeats the
same order, and the caller's seed is ignored."""
EXERCISE = "Sampler"
TITLE = "Sampler calls torch.manual_seed before every permutation"
EXPLANATION = ("Seeding inside the sampler makes every pass draw the same order, so shuffling changes nothing between "
               "epochs, and it overrides the seed the caller set. Seed once, outside; draw torch.randperm(n) at each "
               "pass (lesson 9: Sampler).")


class Sampler(Sampler):
    def __iter__(self):
        if self.shuffle:
            torch.manual_seed(42)
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
