"""`grader verify`: prove that the tests grade what they claim to.

1. Every test passes on `solutions/`.
2. Every exercise is "not attempted" on freshly built stubs.
3. Every known-wrong implementation in `catalogue/` is caught: the exercise it
   targets does not pass, and the record says which tests caught it; and it is
   diagnosed: the grader's diagnosis (grader/_diagnosis.py) names it, unless the
   entry declares why its outputs cannot be replayed (NOT_DIAGNOSED).
4. Every correct alternative in `alternatives/` (written differently from the
   reference: other loops, other torch calls, other shapes of the same maths)
   passes: the tests accept correct code, not just the reference's internals;
   and no catalogued mistake reproduces its outputs (it is diagnosed even though
   it passes, and the diagnosis names nothing).

A catalogue entry (grader/_catalogue.py) is appended to a copy of the solution
module, so its wrong definition replaces the right one and everything else
stays correct.
"""
from __future__ import annotations

import multiprocessing
import tempfile
import time
from pathlib import Path

from ._build import plan
from ._catalogue import Mistake, load_catalogue, mistaken_copy
from ._course import BY_MODULE
from ._paths import available_assignments, kit_root
from ._report import score
from ._run import run_tests

MIN_MISTAKES = 5  # per assignment, as the kit promises
PROOFS = ("solutions", "stubs", "catalogue", "alternatives")  # the four proofs, in the order they print


def verify(assignments: list[str] | None = None, out=print, workers: int = 1, proofs=PROOFS) -> bool:
    """Run the proofs (all four unless `proofs` names fewer); print each finding, in a fixed order;
    True when all hold.

    With workers > 1 the pytest runs go to that many processes (one torch thread each);
    the findings and their order are the same.
    """
    unknown = set(proofs) - set(PROOFS)
    if unknown or not proofs:
        raise ValueError(f"proofs must be some of {', '.join(PROOFS)}; got {', '.join(sorted(unknown)) or 'none'}")
    if workers <= 1:
        return _verify(assignments, out, map, proofs)
    # A fresh interpreter per worker, as autograde's; each pytest run there sets one torch thread (_plugin).
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=workers) as pool:
        return _verify(assignments, out, pool.imap, proofs)


def _verify(assignments: list[str] | None, out, run_each, proofs) -> bool:
    root = kit_root()
    modules = assignments or available_assignments(root)
    ok = True
    started = time.perf_counter()
    catalogue = load_catalogue(root / "catalogue") if "catalogue" in proofs else []
    mistakes = [m for m in catalogue if m.module in modules]
    correct = load_catalogue(root / "alternatives") if "alternatives" in proofs else []
    alternatives = [m for m in correct if m.module in modules]
    # Lazily, in order: each result is printed as soon as it and those before it are in.
    # The solutions' tests go one assignment per job, so that the workers share them.
    jobs = [(_solution_records, root, [module]) for module in modules] if "solutions" in proofs else []
    jobs += [(_stub_records, root, modules)] if "stubs" in proofs else []
    jobs += [(catch, root, m) for m in mistakes] + [(accept, root, m) for m in alternatives]
    results_in_order = run_each(_run_job, jobs)
    if "solutions" in proofs:
        ok &= _solutions_pass([r for _ in modules for r in next(results_in_order)], modules, out)
    if "stubs" in proofs:
        ok &= _stubs_not_attempted(next(results_in_order), modules, out)
    if "catalogue" in proofs:
        ok &= _mistakes_caught(results_in_order, mistakes, modules, out)
    if "alternatives" in proofs:
        ok &= _alternatives_accepted(results_in_order, alternatives, out)
    out(f"verify: {'passed' if ok else 'FAILED'} in {time.perf_counter() - started:.0f} s")
    return ok


def _solutions_pass(records, modules: list[str], out) -> bool:
    ok = True
    results = score(records, modules)
    for module in modules:
        missing = set(BY_MODULE[module].exercises) - {r.exercise for r in results if r.assignment == module}
        for name in sorted(missing):
            ok = False
            out(f"FAIL  {module}.{name}: has no tests")
    bad = [r for r in records if r.outcome != "passed"]
    for r in bad:
        out(f"FAIL  solutions: {r.nodeid}: {r.outcome}: {r.message.splitlines()[0] if r.message else ''}")
    ok &= not bad
    out(f"{'ok' if not bad else 'FAIL'}    solutions/: {len(records) - len(bad)} of {len(records)} tests pass")
    return ok


def _stubs_not_attempted(records, modules: list[str], out) -> bool:
    attempted = [r for r in score(records, modules) if r.status != "not_attempted" or r.score]
    for r in attempted:
        out(f"FAIL  stubs: {r.assignment}.{r.exercise} is {r.status} with {r.score} points")
    n_exercises = sum(len(BY_MODULE[m].exercises) for m in modules)
    out(f"{'ok' if not attempted else 'FAIL'}    stubs: {n_exercises - len(attempted)} of {n_exercises} "
        f"exercises not attempted")
    return not attempted


