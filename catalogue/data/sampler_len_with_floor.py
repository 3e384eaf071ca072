"""len(Sampler) is n // bs (floor), which misses the partial batch the Sampler does yield."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __len__(self):
        return self.n // self.bs
