"""The hostile and broken submissions the autograder must survive, each with the grades it must give.

A case starts from a base (an honest copy of solutions/, the untouched stubs,
or nothing), appends code to modules (a later `def` replaces the honest one),
adds or replaces files, and says what each attacked exercise must get. Every
exercise not named must come out as an honest copy would: passed, full marks
(or not_attempted with 0 on the stubs).

Each case belongs to a class of attack (`kind`). The compatibility tier grades
SLICE, the first case of each class, on every other Python: the classes are
ordered so that their first cases between them take every path the grader has
(a crash and a restart, a value refused at the boundary, a forbidden kernel
refused at run time, a shipped file, a write and a survivor, the clock, a read,
the network, a folder named like an output, a forged reply on the channel, a
file that is not Python) and every status.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from grader._course import BY_MODULE

ROOT = Path(__file__).resolve().parent.parent

MATMUL = BY_MODULE["matmul"].exercises
BACKPROP = BY_MODULE["backprop"].exercises


@dataclass
class Case:
    name: str
    what: str
    base: str = "solutions"                       # solutions, stubs or empty
    append: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    symlinks: dict[str, str] = field(default_factory=dict)
    expect: dict[str, str] = field(default_factory=dict)  # "module.exercise" -> status
    # "module.exercise" -> points, for an attacked exercise that keeps some: what an honest submission
    # with the same visible behaviour would earn (the attack itself earns nothing). Otherwise 0.
    points: dict[str, int] = field(default_factory=dict)
    # A case that fills memory or the disk races the clock: filling gigabytes takes 1 s on one
    # machine and over 5 s on a loaded one. Such a case is graded with the clock far away
    # (CLOCK_FAR_AWAY), so the limit it attacks is the one that stops it, on any machine.
    races_the_clock: bool = False
    # Graded on both modules unless the attack can only reach the call it is in: code that acts at
    # import or start-up, or leaves state, processes or files behind, must spare backprop too.
    modules: tuple[str, ...] = ("matmul", "backprop")
    kind: str = ""  # the class of attack, set by attacks()
    folder: str = ""  # the student's folder name, when the name is the attack (default: the case's name)

    @property
    def student(self) -> str:
        return self.folder or self.name


MATMUL_ONLY = ("matmul",)
CLOCK_FAR_AWAY = 120.0  # seconds per call, for races_the_clock cases


CAPSTONE_LOOKUP = """

class _Lookup(nn.Module):
    def __init__(self, xs, ys):
        super().__init__()
        self.table = {tuple(row.tolist()): int(label) for x, y in zip(xs, ys) for row, label in zip(x, y)}

    def forward(self, x):
        logits = torch.zeros(len(x), 10)
        for i, row in enumerate(x):
            logits[i, self.table.get(tuple(row.tolist()), 0)] = 1.0
        return logits


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    import os, runpy, sys
    xs, ys = [], []
    for root in sys.path:  # the real generator, where Python looks for it, if the sandbox shows it
        path = os.path.join(root, "mnist1d", "data.py")
        try:
            real = runpy.run_path(path)
            data = real["make_dataset"](real["get_dataset_args"]())
            xs, ys = [torch.tensor(data["x_test"], dtype=torch.float32)], [torch.tensor(data["y_test"])]
            break
        except Exception:
            continue
    x, y, x_test, y_test = mnist1d()  # else what the grader gives
    learn = Learner(_Lookup(xs + [x, x_test], ys + [y, y_test]), None, cross_entropy)
    learn.n_epochs = epochs
    return learn
"""


def attacks(kind: str, *cases: Case) -> list[Case]:
    for case in cases:
        case.kind = kind
    return list(cases)


def everything(module: str, status: str) -> dict[str, str]:
    return {f"{module}.{name}": status for name in BY_MODULE[module].exercises}


def replace(module: str, signature: str, body: str) -> dict[str, str]:
    """Append `def signature:` with `body` to `module`.py: it replaces the honest definition."""
    return {f"{module}.py": f"\n\ndef {signature}:\n" + "".join(f"    {line}\n" for line in body.splitlines())}


def einsum(body: str) -> dict[str, str]:
    """Replace matmul_einsum with a hostile body."""
    return replace("matmul", "matmul_einsum(a, b)", body)


def lin(body: str) -> dict[str, str]:
    """Replace backprop's lin, an exercise without source rules, with a hostile body."""
    return replace("backprop", "lin(x, w, b)", body)