def _mistakes_caught(results_in_order, mistakes: list[Mistake], modules: list[str], out) -> bool:
    ok = True
    for module in modules:
        count = sum(m.module == module for m in mistakes)
        if count < MIN_MISTAKES:
            ok = False
            out(f"FAIL  catalogue/{module}: {count} mistakes, at least {MIN_MISTAKES} wanted")
    caught = diagnosed = exempt = 0
    for mistake in mistakes:
        verdict, diagnosis = next(results_in_order)
        if verdict is not None and ("(kit_error)" in verdict or "(not_attempted)" in verdict):
            verdict = None  # a test that breaks, or a stub, proves nothing about this mistake
        caught += verdict is not None
        named = verdict is not None and mistake.slug in diagnosis
        diagnosed += named
        others = [slug for slug in diagnosis if slug != mistake.slug]
        if verdict is None:
            ok = False
            out(f"FAIL  {mistake.module}/{mistake.slug} ({mistake.exercise}): NOT caught: {mistake.description}")
        elif not named and mistake.not_diagnosed:
            exempt += 1
            out(f"ok    {mistake.module}/{mistake.slug} ({mistake.exercise}) caught by {verdict}; not diagnosed, as "
                f"declared: {mistake.not_diagnosed}")
        elif not named:
            ok = False
            out(f"FAIL  {mistake.module}/{mistake.slug} ({mistake.exercise}) caught by {verdict}, but NOT "
                f"diagnosed{': the diagnosis names ' + ', '.join(others) if others else ''}")
        else:
            also = f" (and {', '.join(others)}: the same outputs on the inputs replayed)" if others else ""
            out(f"ok    {mistake.module}/{mistake.slug} ({mistake.exercise}) caught by {verdict}; diagnosed{also}")
    out(f"{'ok' if caught == len(mistakes) else 'FAIL'}    catalogue: {caught} of {len(mistakes)} "
        f"known-wrong implementations caught")
    out(f"{'ok' if diagnosed + exempt == len(mistakes) else 'FAIL'}    diagnosis: {diagnosed} of {len(mistakes)} "
        f"known-wrong implementations named by the diagnosis, {exempt} declared beyond its replay")
    return ok


def _alternatives_accepted(results_in_order, alternatives: list[Mistake], out) -> bool:
    ok = True
    accepted = 0
    for alternative in alternatives:
        failing, diagnosis = next(results_in_order)
        accepted += failing is None and not diagnosis
        if failing is None and not diagnosis:
            out(f"ok    {alternative.module}/{alternative.slug} ({alternative.exercise}): correct, accepted, "
                f"no mistake diagnosed")
        elif failing is None:
            ok = False
            out(f"FAIL  {alternative.module}/{alternative.slug} ({alternative.exercise}): correct but DIAGNOSED "
                f"as {', '.join(diagnosis)}")
        else:
            ok = False
            out(f"FAIL  {alternative.module}/{alternative.slug} ({alternative.exercise}): correct but REJECTED "
                f"by {failing}")
    out(f"{'ok' if accepted == len(alternatives) else 'FAIL'}    alternatives: {accepted} of "
        f"{len(alternatives)} correct implementations accepted, none diagnosed")
    return ok


def _run_job(job):
    function, *args = job
    return function(*args)


def _solution_records(root: Path, modules: list[str]):
    return run_tests(root / "solutions", modules)[0]


def _stub_records(root: Path, modules: list[str]):
    """The records of the tests on freshly built stubs (not assignments/, which a student may have edited)."""
    with tempfile.TemporaryDirectory(prefix="kit-stubs-") as tmp:
        stubs = Path(tmp)
        for name, content in plan(root / "solutions", stubs).files.items():
            (stubs / name).write_text(content, encoding="utf-8")
        return run_tests(stubs, modules)[0]


def catch(root: Path, mistake: Mistake, diagnose: str = "failing") -> tuple[str | None, list[str]]:
    """(the tests that fail on the solutions with this one change put in, or None if all pass; the
    diagnosis of its exercise: the catalogued mistakes its outputs match).

    `diagnose="all"` diagnoses the exercise even where it passes: a correct alternative must match no mistake.
    """
    with mistaken_copy(root, mistake) as wrong:
        records, _ = run_tests(wrong, [mistake.module], exercises=[mistake.exercise], extra=[f"--diagnose={diagnose}"])
    mine = [r for r in records if r.exercise == mistake.exercise]
    failing = [r for r in mine if r.outcome != "passed"]
    diagnosis = next((r.diagnosis for r in mine if r.diagnosis), [])
    if not records or not failing:
        return None, diagnosis
    return ", ".join(f"{r.nodeid.split('::')[-1]} ({r.outcome})" for r in failing), diagnosis


def accept(root: Path, alternative: Mistake) -> tuple[str | None, list[str]]:
    """`catch` for a correct alternative: its exercise diagnosed even though it passes."""
    return catch(root, alternative, diagnose="all")
