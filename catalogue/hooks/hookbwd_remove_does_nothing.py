"""HookBwd.remove() does nothing: the backward hook stays on the module after the with block."""
EXERCISE = "HookBwd"


class HookBwd(HookBwd):
    def remove(self):
        pass
