"""`grader report OUT`: the class page, OUT/report.html, from what `grader autograde` wrote into OUT.

It reads OUT/grades.csv (SPEC.md's rows) and each student's OUT/<folder>/results.json
(Gradescope's format, with each test's `diagnosis` where the grader found one) and
writes one self-contained page: no script, no network, no file beside it but the
students' feedback it links to. It shows the distribution of the students' totals
and of each assignment's scores, each exercise's pass rate and statuses, the most
frequent diagnosed mistakes, the students who scored nothing on an assignment, and
a table of every student linking to their feedback.md. The plots are matplotlib's
(Figures drawn straight to SVG, not through pyplot's global state), inlined as data: URIs;
they carry no student text: their labels are the course's own names.

Everything in OUT is treated as hostile, since names and messages are the students':
every file is read with a size bound, without following a link and only when it is
a regular file; a results.json that is missing, too big or not what the grader
writes makes that student's row say "no results" (the page is still written); a
grades.csv row that is not SPEC's is left out and counted. Every piece of text from
OUT is escaped, stripped of control characters and lone surrogates and cut to a
length, and the page's Content-Security-Policy forbids every script and every load
but its own data: images, should anything still slip through.
"""
from __future__ import annotations

import base64
import csv
import html
import io
import json
import os
import re
import stat
import statistics
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ._autograde import HEADER, folder_name, write_whole
from ._course import ASSIGNMENTS, BY_MODULE
from ._outcome import LABELS, STATUSES, UsageError

MAX_GRADES = 64 * 2**20  # bytes of grades.csv read: 300 students of every assignment write 0.8 MB
MAX_RESULTS = 4 * 2**20  # bytes of one results.json: messages are cut to 4,000 characters, 75 exercises
MAX_TESTS = 1000  # tests read from a results.json (the course has under a hundred exercises)
MAX_DIAGNOSES = 16  # diagnoses read per test of a results.json
NAME_SHOWN = 60  # characters of a name shown in a cell (all of it, up to NAME_TITLE, on hover)
NAME_TITLE = 400
TEXT_SHOWN = 200  # characters of a mistake's title or slug shown
TOP_MISTAKES = 20  # rows of the table of diagnosed mistakes
NAMES_LISTED = 40  # students named per mistake, and per assignment among those who scored nothing
SCORE = re.compile(r"[0-9]{1,9}")
TEST_NAME = re.compile(r"^[0-9]{1,3} ([A-Za-z_][A-Za-z0-9_]{0,99})\.([A-Za-z_][A-Za-z0-9_]{0,99})$")
# Text a page must not carry: control characters (tab and newline aside), lone surrogates (undecodable bytes
# of a folder name, or a JSON \ud800), and Unicode's noncharacters.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Colours of the statuses (Okabe and Ito's, told apart by the colour-blind), in the plots and the tables.
COLOURS = {"passed": "#009E73", "failed": "#E69F00", "error": "#D55E00", "not_attempted": "#B8B8B8",
           "timed_out": "#CC79A7", "invalid": "#444444"}
# No script at all; images only from the page itself (data:); nothing else loaded.
POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@dataclass
class Row:
    student: str
    assignment: str
    exercise: str
    score: int
    max_score: int
    status: str


@dataclass
class Results:
    """What one student's results.json says, for the page: its diagnoses, or why it could not be read."""

    problem: str | None = None  # None: read; else a few words on why there are no results
    diagnoses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (assignment, exercise, slug, title)


