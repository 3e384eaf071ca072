"""The sandboxed side of the autograder: a fork server that runs probes on one student's code.

Started inside the sandbox as `python -I -B grader/_student_code/child.py [--own-pid-namespace]
KIT_ROOT SUBMISSION`. It imports torch once, then serves the trusted parent over
fds 0 and 1:

    {"op": "fork", "module": m, "exercise": e}   fork a worker for exercise e: it enters the
                                  exercise's confinement (confine.py), then imports the student's m.py
    {"op": "call", "probe": name, "args": [...], "expect_error": bool}   (worker)
    {"op": "end"}                 the worker exits; the server reports it

The server itself never runs student code; it forks a fresh
worker per exercise, so a monkeypatch, a crash or an exit in one exercise's calls cannot touch
another exercise's grading. When a worker ends, for any reason, the server sends
{"status": "exited", "code": ...}. In its own pid namespace (bubblewrap), the
server also ends every process an earlier worker left behind before it forks the
next, so that nothing one exercise started can reach another's grading.
"""
import os
import signal
import sys


def end_leftovers() -> None:
    """SIGKILL every process of this pid namespace but this one and its init (kill(-1) spares both)."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass  # there was none


def main() -> None:
    own_namespace = sys.argv[1] == "--own-pid-namespace"
    if own_namespace:
        del sys.argv[1]
        # kill(-1) outside a namespace of our own would reach every process of this uid on the machine.
        if os.getpid() != 2 or os.getppid() != 1:
            raise SystemExit("the sandbox's child is not the first process of its own pid namespace")
    kit_root, submission = sys.argv[1], sys.argv[2]
    sys.path.insert(0, kit_root)
    # Keep the channel on private descriptors; student code's prints go nowhere.
    channel_in, channel_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    import importlib

    import torch

    from grader._outcome import ModuleBroken, NotAttempted, Raised, Reply, RuleBroken, StudentError
    from grader._student_code.confine import confinement
    from grader._student_code.in_process import LocalImplementation
    from grader._student_code.plain import NotPlain, cut, from_plain, to_plain
    from grader._student_code.wire import read_message
    from grader._student_code.wire import write_message as write_whole

    def write_message(fd: int, reply: dict) -> None:
        """Send `reply` with its texts cut to what feedback keeps (the parent refuses longer ones)."""
        write_whole(fd, {key: cut(value) if key in ("message", "type") and type(value) is str else value
                         for key, value in reply.items()})

    torch.set_num_threads(1)
    write_message(channel_out, {"status": Reply.HELLO})

    def serve(module: str, exercise: str) -> None:
        """The forked worker: confine, import the student's module, then answer calls until told to end."""
        # The parent keeps the time. The exercise's confinement is entered here once, before any of the
        # student's code runs, and never left: this process is this exercise's, and ends with it.
        impl = LocalImplementation(submission, call_timeout=10**6, confine_calls=False)
        impl.exercise = exercise
        confined = confinement(importlib.import_module(f"tests.probes.{module}"), exercise)
        confined.__enter__()
        try:
            impl.module(module)
            write_message(channel_out, {"status": Reply.READY})
        except NotAttempted as exc:
            write_message(channel_out, {"status": Reply.NOT_ATTEMPTED, "message": str(exc)})
        except ModuleBroken as exc:
            write_message(channel_out, {"status": Reply.BROKEN, "message": str(exc), "kind": exc.kind})
        while True:
            request = read_message(channel_in)
            if request.get("op") != "call":
                os._exit(0)
            module_name, _, function = request["probe"].rpartition(".")
            probe = getattr(importlib.import_module(f"tests.probes.{module_name}"), function)
            try:
                result = impl.run(probe, *from_plain(request["args"]), expect_error=request["expect_error"])
                if isinstance(result, Raised):
                    reply = {"status": Reply.RAISED, "type": result.type, "kinds": list(result.kinds),
                             "message": result.message}
                else:
                    reply = {"status": Reply.OK, "value": to_plain(result)}
            except NotAttempted as exc:
                reply = {"status": Reply.NOT_ATTEMPTED, "message": str(exc)}
            except ModuleBroken as exc:
                reply = {"status": Reply.BROKEN, "message": str(exc), "kind": exc.kind}
            except RuleBroken as exc:
                reply = {"status": Reply.FORBIDDEN, "message": str(exc), "rule": exc.rule}
            except (StudentError, NotPlain) as exc:
                reply = {"status": Reply.ERROR, "message": str(exc)}
            except BaseException as exc:  # noqa: BLE001  (whatever student code throws, answer)
                reply = {"status": Reply.ERROR, "message": f"{type(exc).__name__}: {exc}"}
            write_message(channel_out, reply)

    while True:
        request = read_message(channel_in)
        if request.get("op") != "fork":
            return
        if own_namespace:
            end_leftovers()
        pid = os.fork()
        if pid == 0:
            try:
                serve(request["module"], request.get("exercise"))
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        write_message(channel_out, {"status": Reply.EXITED, "code": os.waitstatus_to_exitcode(status)})


if __name__ == "__main__":
    main()
