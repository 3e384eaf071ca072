"""`grader report OUT`: the class page, read back by a real browser and attacked through every file of OUT.

The browser is Debian's chromium, headless, loading the page from disk (file://): it must
log nothing on its console (the page has no script, so any message is an error: a load
the page's policy refused, a script that ran), and the DOM it built must hold the numbers
of grades.csv. Whether its console is read at all is proved first, on a page that logs.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from grader._autograde import folder_name, write_whole
from grader._class_report import MAX_RESULTS, write_report
from grader._cli import ExitCode, main
from grader._course import BY_MODULE
from testing.synthetic_class import write_class, write_grades

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["matmul", "backprop", "loss"]
# chromium's --enable-logging writes each console message as `...:INFO:CONSOLE:1] "text", source: ...`
# (older versions: `CONSOLE(1)`), whatever its level.
CONSOLE = re.compile(r":CONSOLE[(:]")
TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "b", "table", "thead", "tbody", "tr",
        "th", "td", "a", "bdi", "span", "img", "br", "code", "ul", "li", "div", "details", "summary"}


def chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("chromium is not installed, and the class page is tested in it: run bin/install as root "
                    "(it installs it on Debian), or `apt-get install -y chromium`")
    return browser


def load(page: Path, profile: Path) -> tuple[str, list[str]]:
    """(the DOM chromium built from `page`, the messages on its console), in a fresh profile."""
    command = [chromium(), "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
               "--disable-extensions", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               "--dump-dom", page.as_uri()]
    if os.getuid() == 0:
        command.insert(1, "--no-sandbox")  # chromium will not run as root with its own sandbox
    run = subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=120)
    assert run.returncode == 0 and "</html>" in run.stdout, run.stderr[-3000:]
    return run.stdout, [line for line in run.stderr.splitlines() if CONSOLE.search(line)]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """`load`, once its console is proved to be read (a page that logs an error must show it).

    The proof runs at the first load, inside the test: without chromium, the test fails, saying how to install it.
    """
    folder = tmp_path_factory.mktemp("browser")
    loaded: list[Path] = []

    def load_proved(page: Path) -> tuple[str, list[str]]:
        if not loaded:
            canary = folder / "canary.html"
            canary.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>canary</title></head><body>'
                              '<script>console.error("canary " + (6 * 7))</script></body></html>')
            _, console = load(canary, folder / "profile-canary")
            assert any("canary 42" in line for line in console), "chromium's console is not read: nothing is proved"
        loaded.append(page)
        return load(page, folder / f"profile-{len(loaded)}")  # a fresh profile for each page

    return load_proved


class Page(HTMLParser):
    """Every tag and its attributes, and the cells of each table (by the table's class) with their classes."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tables: dict[str, list[list[tuple[str, str, dict]]]] = {}  # class -> rows -> (cell class, text, attrs)
        self._table = self._cell = None
        self._titles: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("class", ""), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = [attrs.get("class", ""), "", {}]
        elif self._cell is not None:
            self._cell[2].setdefault(tag, attrs)
            if tag == "br":
                self._cell[1] += "\n"

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._table[-1].append((self._cell[0], self._cell[1].strip(), self._cell[2]))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data

    def body_rows(self, table: str) -> list[dict[str, tuple[str, dict]]]:
        """The rows of a table but its header, each {cell class: (text, attrs)} (the first cell also as "first")."""
        rows = []
        for row in self.tables[table][1:]:
            cells = {cls: (text, attrs) for cls, text, attrs in row if cls}
            rows.append({**cells, "first": (row[0][1], row[0][2]), "all": [text for _, text, _ in row]})
        return rows


def read_csv(out: Path) -> list[dict]:
    with open(out / "grades.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_self_contained(page: Page, out: Path) -> None:
    """No tag but the page's own, no event handler, no load from outside, every link a student's feedback."""
    for tag, attrs in page.tags:
        assert tag in TAGS, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "img":
            assert attrs["src"].startswith("data:image/svg+xml;base64,"), attrs["src"][:80]
        if tag == "a":
            href = attrs["href"]
            assert re.fullmatch(r"[A-Za-z0-9._@+%~-]+/feedback\.md", href), href
            assert (out / urllib.parse.unquote(href)).is_file(), href
        assert not {"src", "href"} & set(attrs) or tag in ("img", "a"), (tag, attrs)


def test_the_page_in_a_browser_holds_the_numbers_of_grades_csv(tmp_path, browser):
    out = tmp_path / "out"
    write_class(out, [f"student{i:02d}" for i in range(1, 13)], MODULES, seed=3, diagnosis_rate=0.8)
    run = subprocess.run([sys.executable, "-m", "grader", "report", str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"wrote {out / 'report.html'}"
    dom, console = browser(out / "report.html")
    assert console == []
    page = Page(dom)
    assert_self_contained(page, out)
    rows = read_csv(out)
    # Each student's total and share, as grades.csv sums them.
    totals: dict[str, list[int]] = {}
    for row in rows:
        points = totals.setdefault(row["student"], [0, 0])
        points[0] += int(row["score"])
        points[1] += int(row["max_score"])
    shown = {row["student"][0]: (row["num total"][0], row["num percent"][0]) for row in page.body_rows("students")}
    assert shown == {name: (f"{score}/{most}", f"{100 * score / most:.0f}%") for name, (score, most) in totals.items()}
    # Each exercise's pass rate, in the course's order.
    by_exercise: dict[tuple[str, str], Counter] = {}
    for row in rows:
        by_exercise.setdefault((row["assignment"], row["exercise"]), Counter())[row["status"]] += 1
    expected = [(f"{BY_MODULE[a].number} {a}", e, f"{c['passed']}/{c.total()}", f"{100 * c['passed'] / c.total():.0f}%")
                for (a, e), c in by_exercise.items()]
    shown = [(row["first"][0], row["exercise"][0], row["num passed"][0], row["num rate"][0])
             for row in page.body_rows("exercises")]
    assert shown == expected
    # The diagnosed mistakes, counted from the students' results.json, and who made them.
    who: dict[tuple[str, str, str], list[str]] = {}
    for student in totals:
        gradescope = json.loads((out / folder_name(student) / "results.json").read_text())
        for test in gradescope["tests"]:
            assignment, exercise = test["name"].split(" ", 1)[1].split(".")
            for diagnosis in test["diagnosis"]:
                who.setdefault((f"{BY_MODULE[assignment].number} {assignment}", exercise, diagnosis["mistake"]),
                               []).append(student)
    assert who, "the class has diagnoses to show"
    shown = {(row["all"][1], row["exercise"][0], row["all"][3].split("\n")[-1]): (int(row["num count"][0]),
                                                                                 row["all"][6])
             for row in page.body_rows("mistakes")}
    assert sorted((n for n, _ in shown.values()), reverse=True) == sorted(map(len, who.values()), reverse=True)[:20]
    assert all((len(who[key]), ", ".join(who[key])) == count_and_names for key, count_and_names in shown.items())
    # Who scored nothing on an assignment.
    nothing = sorted((a, s) for s in totals for a in MODULES
                     if sum(int(r["score"]) for r in rows if r["student"] == s and r["assignment"] == a) == 0)
    assert nothing, "the class has a student who scored nothing on an assignment"
    for assignment, student in nothing:
        line = next(line for line in dom.split("<li>") if line.startswith(f"<b>{BY_MODULE[assignment].number} "
                                                                         f"{assignment}</b>"))
        assert f">{student}</bdi>" in line


HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "Tom & Jerry &amp; &lt;b&gt;",
    "Zo\u00eb \u5c0f\u660e \U0001f600",
    "\u202egnp.exe",  # right-to-left override
    "new\nline",
    "</td></tr></table><h1>forged</h1>",
    "javascript:alert(1)",
    "x" * 250,
    "bad\udcffbytes",  # a folder name that is not UTF-8
    "grades.csv",
]


def hostile_class(out: Path) -> list[str]:
    """A class whose names, messages and files attack the page; returns its students' names."""
    names = [*HOSTILE_NAMES, "not-json", "huge", "missing", "pipe", "link", "deep", "wrong-types", "no-feedback"]
    # A name that is not UTF-8 cannot be written by the grader's writers: it stands in as "undecodable".
    write_class(out, [name.replace("bad\udcffbytes", "undecodable") for name in names], ["matmul", "backprop"],
                seed=5, diagnosis_rate=1.0)
    os.rename(out / "undecodable", out / folder_name("bad\udcffbytes"))
    grades = (out / "grades.csv").read_bytes()
    (out / "grades.csv").write_bytes(grades.replace(b"\nundecodable,", b"\nbad\xffbytes,"))
    attack = '<script>alert("title")</script>"><img src=x onerror=alert(2)>&amp;\u202e\x00\x1b' + "y" * 5000
    for name in HOSTILE_NAMES:
        path = out / folder_name(name) / "results.json"
        gradescope = json.loads(path.read_text())
        for test in gradescope["tests"]:
            test["diagnosis"] = [{"mistake": "</code><script>alert(3)</script>", "title": attack},
                                 {"mistake": 7, "title": None}, "not a dict"]
            test["output"] = attack
        gradescope["tests"].append({"name": "<script>", "diagnosis": [{"mistake": "x", "title": "y"}]})
        path.write_text(json.dumps(gradescope))
    folder = {name: out / folder_name(name) for name in names}
    (folder["not-json"] / "results.json").write_text("{not json <script>")
    with open(folder["huge"] / "results.json", "wb") as handle:
        handle.truncate(MAX_RESULTS + 1)  # sparse: past the bound, without filling the disk
    (folder["missing"] / "results.json").unlink()
    (folder["pipe"] / "results.json").unlink()
    os.mkfifo(folder["pipe"] / "results.json")  # never written: a reader that waits on it hangs
    (folder["link"] / "results.json").unlink()
    (folder["link"] / "results.json").symlink_to("/dev/zero")
    (folder["deep"] / "results.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder["wrong-types"] / "results.json").write_text(json.dumps({"tests": [1, None, {"name": 5}], "score": "x"}))
    (folder["no-feedback"] / "feedback.md").unlink()
    # And grades.csv rows that are not the grader's: each left out, and counted.
    with open(out / "grades.csv", "a", encoding="utf-8", errors="surrogateescape", newline="") as handle:
        handle.write('intruder,matmul,matmul,1e9,4,passed\nintruder,matmul,matmul,-1,4,failed\n'
                     'intruder,matmul,matmul,5,4,passed\nintruder,matmul,matmul,1,4,hacked\n'
                     'intruder,matmul,matmul,1,4\n"' + "z" * 200_000 + '",matmul,matmul,1,4,passed\n'
                     'intruder,matmul,matmul,1,4,passed,extra\n')
    return names


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("hostile") / "out"
    return out, hostile_class(out)


def expected_titles(names: list[str]) -> set[str]:
    """Each name as its cell's title shows it: whole (up to 400 characters), undecodable bytes as U+FFFD."""
    return {name.replace("\udcff", "\ufffd") for name in names}


def test_a_hostile_class_renders_safely(hostile, capsys):
    out, names = hostile
    assert main(["report", str(out)]) == ExitCode.OK
    assert capsys.readouterr().out.strip() == f"wrote {out / 'report.html'}"
    source = (out / "report.html").read_text(encoding="utf-8")
    page = Page(source)
    assert_self_contained(page, out)  # no <script>, no onerror: nothing of the students' is markup
    assert "<script" not in source.lower() and "<img src=x" not in source and "<h1>forged" not in source
    rows = page.body_rows("students")
    shown = {row["first"][1]["bdi"]["title"]: row for row in rows}
    assert set(shown) == expected_titles(names), "every student is in the table, once"
    assert len(rows) == len(names)
    reasons = {"not-json": "results.json is not JSON", "huge": "results.json too large",
               "missing": "results.json missing", "pipe": "results.json not a file", "link": "results.json a link",
               "deep": "results.json is not JSON", "wrong-types": ""}
    for name, reason in reasons.items():
        results = shown[name]["results"][0]
        assert ("no results" in results and reason in results) if reason else results == "", (name, results)
    assert "(no feedback.md)" in shown["no-feedback"]["first"][0] and "a" not in shown["no-feedback"]["first"][1]
    for name in HOSTILE_NAMES:  # each links to the folder the grader wrote for that name
        href = shown[name.replace("\udcff", "\ufffd")]["first"][1]["a"]["href"]
        assert Path(out / urllib.parse.unquote(href)).parent.name == folder_name(name)
    assert "7 lines of grades.csv are not rows of the grader" in source
    assert "intruder" not in {row["first"][0] for row in rows}
    title, slug = page.body_rows("mistakes")[0]["all"][3].split("\n")  # the title, then the slug: text, cut
    assert title.startswith('<script>alert("title")</script>"><img src=x onerror=alert(2)>&amp;\u202e\ufffd\ufffdy')
    assert title.endswith("y\u2026") and len(title) == 200 and slug == "</code><script>alert(3)</script>"


def test_the_hostile_page_in_a_browser_runs_nothing_and_shows_every_name(hostile, browser):
    out, names = hostile
    write_report(out)
    dom, console = browser(out / "report.html")
    assert console == []  # nothing ran, and nothing was refused by the page's policy
    page = Page(dom)
    assert_self_contained(page, out)
    assert {row["first"][1]["bdi"]["title"] for row in page.body_rows("students")} == expected_titles(names)


def test_same_outputs_same_page(tmp_path):
    out = tmp_path / "out"
    write_class(out, [f"s{i}" for i in range(20)], MODULES, seed=7)
    first = write_report(out).read_bytes()
    assert write_report(out).read_bytes() == first


def test_an_empty_class_and_results_without_diagnosis(tmp_path, capsys):
    """grades.csv with its header only; then results.json as written before the grader diagnosed."""
    out = tmp_path / "out"
    out.mkdir()
    write_grades(out, {})
    assert main(["report", str(out)]) == ExitCode.OK
    assert "grades.csv holds no student" in (out / "report.html").read_text()
    graded = write_class(out, ["a", "b"], ["matmul"], seed=1)
    for name in graded:
        path = out / name / "results.json"
        gradescope = json.loads(path.read_text())
        for test in gradescope["tests"]:
            del test["diagnosis"]
        path.write_text(json.dumps(gradescope))
    assert main(["report", str(out)]) == ExitCode.OK
    source = (out / "report.html").read_text()
    assert "No mistake of the catalogue was diagnosed" in source and "no results" not in source


@pytest.mark.parametrize("setup, message", [
    (lambda out: None, "is not a folder"),
    (lambda out: out.mkdir(), "grades.csv: missing; `grader autograde SUBMISSIONS --out"),
    (lambda out: (out.mkdir(), (out / "grades.csv").mkdir()), "grades.csv: not a file"),
    (lambda out: (out.mkdir(), write_whole(out / "grades.csv", "name,score\nx,1\n")), "does not start with the header"),
])
def test_no_graded_folder_is_a_usage_error(tmp_path, capsys, setup, message):
    out = tmp_path / "out"
    setup(out)
    assert main(["report", str(out)]) == ExitCode.USAGE
    error = capsys.readouterr().err
    assert error.startswith("grader report: ") and message in error
    assert not (out / "report.html").exists()