def read_bounded(path: Path, limit: int) -> tuple[bytes | None, str | None]:
    """(the bytes of `path`, None), or (None, why not): at most `limit` bytes, of a regular file, no link followed.

    Opened without blocking, so that a named pipe or a device is refused, not waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None, "missing"
    except OSError as exc:
        return None, "a link" if os.path.islink(path) else f"unreadable ({exc.strerror or type(exc).__name__})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a file"
        if info.st_size > limit:
            return None, f"too large ({info.st_size:,} bytes)"
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            return None, "too large"
        return b"".join(chunks), None
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or type(exc).__name__})"
    finally:
        os.close(fd)


def read_grades(out: Path) -> tuple[list[Row], int]:
    """(the rows of OUT/grades.csv, how many lines were not SPEC's rows and were left out).

    A missing OUT or grades.csv, or one that is not the grader's, is a UsageError.
    """
    if not out.is_dir():
        raise UsageError(f"{out} is not a folder (give the --out folder of `grader autograde`)")
    data, problem = read_bounded(out / "grades.csv", MAX_GRADES)
    if data is None:
        raise UsageError(f"{out / 'grades.csv'}: {problem}; `grader autograde SUBMISSIONS --out {out}` writes it")
    # Undecodable bytes kept as surrogates: folder_name gives such a student's folder back (and the page, U+FFFD).
    reader = csv.reader(io.StringIO(data.decode("utf-8", "surrogateescape"), newline=""))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if header != HEADER:
        raise UsageError(f"{out / 'grades.csv'} does not start with the header {','.join(HEADER)}")
    rows, seen, skipped = [], set(), 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error:  # a field past the csv module's limit, a NUL: that line is left out
            skipped += 1
            continue
        if not fields:
            continue
        row = parse_row(fields)
        if row is None or (row.student, row.assignment, row.exercise) in seen:
            skipped += 1
            continue
        seen.add((row.student, row.assignment, row.exercise))
        rows.append(row)
    return rows, skipped


def parse_row(fields: list[str]) -> Row | None:
    """The row, or None when it is not one of SPEC's: six fields, whole points, score at most max, a known status."""
    if len(fields) != len(HEADER):
        return None
    student, assignment, exercise, score, max_score, status = fields
    if not (student and assignment and exercise and SCORE.fullmatch(score) and SCORE.fullmatch(max_score)):
        return None
    if status not in STATUSES or int(score) > int(max_score):
        return None
    return Row(student, assignment, exercise, int(score), int(max_score), status)


def read_results(out: Path, student: str) -> Results:
    """The diagnoses in the student's results.json, or why there are none to read (never raises)."""
    folder = out / folder_name(student)
    if folder.is_symlink():
        return Results("its folder is a link")
    data, problem = read_bounded(folder / "results.json", MAX_RESULTS)
    if data is None:
        return Results(f"results.json {problem}")
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Results("results.json is not JSON")
    if not isinstance(value, dict) or not isinstance(value.get("tests"), list):
        return Results("results.json has no list of tests")
    diagnoses = []
    for test in value["tests"][:MAX_TESTS]:
        if not isinstance(test, dict) or not isinstance(test.get("name"), str):
            continue
        match = TEST_NAME.match(test["name"])
        found = test.get("diagnosis", [])  # absent in results.json written before the grader diagnosed
        if match is None or not isinstance(found, list):
            continue
        for entry in found[:MAX_DIAGNOSES]:
            if isinstance(entry, dict) and isinstance(entry.get("mistake"), str) and entry["mistake"]:
                title = entry.get("title")
                diagnoses.append((match[1], match[2], entry["mistake"][:NAME_TITLE],
                                  title[:NAME_TITLE] if isinstance(title, str) else ""))
    return Results(None, diagnoses)


# --- what the page shows, computed ----------------------------------------------------------------------

@dataclass
class Student:
    name: str
    score: int = 0
    max_score: int = 0
    by_assignment: dict[str, list[int]] = field(default_factory=dict)  # assignment -> [score, max]
    statuses: dict[str, Counter] = field(default_factory=dict)  # assignment -> Counter of statuses
    results: Results = field(default_factory=Results)
    has_feedback: bool = False


@dataclass
class Exercise:
    assignment: str
    name: str
    max_score: int = 0
    statuses: Counter = field(default_factory=Counter)
    scores: list[int] = field(default_factory=list)


@dataclass
class Mistake:
    assignment: str
    exercise: str
    slug: str
    students: list[str] = field(default_factory=list)
    titles: Counter = field(default_factory=Counter)


@dataclass
class Class:
    students: dict[str, Student]
    exercises: dict[tuple[str, str], Exercise]
    assignments: list[str]
    mistakes: list[Mistake]
    skipped_rows: int


def course_order(assignment: str, exercise: str | None = None) -> tuple:
    """Sort key: the course's order, then names the course does not know, by name."""
    known = BY_MODULE.get(assignment)
    if known is None:
        return (1, assignment, exercise or "")
    position = known.exercises.index(exercise) if exercise in known.exercises else len(known.exercises)
    return (0, ASSIGNMENTS.index(known), position, exercise or "")


def known(assignment: str, exercise: str | None = None) -> bool:
    """Whether the course has this assignment (and exercise): only then may its name go into a plot."""
    return assignment in BY_MODULE and (exercise is None or exercise in BY_MODULE[assignment].exercises)


def assignment_label(assignment: str) -> str:
    return f"{BY_MODULE[assignment].number} {assignment}" if assignment in BY_MODULE else assignment


def gather(out: Path) -> Class:
    rows, skipped = read_grades(out)
    students: dict[str, Student] = {}
    exercises: dict[tuple[str, str], Exercise] = {}
    for row in rows:
        student = students.setdefault(row.student, Student(row.student))
        student.score += row.score
        student.max_score += row.max_score
        points = student.by_assignment.setdefault(row.assignment, [0, 0])
        points[0] += row.score
        points[1] += row.max_score
        student.statuses.setdefault(row.assignment, Counter())[row.status] += 1
        exercise = exercises.setdefault((row.assignment, row.exercise), Exercise(row.assignment, row.exercise))
        exercise.max_score = max(exercise.max_score, row.max_score)
        exercise.statuses[row.status] += 1
        exercise.scores.append(row.score)
    mistakes: dict[tuple[str, str, str], Mistake] = {}
    for student in students.values():
        folder = out / folder_name(student.name)
        student.has_feedback = not folder.is_symlink() and stat.S_ISREG(_mode(folder / "feedback.md"))
        student.results = read_results(out, student.name)
        for assignment, exercise, slug, title in dict.fromkeys(student.results.diagnoses):
            mistake = mistakes.setdefault((assignment, exercise, slug), Mistake(assignment, exercise, slug))
            if not mistake.students or mistake.students[-1] != student.name:
                mistake.students.append(student.name)
            if title:
                mistake.titles[title] += 1
    ranked = sorted(mistakes.values(), key=lambda m: (-len(m.students), course_order(m.assignment, m.exercise),
                                                      m.slug))
    return Class(students, dict(sorted(exercises.items(), key=lambda item: course_order(*item[0]))),
                 sorted({row.assignment for row in rows}, key=course_order), ranked, skipped)


def _mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def percent(score: int, most: int) -> float | None:
    return 100 * score / most if most else None


# --- the plots: matplotlib Figures (not pyplot's state), as SVG; labels only from the course ----------------

def svg_image(figure, alt: str) -> str:
    """The figure as an <img> whose source is its SVG, inlined: its ids and glyphs stay in their own document."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "foundations-kit", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    source = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="plot" src="data:image/svg+xml;base64,{source}" alt="{html.escape(alt)}">'


def new_figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def distribution_plot(group: Class) -> str:
    import matplotlib

    version = tuple(int(part) for part in re.findall(r"[0-9]+", matplotlib.__version__)[:2])
    horizontal = {"orientation": "horizontal"} if version >= (3, 10) else {"vert": False}  # vert: deprecated
    totals = [percent(s.score, s.max_score) for s in group.students.values() if s.max_score]
    shares = {a: [percent(*s.by_assignment[a]) for s in group.students.values()
                  if a in s.by_assignment and s.by_assignment[a][1]] for a in group.assignments if known(a)}
    plotted = [a for a, values in shares.items() if values]
    figure = new_figure(10, 3.4)
    axes = figure.subplots(1, 2, width_ratios=(1, 1.15)) if len(plotted) > 1 else [figure.subplots()]
    ax = axes[0]
    ax.hist(totals, bins=[5 * i for i in range(21)], color="#0072B2", edgecolor="white")
    if totals:
        mean = statistics.fmean(totals)
        ax.axvline(mean, color="#D55E00", linestyle="--", linewidth=1.5, label=f"mean {mean:.0f}%")
        ax.axvline(statistics.median(totals), color="#333333", linestyle=":", linewidth=1.5,
                   label=f"median {statistics.median(totals):.0f}%")
        ax.legend(frameon=False, loc="upper left")
    ax.set(xlim=(0, 100), xlabel="total, % of the points", ylabel="students",
           title=f"Totals of {len(totals)} students")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if len(plotted) > 1:
        ax = axes[1]
        ax.boxplot([shares[a] for a in plotted], **horizontal, widths=0.6, showmeans=True,
                   medianprops={"color": "#333333"},
                   meanprops={"marker": "D", "markerfacecolor": "#D55E00", "markeredgecolor": "#D55E00",
                              "markersize": 4},
                   flierprops={"marker": ".", "markersize": 3})
        ax.set_yticks(range(1, len(plotted) + 1), [assignment_label(a) for a in plotted])
        ax.invert_yaxis()
        ax.set(xlim=(-3, 103), xlabel="score, % of the assignment's points", title="Each assignment")
    return svg_image(figure, "Histogram of the students' totals, and each assignment's scores as box plots")


def pass_rate_plot(group: Class) -> str:
    shown = [e for e in group.exercises.values() if known(e.assignment, e.name)]
    figure = new_figure(10, 0.9 + 0.19 * max(len(shown), 1))
    ax = figure.subplots()
    positions = range(len(shown))
    left = [0.0] * len(shown)
    for status in STATUSES:
        shares = [100 * e.statuses[status] / max(sum(e.statuses.values()), 1) for e in shown]
        if any(shares):
            ax.barh(positions, shares, left=left, color=COLOURS[status], label=LABELS[status], height=0.75)
            left = [a + b for a, b in zip(left, shares)]
    ax.set_yticks(list(positions), [f"{assignment_label(e.assignment)} · {e.name}" for e in shown], fontsize=8)
    ax.set_ylim(len(shown) - 0.5, -0.5)  # the first exercise on top, no margin
    ax.set(xlim=(0, 100), xlabel="% of the students")
    figure.legend(ncols=6, loc="outside upper center", frameon=False, fontsize=8)
    return svg_image(figure, "Each exercise's share of students by status (passed, failed, error, ...)")


# --- the page ---------------------------------------------------------------------------------------------

def text(value: str, limit: int = TEXT_SHOWN) -> str:
    """`value` as HTML text: unprintable characters replaced, cut to `limit` characters, escaped."""
    value = UNPRINTABLE.sub("\ufffd", value)
    if len(value) > limit:
        value = value[:limit - 1] + "\u2026"
    return html.escape(value, quote=True)


def feedback_href(student: str) -> str:
    """The relative link to the student's feedback.md (folder_name's characters, percent-encoded once more)."""
    return html.escape(urllib.parse.quote(folder_name(student), safe="") + "/feedback.md", quote=True)


def student_cell(student: Student) -> str:
    name = f'<bdi title="{text(student.name, NAME_TITLE)}">{text(student.name, NAME_SHOWN)}</bdi>'
    if student.has_feedback:
        return f'<a href="{feedback_href(student.name)}">{name}</a>'
    return f'{name} <span class="note">(no feedback.md)</span>'


def points(score: int, most: int) -> str:
    return f"{score}/{most}"


def shown_percent(score: int, most: int) -> str:
    value = percent(score, most)
    return "\u2013" if value is None else f"{value:.0f}%"


def status_summary(statuses: Counter) -> str:
    return ", ".join(f"{count} {LABELS[s]}" for s in STATUSES if (count := statuses.get(s)))


def chip(status: str) -> str:
    return f'<span class="chip" style="background:{COLOURS[status]}"></span>'


def overview(group: Class) -> str:
    totals = [percent(s.score, s.max_score) for s in group.students.values() if s.max_score]
    parts = [f"<b>{len(group.students)}</b> students", f"<b>{len(group.assignments)}</b> assignments",
             f"<b>{len(group.exercises)}</b> exercises"]
    if totals:
        parts.append(f"mean total <b>{statistics.fmean(totals):.0f}%</b>, median "
                     f"<b>{statistics.median(totals):.0f}%</b>")
    return f'<p class="overview">{" &middot; ".join(parts)}</p>'


def assignments_table(group: Class) -> str:
    rows = []
    for a in group.assignments:
        shares = [percent(*s.by_assignment[a]) for s in group.students.values()
                  if a in s.by_assignment and s.by_assignment[a][1]]
        graded = [s for s in group.students.values() if a in s.by_assignment]
        nothing = sum(1 for s in graded if s.by_assignment[a][0] == 0)
        cells = [f"{statistics.fmean(shares):.0f}%", f"{statistics.median(shares):.0f}%",
                 f"{min(shares):.0f}%", f"{max(shares):.0f}%"] if shares else ["\u2013"] * 4
        rows.append(f'<tr><th scope="row">{text(assignment_label(a))}</th><td class="num">{len(graded)}</td>'
                    + "".join(f'<td class="num">{c}</td>' for c in cells) + f'<td class="num">{nothing}</td></tr>')
    return ('<table class="assignments"><thead><tr><th>assignment</th><th>students</th><th>mean</th>'
            '<th>median</th><th>lowest</th><th>highest</th><th>scored nothing</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def exercises_table(group: Class) -> str:
    head = "".join(f"<th>{chip(s)}{LABELS[s]}</th>" for s in STATUSES if s != "passed")
    rows = []
    for e in group.exercises.values():
        graded = sum(e.statuses.values())
        passed = e.statuses["passed"]
        mean = statistics.fmean(e.scores) if e.scores else 0
        rows.append(f'<tr><td>{text(assignment_label(e.assignment))}</td><td class="exercise">{text(e.name)}</td>'
                    f'<td class="num passed">{passed}/{graded}</td>'
                    f'<td class="num rate">{shown_percent(passed, graded)}</td>'
                    + "".join(f'<td class="num">{e.statuses[s] or ""}</td>' for s in STATUSES if s != "passed")
                    + f'<td class="num">{mean:.1f}/{e.max_score}</td></tr>')
    return ('<table class="exercises"><thead><tr><th>assignment</th><th>exercise</th>'
            f'<th>{chip("passed")}passed</th><th>pass rate</th>{head}<th>mean points</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def names_list(names: list[str], group: Class, details=None) -> str:
    shown = []
    for name in names[:NAMES_LISTED]:
        cell = student_cell(group.students[name])
        shown.append(f"{cell} <span class=\"note\">({details(name)})</span>" if details else cell)
    more = f" and {len(names) - NAMES_LISTED} more" if len(names) > NAMES_LISTED else ""
    return ", ".join(shown) + more


def mistakes_section(group: Class) -> str:
    unread = [s for s in group.students.values() if s.results.problem]
    if not group.mistakes:
        body = ("<p>No mistake of the catalogue was diagnosed in the students' results.json "
                "(the grader names one when a student's outputs match it on every failing input).</p>")
    else:
        most = len(group.mistakes[0].students)
        rows = []
        for rank, m in enumerate(group.mistakes[:TOP_MISTAKES], 1):
            title = m.titles.most_common(1)[0][0] if m.titles else m.slug
            width = 100 * len(m.students) / most
            rows.append(f'<tr><td class="num">{rank}</td><td>{text(assignment_label(m.assignment))}</td>'
                        f'<td class="exercise">{text(m.exercise)}</td>'
                        f'<td><bdi class="title">{text(title)}</bdi><br><code><bdi>{text(m.slug)}</bdi></code></td>'
                        f'<td class="num count">{len(m.students)}</td>'
                        f'<td class="barcell"><span class="bar" style="width:{width:.0f}%"></span></td>'
                        f'<td class="names">{names_list(m.students, group)}</td></tr>')
        left = (f"<p>{len(group.mistakes) - TOP_MISTAKES} less frequent mistakes are not shown.</p>"
                if len(group.mistakes) > TOP_MISTAKES else "")
        body = ('<table class="mistakes"><thead><tr><th>#</th><th>assignment</th><th>exercise</th>'
                '<th>mistake</th><th>students</th><th></th><th>who</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>{left}')
    if unread:
        body += (f'<p class="note">{len(unread)} students have no readable results.json; their mistakes are '
                 "not counted (see the table of students).</p>")
    return body


def nothing_section(group: Class) -> str:
    items = []
    for a in group.assignments:
        names = [s.name for s in group.students.values() if a in s.by_assignment and s.by_assignment[a][0] == 0]
        if names:
            details = lambda name: status_summary(group.students[name].statuses[a])
            items.append(f"<li><b>{text(assignment_label(a))}</b>: {len(names)} students: "
                         f"{names_list(names, group, details)}</li>")
    if not items:
        return "<p>Every student scored points on every assignment.</p>"
    return f'<ul class="nothing">{"".join(items)}</ul>'


def students_table(group: Class) -> str:
    head = "".join(f"<th>{text(assignment_label(a))}</th>" for a in group.assignments)
    rows = []
    for s in group.students.values():
        cells = "".join(f'<td class="num">{points(*s.by_assignment[a]) if a in s.by_assignment else ""}</td>'
                        for a in group.assignments)
        if s.results.problem:
            results = f'<span class="warn">no results</span> <span class="note">({text(s.results.problem)})</span>'
        else:
            results = str(len(s.results.diagnoses)) if s.results.diagnoses else ""
        rows.append(f'<tr><td class="student">{student_cell(s)}</td>'
                    f'<td class="num total">{points(s.score, s.max_score)}</td>'
                    f'<td class="num percent">{shown_percent(s.score, s.max_score)}</td>{cells}'
                    f'<td class="results">{results}</td></tr>')
    return ('<div class="wide"><table class="students"><thead><tr><th>student (feedback)</th><th>total</th>'
            f'<th>%</th>{head}<th>diagnosed mistakes</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


STYLE = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 0 auto; max-width: 1200px; padding: 1em 1.5em 3em; color: #1d1d1f; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { padding: 0.2em 0.6em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #ccc; white-space: nowrap; position: sticky; top: 0; background: #fff; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td, ul.nothing { overflow-wrap: anywhere; }
td.student { max-width: 22em; }
td.names { font-size: 0.9em; max-width: 30em; }
.wide { overflow-x: auto; }
img.plot { max-width: 100%; height: auto; display: block; margin: 0.5em 0; }
.overview { font-size: 1.1em; }
.note { color: #666; font-size: 0.9em; }
.warn { color: #B00020; font-weight: 600; }
.chip { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; border-radius: 2px; }
.barcell { width: 8em; }
.bar { display: inline-block; height: 0.8em; background: #0072B2; }
code { font-size: 0.85em; color: #555; }
summary { cursor: pointer; color: #0b57d0; }
a { color: #0b57d0; }
"""