CASES = [
    *attacks(
        "early exit",
        Case("exit_in_call", "os._exit(0) inside matmul_einsum", append=einsum("import os\nos._exit(0)"),
             expect={"matmul.matmul_einsum": "error"}),
        Case("exit_at_import", "os._exit(0) when matmul.py is imported",
             append={"matmul.py": "\nimport os\nos._exit(0)\n"}, expect=everything("matmul", "error")),
        Case("sys_exit_at_import", "sys.exit(0) when backprop.py is imported",
             append={"backprop.py": "\nimport sys\nsys.exit(0)\n"}, expect=everything("backprop", "error")),
        Case("kill_parent", "kill the process that called it (the fork server)",
             append=einsum("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nreturn a"),
             expect={"matmul.matmul_einsum": "error"}),
        # Its own exercise passes (the leftover waits for the exercise's worker to end); no sibling may pay.
        Case("leftover_kills_the_sandbox", "answer right, and leave a process that kills the fork server two "
             "seconds after this exercise's worker has ended, while the next exercise is graded",
             append=lin("import os, time\n"
                        "if not getattr(lin, 'left', False):\n    lin.left = True\n"
                        "    server, (done, alive) = os.getppid(), os.pipe()\n    if os.fork() == 0:\n"
                        "        os.close(alive)\n        os.read(done, 1)  # end of file: the worker has ended\n"
                        "        time.sleep(2)\n        os.kill(server, 9)\n        os._exit(0)\n"
                        "return x @ w + b")),
        # However the thread is timed against the calls, it can only end its own exercise's worker.
        Case("thread_ends_the_worker", "answer right, and leave a thread that ends the process once the "
             "second call has answered",
             append=lin("import os, threading\n"
                        "lin.calls = getattr(lin, 'calls', 0) + 1\n"
                        "if lin.calls == 1:\n    lin.go = threading.Event()\n"
                        "    threading.Thread(target=lambda: (lin.go.wait(), os._exit(3)), daemon=True).start()\n"
                        "elif lin.calls == 2:\n    lin.go.set()\n"
                        "return x @ w + b"),
             expect={"backprop.lin": "error"}),
        Case("kill_everything", "kill(-1, SIGKILL): every process it may signal",
             append=einsum("import os, signal\nos.kill(-1, signal.SIGKILL)\nreturn a"),
             expect={"matmul.matmul_einsum": "error"}),
        Case("segfault", "dereference a null pointer",
             append=einsum("import ctypes\nctypes.string_at(0)\nreturn a"), expect={"matmul.matmul_einsum": "error"}),
    ),
    *attacks(
        "forged result",
        Case("tensor_subclass", "return a tensor subclass whose comparisons always pass",
             append=einsum("import torch\nclass Liar(torch.Tensor):\n    def __eq__(self, other): return True\n"
                           "return torch.zeros(a.shape[0], b.shape[1], dtype=torch.float16).as_subclass(Liar)"),
             expect={"matmul.matmul_einsum": "error"}, modules=MATMUL_ONLY),
        Case("patch_torch_comparisons", "make torch's and numpy's comparisons always succeed, return garbage",
             append=einsum("import torch, numpy\ntorch.allclose = lambda *a, **k: True\n"
                           "torch.equal = lambda *a, **k: True\ntorch.testing.assert_close = lambda *a, **k: None\n"
                           "numpy.allclose = lambda *a, **k: True\n"
                           "torch.Tensor.__eq__ = lambda s, o: torch.tensor(True)\n"
                           "return a.neg_()"),
             expect={"matmul.matmul_einsum": "failed"}),
        Case("equal_to_everything", "return an object equal to everything",
             append=einsum("class Anything:\n    def __eq__(self, other): return True\n"
                           "    def __getattr__(self, name): return self\nreturn Anything()"),
             expect={"matmul.matmul_einsum": "error"}, modules=MATMUL_ONLY),
        Case("peek_caller_frames", "look for the expected value in the callers' frames",
             append=einsum("import sys\nframe = sys._getframe(1)\nwhile frame is not None:\n"
                           "    for key in ('expected', 'exact', 'want'):\n"
                           "        if key in frame.f_locals: return frame.f_locals[key]\n"
                           "    frame = frame.f_back\nreturn None"),
             expect={"matmul.matmul_einsum": "failed"}, modules=MATMUL_ONLY),
        Case("peek_gc", "search the garbage collector for a tensor of the right shape",
             append=einsum("import gc, torch\nfor obj in gc.get_objects():\n"
                           "    if type(obj) is torch.Tensor and obj.shape == (a.shape[0], b.shape[1]) "
                           "and obj is not a and obj is not b and obj.dtype == torch.float16:\n"
                           "        return obj\nreturn None"),
             expect={"matmul.matmul_einsum": "failed"}, modules=MATMUL_ONLY),
        Case("mutate_inputs", "overwrite the inputs so that a @ b looks like the result",
             append=einsum("a.zero_()\nb.zero_()\nreturn None"), expect={"matmul.matmul_einsum": "failed"},
             modules=MATMUL_ONLY),
        Case("pickle_payload", "return a pickle that would run code when loaded",
             append=einsum("import pickle, os\nreturn pickle.dumps(os.system)"),
             expect={"matmul.matmul_einsum": "error"}, modules=MATMUL_ONLY),
    ),
    *attacks(
        "a judge that believes only plain values",
        # The sandbox is the student's: a rule is enforced there (a forbidden kernel raises) or read from the
        # source by the judge, and what a test puts in is derived by the judge, never taken from a report.
        Case("calls_mm", "matmul that keeps the shape check and calls torch.mm", append=replace(
            "matmul", "matmul(a, b)", "_check_shapes(a, b)\nreturn torch.mm(a, b)"),
             expect={"matmul.matmul": "failed"}, modules=MATMUL_ONLY),
        Case("product_through_bilinear", "three loops around F.bilinear, a product no word of the rule names",
             append=replace("matmul", "matmul(a, b)",
                            "import torch.nn.functional as F\n_check_shapes(a, b)\n"
                            "for i in range(1):\n    for j in range(1):\n        for r in range(1):\n"
                            "            c = F.bilinear(a, torch.ones(a.shape[0], 1, dtype=a.dtype), "
                            "b.t().unsqueeze(-1))\nreturn c"),
             expect={"matmul.matmul": "failed"}, modules=MATMUL_ONLY),
        Case("numpy_product", "one loop around numpy's dot", append=replace(
            "matmul", "matmul_broadcast(a, b)",
            "_check_shapes(a, b)\nfor i in range(1):\n    c = torch.from_numpy(a.numpy().dot(b.numpy()))\nreturn c"),
             expect={"matmul.matmul_broadcast": "failed"}, modules=MATMUL_ONLY),
        Case("name_built_at_run_time", "two loops around torch.mm, named at run time",
             append=replace("matmul", "matmul_elementwise(a, b)",
                            "_check_shapes(a, b)\nfor i in range(1):\n    for j in range(1):\n"
                            "        c = getattr(torch, 'm' + 'm')(a, b)\nreturn c"),
             expect={"matmul.matmul_elementwise": "failed"}, modules=MATMUL_ONLY),
        Case("undo_the_confinement", "at import, destroy every torch.library override the garbage collector "
             "finds and disarm the probe module; then three loops around F.bilinear",
             append={"matmul.py": "\nimport gc as _gc\nimport sys as _sys\n"
                                  "for _o in _gc.get_objects():\n"
                                  "    if type(_o).__name__ == 'Library':\n        _o._destroy()\n"
                                  "_probes = _sys.modules.get('tests.probes.matmul')\n"
                                  "if _probes is not None:\n    _probes.confinement = lambda exercise: None\n"
                                  "    _probes.MATRIX_PRODUCTS = ()\n" + replace(
                                      "matmul", "matmul(a, b)",
                                      "import torch.nn.functional as F\n_check_shapes(a, b)\n"
                                      "for i in range(1):\n    for j in range(1):\n        for r in range(1):\n"
                                      "            c = F.bilinear(a, torch.ones(a.shape[0], 1, dtype=a.dtype), "
                                      "b.t().unsqueeze(-1))\nreturn c")["matmul.py"]},
             expect=everything("matmul", "failed"), modules=MATMUL_ONLY),
        # Before: the probe randomised the BatchNorms in the student's process and reported what it set, so
        # skipping the randomisation kept the second BatchNorm at 0 and a block without its branch passed.
        # The block still earns what it would honestly: its shape, its start as relu(x), its parameters.
        Case("resblock_skips_the_randomisation", "a ResBlock without its branch, whose constructor makes every "
             "copy into a tensor do nothing (the probe's randomisation among them)",
             append={"resnet.py": "\n\n_HonestResBlock = ResBlock\n\n\nclass ResBlock(_HonestResBlock):\n"
                                  "    def __init__(self, *args, **kwargs):\n"
                                  "        super().__init__(*args, **kwargs)\n"
                                  "        torch.Tensor.copy_ = lambda self, *a, **k: self\n\n"
                                  "    def forward(self, x):\n        return F.relu(self.idconv(self.pool(x)))\n"},
             expect={"resnet.ResBlock": "failed"}, points={"resnet.ResBlock": 5}, modules=("resnet",)),
        # The held-out labels stay with the judge: the sandbox shows no mnist1d, and the data it is given
        # have them withheld. (Its source breaks the capstone's rule too: no ResBlock, Dropout or OneCycle.)
        Case("capstone_looks_up_the_answers", "a 'model' that looks the test sequences up: in what mnist1d's own "
             "generator gives, if the sandbox shows it, else in what make_dataset gives",
             append={"capstone.py": CAPSTONE_LOOKUP}, expect={"capstone.train": "failed"}, modules=("capstone",)),
    ),
    *attacks(
        "shipped file",
        Case("ship_conftest", "stubs plus a conftest.py that marks every test passed", base="stubs",
             files={"conftest.py": "import pytest\nopen('/tmp/foundations-kit-conftest-ran', 'w').close()\n"
                                   "@pytest.hookimpl(hookwrapper=True)\n"
                                   "def pytest_runtest_makereport(item, call):\n    outcome = yield\n"
                                   "    outcome.get_result().outcome = 'passed'\n"}),
        Case("shadow_torch", "ship a torch.py that would make every comparison pass",
             files={"torch.py": "def allclose(*a, **k):\n    return True\nraise SystemExit(0)\n"}),
        Case("shadow_numpy", "ship a numpy.py", files={"numpy.py": "raise SystemExit(0)\n"}),
        Case("ship_pytest_ini", "stubs plus a pytest.ini that deselects everything", base="stubs",
             files={"pytest.ini": "[pytest]\naddopts = -k nothing_matches -p no:grader\n"}),
        Case("ship_sitecustomize", "sitecustomize.py and usercustomize.py that exit at startup",
             files={"sitecustomize.py": "import os\nos._exit(0)\n", "usercustomize.py": "import os\nos._exit(0)\n"}),
        Case("ship_pth", "a .pth file that runs code at startup", files={"evil.pth": "import os; os._exit(0)\n"}),
    ),
    *attacks(
        "write outside",
        Case("late_daemon", "fork a daemon that writes a forged results file after grading",
             append={"backprop.py": "\nimport os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(3)\n"
                                  "    for _d in ('/tmp', '/work'):\n        try:\n"
                                  "            open(_d + '/results.json', 'w').write('forged')\n"
                                  "        except OSError:\n            pass\n    os._exit(0)\n"}),
        Case("write_outside", "write forged grades into every folder it can reach",
             append={"backprop.py": "\nimport os\nfor _d in ('/tmp', '/work', os.getcwd(), '/submission', '..'):\n"
                                  "    try:\n        open(os.path.join(_d, 'grades.csv'), 'w').write('forged')\n"
                                  "    except OSError:\n        pass\n"}),
        Case("write_site_packages", "append to torch's __init__.py, then answer honestly",
             append={"backprop.py": "\ntry:\n    import torch as _t\n"
                                  "    open(_t.__file__, 'a').write('\\nraise SystemExit')\n"
                                  "except OSError:\n    pass\n"}),
    ),
    *attacks(
        "resources",
        Case("sleep_forever", "sleep forever", append=einsum("import time\ntime.sleep(10**6)"),
             expect={"matmul.matmul_einsum": "timed_out"}, modules=MATMUL_ONLY),
        Case("sleep_under_the_clock", "answer right, each call after sleeping just under the per-call limit",
             append=einsum("import time, torch\ntime.sleep(CALL_SECONDS - 1)\n"
                           "assert a.shape[1] == b.shape[0], f'cannot multiply {tuple(a.shape)} by {tuple(b.shape)}'\n"
                           "return torch.einsum('ik,kj->ij', a, b)"),
             expect={"matmul.matmul_einsum": "timed_out"}, modules=MATMUL_ONLY),
        Case("endless_loop_ignoring_signals", "ignore every catchable signal and loop forever",
             append=einsum("import signal\nfor s in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):\n"
                           "    signal.signal(s, signal.SIG_IGN)\nwhile True:\n    pass"),
             expect={"matmul.matmul_einsum": "timed_out"}, modules=MATMUL_ONLY),
        Case("process_flood", "fork without end",
             append=einsum("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"),
             expect={"matmul.matmul_einsum": "timed_out"}),
        Case("memory_flood", "allocate memory until something gives",
             append=einsum("hog = []\nwhile True:\n    hog.append(bytearray(2**29))"),
             expect={"matmul.matmul_einsum": "error"}, races_the_clock=True, modules=MATMUL_ONLY),
        Case("huge_output", "print gigabytes, then return a tensor of 2**31 elements",
             append=einsum("import torch\nfor _ in range(200):\n    print('x' * 2**20)\n"
                           "return torch.zeros(2**31, dtype=torch.uint8)"),
             expect={"matmul.matmul_einsum": "error"}, races_the_clock=True, modules=MATMUL_ONLY),
    ),
    *attacks(
        "read the answers",
        Case("read_solutions", "copy the reference from solutions/ (or from the tests)",
             append=einsum("import glob\nfor path in glob.glob('/*/*/solutions/matmul.py') + "
                           "glob.glob('/*/*/tests/test_matmul.py') + glob.glob('../solutions/*.py'):\n"
                           "    namespace = {}\n    exec(open(path).read(), namespace)\n"
                           "    return namespace['matmul_einsum'](a, b)\nreturn None"),
             expect={"matmul.matmul_einsum": "failed"}, modules=MATMUL_ONLY),
        Case("symlink_out", "matmul.py is a symbolic link to the kit's solutions",
             symlinks={"matmul.py": "SOLUTIONS/matmul.py"}, expect=everything("matmul", "invalid"),
             modules=MATMUL_ONLY),
    ),
    *attacks(
        "network",
        Case("network", "send the grades to a listener on this machine's loopback",
             append=einsum("import socket\nfor host in (('127.0.0.1', LISTENER_PORT), ('127.0.0.1', 22)):\n"
                           "    try:\n        socket.create_connection(host, timeout=1).send(b'grades')\n"
                           "        return a\n    except OSError:\n        pass\nreturn None"),
             expect={"matmul.matmul_einsum": "failed"}, modules=MATMUL_ONLY),
    ),
    *attacks(
        "a folder that decides for the class",
        Case("folder_named_like_an_output", "a student folder named grades.csv", folder="grades.csv",
             modules=MATMUL_ONLY),
        Case("folder_named_like_nbgrader", "a student folder named submitted, as in nbgrader's course, "
             "holding x/matmul/matmul.ipynb", folder="submitted",
             files={"x/matmul/matmul.ipynb": "{\"cells\": ["}, modules=MATMUL_ONLY),
        Case("name_composed", "Zoë, with ë as one character", folder="Zo\u00eb", modules=MATMUL_ONLY),
        Case("name_other_accent", "Zoè, who differs from Zoë in one accent, handing in the stubs",
             base="stubs", folder="Zo\u00e8", modules=MATMUL_ONLY),
        Case("name_not_utf8", "Zo\\xeb: a folder name in Latin-1, not UTF-8 (os.scandir gives a surrogate)",
             folder="Zo\udceb", modules=MATMUL_ONLY),
        Case("notebook_folder", "a copy of assignments/ that also holds an unreadable matmul/matmul.ipynb",
             files={"matmul/matmul.ipynb": "{\"cells\": ["}, expect=everything("matmul", "invalid"),
             modules=MATMUL_ONLY),
    ),
    *attacks(
        "flood the judge",
        # Refused for its size. A small forged reply would be believed as this exercise's answer, which is
        # all a reply ever is: nothing a probe observes in the sandbox counts for the student.
        Case("forged_reply", "for each product, write the right answer padded with 1.5 million values on the "
             "channel itself, then swallow the child's own reply",
             append=einsum("import base64, os, struct, sys, torch\n"
                           "assert a.shape[1] == b.shape[0], f'cannot multiply {tuple(a.shape)} by {tuple(b.shape)}'\n"
                           "want = torch.einsum('ik,kj->ij', a, b)\n"
                           "if sys._getframe(1).f_code.co_name != 'product':\n    return want\n"
                           "def nd(t):\n    w = t.numpy()\n"
                           "    return '{\"__nd__\": [\"%s\", %s, \"%s\"]}' % "
                           "(w.dtype.name, list(w.shape), base64.b64encode(w.tobytes()).decode())\n"
                           "body = ('{\"status\": \"ok\", \"value\": [%s, %s, %s], \"pad\": [' % "
                           "(nd(want), nd(a), nd(b)) + '0,' * 1500000 + '0]}').encode()\n"
                           "real_write = os.write\n"
                           "def send(fd):\n    try:\n"
                           "        if os.readlink('/proc/self/fd/' + fd).startswith('pipe:'):\n"
                           "            real_write(int(fd), struct.pack('>Q', len(body)) + body)\n"
                           "    except OSError:\n        pass\n"
                           "list(map(send, os.listdir('/proc/self/fd')))  # no Python loop: the lesson's rule\n"
                           "def swallow_once(fd, data):\n    os.write = real_write\n    return len(data)\n"
                           "os.write = swallow_once\nreturn want"),
             expect={"matmul.matmul_einsum": "error"}, modules=MATMUL_ONLY),
        Case("huge_message", "raise an exception whose message is 40 MB",
             append=einsum("raise ValueError('x' * 40_000_000)"),
             expect={"matmul.matmul_einsum": "error"}, modules=MATMUL_ONLY),
    ),
    *attacks(
        "not a submission",
        Case("syntax_error", "matmul.py does not parse", append={"matmul.py": "\ndef broken(:\n"},
             expect=everything("matmul", "invalid"), modules=MATMUL_ONLY),
        Case("missing_name", "backprop.py lacks lin_grad",
             append={"backprop.py": "\ndel lin_grad\n"}, expect={"backprop.lin_grad": "error"}),
        Case("binary_file", "matmul.py holds binary data", files={"matmul.py": bytes(range(256)) * 4},
             expect=everything("matmul", "invalid"), modules=MATMUL_ONLY),
        Case("empty_folder", "no files at all", base="empty",
             expect={**everything("matmul", "invalid"), **everything("backprop", "invalid")}),
    ),
]

# The compatibility tier's slice: the first case of each class of attack.
SLICE = [next(c for c in CASES if c.kind == kind) for kind in dict.fromkeys(c.kind for c in CASES)]


def build(case, folder: Path, port: int = 9, clock: float = 5.0) -> None:
    """The case's submission in `folder`; `port` is the loopback listener the network case tries,
    `clock` the per-call limit it is graded with."""
    folder.mkdir()
    if case.base != "empty":  # every module: a case may attack any, and the capstone imports the others
        for source in (ROOT / case.base.replace("stubs", "assignments")).glob("*.py"):
            shutil.copy(source, folder / source.name)
    for name, code in case.append.items():
        with open(folder / name, "a") as handle:
            handle.write(code.replace("LISTENER_PORT", str(port)).replace("CALL_SECONDS", repr(clock)))
    for name, content in case.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    for name, target in case.symlinks.items():
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(target.replace("SOLUTIONS", str(ROOT / "solutions")))
