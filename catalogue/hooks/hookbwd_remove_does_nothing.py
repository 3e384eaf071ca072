"""HookBwd.remove() does nothing: the backward hook stays on the module after the with block."""
EXERCISE = "HookBwd"
TITLE = "HookBwd.remove() does nothing"
EXPLANATION = ("A backward hook stays on its module until its handle's remove() is called, and runs at every later "
               "backward pass. Keep the handle register_full_backward_hook returns and remove it in remove(), which "
               "__exit__ calls (fastbook chapter 18: backward hooks).")


class HookBwd(HookBwd):
    def remove(self):
        pass