def render(group: Class, title: str) -> str:
    sections = [overview(group)]
    if group.students:
        sections += ['<h2 id="distribution">Score distribution</h2>', distribution_plot(group),
                     assignments_table(group),
                     '<h2 id="exercises">Each exercise</h2>', pass_rate_plot(group),
                     f"<details><summary>The numbers, exercise by exercise ({len(group.exercises)})</summary>"
                     f"{exercises_table(group)}</details>",
                     '<h2 id="mistakes">Most frequent diagnosed mistakes</h2>', mistakes_section(group),
                     '<h2 id="nothing">Students who scored nothing on an assignment</h2>', nothing_section(group),
                     '<h2 id="students">Students</h2>', students_table(group)]
    else:
        sections.append("<p>grades.csv holds no student.</p>")
    if group.skipped_rows:
        sections.append(f'<p class="warn">{group.skipped_rows} lines of grades.csv are not rows of the grader '
                        "and were left out.</p>")
    body = "\n".join(sections)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n"
            f'<p class="note">Written by <code>grader report</code> from grades.csv and each student\'s '
            f"results.json; links open each student's feedback.md.</p>\n</body>\n</html>\n")


def write_report(out: Path) -> Path:
    """Write OUT/report.html from OUT/grades.csv and the students' results.json; return its path.

    A missing OUT or grades.csv, or one without SPEC's header, is a UsageError;
    anything else wrong in OUT is shown on the page, not raised.
    """
    group = gather(out)
    title = f"Class report: {text(out.resolve().name, NAME_SHOWN)}"
    path = out / "report.html"
    write_whole(path, render(group, title))
    return path
