"""The `grader` command: parse arguments, call the library, return an ExitCode."""
from __future__ import annotations

import argparse
import enum
import gc
import os
import sys
import time
from pathlib import Path

from ._build import BuildError, plan, write
from ._course import ASSIGNMENTS, BY_MODULE
from ._outcome import ClusterLost, UsageError
from ._paths import available_assignments, kit_root
from ._student_code import CALL_TIMEOUT, EXERCISE_BUDGET, SANDBOX_CALL_TIMEOUT, STUDENT_BUDGET

# _verify.PROOFS, named here so that parsing the command line does not import torch.
VERIFY_PROOFS = ("solutions", "stubs", "catalogue", "alternatives")


class ExitCode(enum.IntEnum):
    """What `grader` exits with."""

    OK = 0            #: everything asked for passed
    FAILED = 1        #: some exercise did not pass, or something is stale or not caught
    USAGE = 2         #: bad arguments
    INTERNAL = 3      #: the kit itself is broken


def resolve_assignments(names: list[str]) -> list[str]:
    """Accept module names (`matmul`) or numbers (`01`, `1`); default: every assignment with tests."""
    available = available_assignments()
    if not names:
        return available
    numbers = {a.number.lstrip("0"): a.module for a in ASSIGNMENTS}
    chosen = []
    for name in names:
        module = name.removesuffix(".py") if name.removesuffix(".py") in BY_MODULE else numbers.get(name.lstrip("0"))
        if module is None or module not in available:
            raise UsageError(f"unknown assignment {name!r}; choose from {', '.join(available)}")
        chosen.append(module)
    return list(dict.fromkeys(chosen))


def cmd_check(args) -> ExitCode:
    modules = resolve_assignments(args.assignments)  # before importing torch: a typo is answered at once
    # torch, pytest and hypothesis make some 200,000 objects that live as long as this process: no collection
    # while they are imported, and none scans them again afterwards (gen-2 collections over them cost 0.5 s).
    gc.disable()
    try:
        from ._report import render_scoreboard, score
        from ._run import run_tests
    finally:
        gc.freeze()
        gc.enable()

    impl = Path(args.impl) if args.impl else kit_root() / "assignments"
    if not impl.is_dir():
        print(f"grader: {impl} is not a folder", file=sys.stderr)
        return ExitCode.USAGE
    started = time.perf_counter()
    extra = ["-m", "not slow"] if args.quick else []
    records, output = run_tests(impl, modules, extra=extra, call_timeout=args.timeout)
    results = score(records, modules)
    graded = {(r.assignment, r.exercise) for r in results}
    skipped = [f"{m}.{e}" for m in modules for e in BY_MODULE[m].exercises if (m, e) not in graded]
    if args.format == "json":
        from ._report import check_json

        print(check_json(results, skipped, time.perf_counter() - started))
    else:
        print(f"grader check: {impl} ({time.perf_counter() - started:.1f} s)\n")
        print(render_scoreboard(results), end="")
    if skipped and args.format == "json":
        return ExitCode.FAILED
    if skipped:  # --quick deselects the slow tests: say which exercises that left out, and how to grade them
        print(f"\nnot graded with --quick (their tests train for minutes): {', '.join(skipped)}; "
              f"run grader check without --quick to grade them")
        return ExitCode.FAILED
    if any(r.status == "kit_error" for r in results):
        print("\nThe kit itself failed; pytest's output follows:\n" + output[-5000:], file=sys.stderr)
        return ExitCode.INTERNAL
    if all(r.status == "passed" for r in results) and results:
        return ExitCode.OK
    return ExitCode.FAILED


