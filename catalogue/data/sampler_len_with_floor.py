"""len(Sampler) is n // bs (floor), which misses the partial batch the Sampler does yield."""
EXERCISE = "Sampler"
TITLE = "len(Sampler) is n // bs, missing the partial batch"
EXPLANATION = ("When bs does not divide n the Sampler yields one more, partial, batch, so its length is ceil(n / bs) = "
               "(n + bs - 1) // bs; floor division leaves that batch out (lesson 9: Sampler).")


class Sampler(Sampler):
    def __len__(self):
        return self.n // self.bs