def cmd_watch(args) -> ExitCode:
    modules = resolve_assignments(args.assignments)
    from ._watch import watch

    impl = Path(args.impl) if args.impl else kit_root() / "assignments"
    if not impl.is_dir():
        print(f"grader: {impl} is not a folder", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode(watch(impl, modules, call_timeout=args.timeout))


def cmd_build(args) -> ExitCode:
    from ._nbgrader import course_files, stale_course_files, write_course

    root = kit_root()
    try:
        build = plan(root / "solutions", root / "assignments")
    except BuildError as exc:
        print(f"grader build: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    course = course_files(root / "solutions", available_assignments(root))
    stale = [f"assignments/{name}" for name in build.stale]
    stale += [f"course/{name}" for name in stale_course_files(root / "course", course)]
    if args.check:
        for name in stale:
            print(f"stale: {name}")
        print("assignments/ and course/ are up to date" if not stale else "run `grader build` to regenerate")
        return ExitCode.FAILED if stale else ExitCode.OK
    write(build, root / "assignments")
    write_course(root / "course", course)
    print(f"wrote {len(stale)} file(s): {', '.join(stale)}" if stale else "assignments/ and course/ are up to date")
    return ExitCode.OK


def cmd_nbgrader(args) -> ExitCode:
    from ._nbgrader import course_files, write_course

    course = Path(args.course)
    written = write_course(course, course_files(kit_root() / "solutions", resolve_assignments(args.assignment)))
    print(f"{course}: wrote {len(written)} file(s)" + "".join(f"\n  {name}" for name in written))
    print(f"next: cd {course} && nbgrader generate_assignment <assignment>")
    return ExitCode.OK


def cmd_verify(args) -> ExitCode:
    modules = resolve_assignments(args.assignments)
    from ._verify import PROOFS, verify

    proofs = tuple(p for p in PROOFS if p in args.proof) if args.proof else PROOFS
    ok = verify(modules, workers=args.workers, proofs=proofs)
    return ExitCode.OK if ok else ExitCode.FAILED


def cmd_autograde(args) -> ExitCode:
    modules = resolve_assignments(args.assignment)
    from ._autograde import autograde
    from ._student_code import SandboxConfig

    submissions = Path(args.submissions)
    if not submissions.is_dir():
        print(f"grader autograde: {submissions} is not a folder", file=sys.stderr)
        return ExitCode.USAGE
    sandbox = SandboxConfig(mode=args.sandbox, call_timeout=args.timeout, exercise_budget=args.exercise_budget,
                            student_budget=args.student_budget)
    ok = autograde(submissions, Path(args.out), modules, args.workers, sandbox, progress=not args.no_progress,
                   gradebook=Path(args.gradebook) if args.gradebook else None, resume=args.resume,
                   scheduler=args.scheduler)
    return ExitCode.OK if ok else ExitCode.FAILED


def cmd_regrade(args) -> ExitCode:
    from ._autograde import regrade

    ok = regrade(Path(args.out), args.exercise, args.workers, progress=not args.no_progress, scheduler=args.scheduler)
    return ExitCode.OK if ok else ExitCode.FAILED


def cmd_report(args) -> ExitCode:
    from ._class_report import write_report

    try:
        path = write_report(Path(args.out))  # a missing DIR or grades.csv: UsageError, exit 2
    except OSError as exc:  # DIR read-only, the disk full
        print(f"grader report: cannot write {Path(args.out) / 'report.html'}: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    print(f"wrote {path}")
    return ExitCode.OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="grader", description="Foundations Kit: exercises for "
                                  "Deep Learning from the Foundations, graded by property-based tests.")
    commands = top.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run the tests and show your scoreboard")
    check.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="e.g. matmul or 01 (default: all)")
    check.add_argument("--impl", metavar="DIR", help="implementation folder (default: assignments/)")
    check.add_argument("--quick", action="store_true", help="skip the slow tests (the capstone's training)")
    check.add_argument("--timeout", type=float, default=CALL_TIMEOUT, metavar="SECONDS",
                       help=f"longest one call into your code may take (default {CALL_TIMEOUT:g})")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: the same run as JSON on stdout, per exercise with its diagnosis")
    check.set_defaults(run=cmd_check)
    watch = commands.add_parser("watch", help="grade, then grade again on every save, from a warm process, "
                                "showing each test as it ends and what changed")
    watch.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="e.g. matmul or 01 (default: all)")
    watch.add_argument("--impl", metavar="DIR", help="implementation folder (default: assignments/)")
    watch.add_argument("--timeout", type=float, default=CALL_TIMEOUT, metavar="SECONDS",
                       help=f"longest one call into your code may take (default {CALL_TIMEOUT:g})")
    watch.set_defaults(run=cmd_watch)
    build = commands.add_parser("build", help="regenerate assignments/ and course/ (nbgrader) from solutions/")
    build.add_argument("--check", action="store_true", help="change nothing; fail if anything is stale")
    build.set_defaults(run=cmd_build)
    verify = commands.add_parser("verify", help="prove the tests pass on solutions/, fail on stubs, "
                                 "and catch the catalogue of known mistakes")
    verify.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    verify.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes that run the tests (default: one per core)")
    verify.add_argument("--proof", action="append", choices=VERIFY_PROOFS,
                        help="run only this proof (repeatable; default: all four)")
    verify.set_defaults(run=cmd_verify)
    nbgrader = commands.add_parser("nbgrader", help="create or update an nbgrader course from solutions/")
    nbgrader.add_argument("course", metavar="COURSE_DIR")
    nbgrader.add_argument("--assignment", action="append", default=[], metavar="NAME",
                          help="only this assignment (repeatable; default: all)")
    nbgrader.set_defaults(run=cmd_nbgrader)
    autograde = commands.add_parser("autograde", help="grade every student folder under SUBMISSIONS, "
                                    "in parallel, with student code in a sandbox")
    autograde.add_argument("submissions", metavar="SUBMISSIONS", help="one folder per student")
    autograde.add_argument("--out", required=True, metavar="DIR", help="where grades.csv and feedback go")
    autograde.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                           help="students graded at once (default: all cores)")
    autograde.add_argument("--sandbox", choices=("auto", "bwrap", "process"), default="auto",
                           help="bwrap (required), process (weaker), auto (bwrap if installed; default)")
    autograde.add_argument("--assignment", action="append", default=[], metavar="NAME",
                           help="grade only this assignment (repeatable; default: all)")
    autograde.add_argument("--timeout", type=float, default=SANDBOX_CALL_TIMEOUT, metavar="SECONDS",
                           help=f"longest one call into student code may take (default {SANDBOX_CALL_TIMEOUT:g})")
    autograde.add_argument("--exercise-budget", type=float, default=EXERCISE_BUDGET, metavar="SECONDS",
                           help=f"longest all of one exercise's calls may take together (default "
                                f"{EXERCISE_BUDGET:g}; a training call adds the time it asks for)")
    autograde.add_argument("--student-budget", type=float, default=STUDENT_BUDGET, metavar="SECONDS",
                           help=f"longest all of one student's calls may take together (default {STUDENT_BUDGET:g})")
    autograde.add_argument("--resume", action="store_true",
                           help="continue an interrupted run into the same --out: grade only the students "
                                "its journal does not hold yet")
    autograde.add_argument("--scheduler", metavar="ADDRESS",
                           help="grade on a Dask cluster: its scheduler's tcp://HOST:PORT, or local:N to start "
                                "a local cluster of N workers (needs the kit's [cluster] extra)")
    autograde.add_argument("--no-progress", action="store_true", help="no progress bar")
    autograde.add_argument("--gradebook", metavar="COURSE_DIR",
                           help="also write the scores into this nbgrader course's gradebook.db")
    autograde.set_defaults(run=cmd_autograde)
    regrade = commands.add_parser("regrade", help="grade one exercise again for every student graded into DIR "
                                  "(after a fix to its tests or the catalogue) and update DIR's outputs")
    regrade.add_argument("out", metavar="DIR", help="the --out folder of grader autograde")
    regrade.add_argument("--exercise", required=True, metavar="NAME", help="e.g. matmul_einsum or matmul.matmul_einsum")
    regrade.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                         help="students graded at once (default: all cores)")
    regrade.add_argument("--scheduler", metavar="ADDRESS", help="grade on a Dask cluster, as grader autograde does")
    regrade.add_argument("--no-progress", action="store_true", help="no progress bar")
    regrade.set_defaults(run=cmd_regrade)
    report = commands.add_parser("report", help="write DIR/report.html, the class page, from what "
                                 "`grader autograde --out DIR` wrote there")
    report.add_argument("out", metavar="DIR", help="the --out folder of grader autograde (grades.csv, results)")
    report.set_defaults(run=cmd_report)
    return top


def main(argv: list[str] | None = None) -> ExitCode:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"grader {args.command}: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except ClusterLost as exc:  # autograde's and regrade's: what was done is journaled
        again = "with --resume to grade the rest" if args.command == "autograde" else "again to regrade them all"
        print(f"grader {args.command}: {exc}. The students graded before are journaled in {args.out}: run the "
              f"same command {again}.", file=sys.stderr)
        return ExitCode.FAILED


def console_main() -> None:
    raise SystemExit(int(main()))
