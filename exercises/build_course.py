"""Build the answer-key notebooks in ``source/`` from the definitions in ``course_content.py``.

Run it after a change of the content or of mediakit's numbers::

    python exercises/build_course.py          # writes source/<assignment>/<notebook>.ipynb
    python exercises/build_course.py --check  # exit 1 if a committed notebook is stale

The expected values of the hidden tests are computed here, at build time, with the
real mediakit in this process, and written into the hidden tests as literals. A
student's notebook therefore cannot change them: rebinding ``mediakit.readability``
in the notebook changes the student's answer, never the expected value.
``tests/test_course.py`` checks that the committed notebooks equal a fresh build, so
a change of mediakit's numbers cannot silently leave a stale answer key behind.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

# Hidden tests reach the real built-in types through literals, because a student can
# shadow ``type``, ``int``, ``abs``, ``len`` ... in the notebook's globals; a literal's
# class cannot be faked. The first line switches off an exception handler a student
# may have installed to swallow failing tests (IPython's ``set_custom_exc``).
HIDDEN_PRELUDE = """\
try:
    get_ipython().set_custom_exc((), None)
    get_ipython().__dict__.pop("showtraceback", None)
except Exception:
    pass
_T, _I, _F, _S, _L, _D = ().__class__.__class__, (0).__class__, (0.0).__class__, "".__class__, [].__class__, {}.__class__"""


# A comparison that trusts nothing the notebook can rebind: ``x`` must have exactly
# the type of the expected literal ``v`` (so an object whose ``__eq__`` always says
# True fails), and containers are walked with the real types' methods.
SAME_FUNCTION = """\
def _same(x, v, tol):
    t = _T(v)
    if _T(x) is not t:
        return False
    if t is _F:
        return -tol <= x - v <= tol
    if t is _L:
        if _L.__len__(x) != _L.__len__(v):
            return False
        i = 0
        for item in v:
            if not _same(_L.__getitem__(x, i), item, tol):
                return False
            i += 1
        return True
    if t is _D:
        for k in _D.keys(x):
            if _T(k) is not _S and _T(k) is not _I:
                return False
        if _D.__len__(x) != _D.__len__(v) or not _D.keys(x) == _D.keys(v):
            return False
        for k in v:
            if not _same(_D.__getitem__(x, k), v[k], tol):
                return False
        return True
    return x == v"""


def _check_literal(value: Any) -> None:
    """Expected values must be plain literals (their ``repr`` is valid Python)."""
    if type(value) in (int, float, str, bool) or value is None:
        return
    if type(value) is list:
        for item in value:
            _check_literal(item)
        return
    if type(value) is dict:
        for key, item in value.items():
            _check_literal(key)
            _check_literal(item)
        return
    raise TypeError(f"expected value of type {type(value).__name__} is not a plain literal")


_TYPE_NAMES = {int: "int", float: "float", str: "str", bool: "bool", list: "list", dict: "dict"}
_TYPE_REFS = {int: "_I", float: "_F", str: "_S", list: "_L", dict: "_D"}


def _value_checks(name: str, value: Any, tol: float, hint: str | None) -> list[str]:
    """Assertions for one answer variable, each with a German message without the value.

    The hidden tests run in the grading process on plain data (see
    ``mediakit.grading``), so the messages may say *what* is wrong: the type, the
    keys, the length; the expected value itself never appears in a message.
    """
    kind = type(value)
    lines = [
        f"assert {name!r} in globals(), "
        f'"`{name}` fehlt: Legen Sie die Variable an (Schreibweise wie in der Aufgabe)."'
    ]
    if kind in _TYPE_REFS:
        lines.append(
            f"assert _T({name}) is {_TYPE_REFS[kind]}, "
            f'"`{name}` soll vom Typ {_TYPE_NAMES[kind]} sein."'
        )
    if kind is dict:
        keys = "{" + ", ".join(sorted(repr(k) for k in value)) + "}" if value else "set()"
        lines.append(
            f"assert _T({name}) is _D and _D.keys({name}) == {keys}, "
            f'"`{name}` hat nicht die Schlüssel, die die Aufgabe nennt."'
        )
    if kind is list:
        lines.append(
            f"assert _L.__len__({name}) == {len(value)!r}, "
            f'"`{name}` hat nicht die richtige Anzahl von Einträgen."'
        )
    default = (
        "Prüfen Sie, welchen Text und welche Funktion oder welches Attribut die Aufgabe verlangt."
    )
    message = f"`{name}` hat nicht den erwarteten Wert. {hint or default}"
    lines.append(f"assert _same({name}, {value!r}, {tol!r}), {message!r}")
    return lines


def _cell_id(grade_id: str) -> str:
    return hashlib.sha1(grade_id.encode()).hexdigest()[:12]


def _meta(grade_id: str, **flags: Any) -> dict[str, Any]:
    meta = {
        "grade": False,
        "grade_id": grade_id,
        "locked": True,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    meta.update(flags)
    return {"nbgrader": meta}


def _markdown(grade_id: str, source: str, **flags: Any) -> dict[str, Any]:
    return {
        "cell_type": "markdown",
        "id": _cell_id(grade_id),
        "metadata": _meta(grade_id, **flags),
        "source": source.strip("\n"),
    }


def _code(grade_id: str, source: str, **flags: Any) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": _cell_id(grade_id),
        "metadata": _meta(grade_id, **flags),
        "outputs": [],
        "source": source.strip("\n"),
    }


class Notebook:
    """Collects the cells of one answer-key notebook, with nbgrader metadata."""

    SAME = SAME_FUNCTION

    def __init__(self, assignment: str, name: str) -> None:
        self.assignment = assignment
        self.name = name
        self.cells: list[dict[str, Any]] = []
        self.questions: list[dict[str, Any]] = []
        # Per graded automatic task: the text the student reads for it (the markdown
        # since the previous graded cell), the hidden test's source and, for ``check``,
        # the expected values and what the outer keys of a dict answer are. The test
        # ``test_task_text_names_what_its_check_reads`` compares them.
        self.tasks: dict[str, dict[str, Any]] = {}
        self._text: list[str] = []
        self._n = 0
        # The answer key runs here, cell by cell, like a kernel would run it; the
        # hidden tests then take their expected values from this namespace.
        self.ns: dict[str, Any] = {"__name__": "__main__", "display": lambda *a, **k: None}
        # What each read-only cell printed and displayed (by cell index), and the names
        # those cells bind: the print view (print_view.py) shows them on paper.
        self.outputs: dict[int, tuple[str, list[Any]]] = {}
        self.setup_names: set[str] = set()

    def _run(self, code: str) -> tuple[str, list[Any]]:
        shown: list[Any] = []
        self.ns["display"] = lambda *a, **k: shown.extend(a)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"<{self.name}>", "exec"), self.ns)
        return out.getvalue(), shown

    def _id(self, kind: str) -> str:
        self._n += 1
        return f"{kind}_{self._n:02d}"

    def md(self, text: str) -> None:
        """A read-only markdown cell."""
        self.cells.append(_markdown(self._id("text"), text))
        self._text.append(text)

    def setup(self, code: str) -> None:
        """A read-only code cell (imports, data)."""
        self.cells.append(_code(self._id("setup"), code))
        self.outputs[len(self.cells) - 1] = self._run(code)
        self.setup_names |= _bound_names(code)

    def answer(self, qid: str, solution: str, *, before: str = "", after: str = "") -> None:
        """An autograded answer cell; ``solution`` becomes the ``# IHR CODE HIER`` stub."""
        parts = [before.strip("\n")] if before.strip() else []
        parts += ["### BEGIN SOLUTION", solution.strip("\n"), "### END SOLUTION"]
        if after.strip():
            parts.append(after.strip("\n"))
        self.cells.append(_code(f"{qid}_antwort", "\n".join(parts), solution=True, locked=False))
        self._run("\n".join(parts))

    def hints(self, qid: str, code: str) -> None:
        """Visible tests: read-only, worth no points, German ``Tipp:`` messages."""
        self.cells.append(
            _code(f"{qid}_tipps", "# Sichtbare Tests (Hinweise, keine Punkte)\n" + code)
        )

    def hidden(self, qid: str, points: int, code: str, *, uses_mediakit: bool) -> None:
        """The graded tests of a question, hidden from the students."""
        source = "\n".join(
            [
                "# Versteckte Tests: werden erst beim Bewerten ausgeführt.",
                "### BEGIN HIDDEN TESTS",
                HIDDEN_PRELUDE,
                code.strip("\n"),
                "### END HIDDEN TESTS",
            ]
        )
        self.cells.append(_code(f"{qid}_tests", source, grade=True, points=points))
        task = self.tasks.setdefault(qid, {"values": {}, "keys": {}})
        task.update(text="\n\n".join(self._text), test=code, points=points)
        self._text = []
        self.questions.append(
            {
                "grade_id": f"{qid}_tests",
                "points": points,
                "kind": "auto",
                "uses_mediakit": uses_mediakit,
            }
        )

    def check(
        self,
        qid: str,
        points: int,
        names: list[str],
        *,
        tol: float = 1e-6,
        extra: str = "",
        uses_mediakit: bool = True,
        hints: dict[str, str] | None = None,
        keys: dict[str, str] | None = None,
    ) -> None:
        """Hidden tests: each variable in ``names`` must equal the answer key's value.

        ``keys`` says, for a dict answer whose outer keys come from the data (text
        ids, categories), the word the task text uses for them (``"Text-ID"``); every
        other dict key, at any depth, must be named in the task text as ``"key"``.

        The failure messages (German, shown in the feedback) say what is wrong
        (type, keys, length, value) but never the expected value; ``hints`` adds a
        task-specific sentence per variable.

        Types are compared exactly (an ``int`` is not a ``float``, a subclass is not
        its base), floats within ``tol``, lists/dicts element by element.
        """
        lines = [SAME_FUNCTION]
        for name in names:
            value = self.ns[name]
            _check_literal(value)
            lines.extend(_value_checks(name, value, tol, (hints or {}).get(name)))
        if extra.strip():
            lines.append(extra.strip("\n"))
        self.tasks[qid] = {"values": {n: self.ns[n] for n in names}, "keys": dict(keys or {})}
        self.hidden(qid, points, "\n".join(lines), uses_mediakit=uses_mediakit)

    def value(self, name: str) -> Any:
        """The answer key's value of a variable (to write custom hidden tests)."""
        return self.ns[name]

    def written(self, qid: str, points: int, sample: str) -> None:
        """A manually graded free-text answer; ``sample`` is the model answer."""
        source = f"### BEGIN SOLUTION\n{sample.strip()}\n### END SOLUTION"
        self.cells.append(
            _markdown(f"{qid}_text", source, grade=True, solution=True, locked=False, points=points)
        )
        self._text = []
        self.questions.append({"grade_id": f"{qid}_text", "points": points, "kind": "manual"})

    def task(self, qid: str, points: int, text: str, mark_scheme: str) -> None:
        """A manually graded task: students answer in cells of their own below it."""
        source = (
            f"{text.strip()}\n\n### BEGIN MARK SCHEME\n{mark_scheme.strip()}\n### END MARK SCHEME"
        )
        self.cells.append(_markdown(f"{qid}_aufgabe", source, task=True, points=points))
        self._text = []
        self.questions.append({"grade_id": f"{qid}_aufgabe", "points": points, "kind": "task"})

    def to_json(self) -> str:
        nb = {
            "cells": self.cells,
            "metadata": {
                "kernelspec": KERNELSPEC,
                "language_info": {"name": "python"},
                "mediakit_course": {"questions": self.questions},
            },
            "nbformat": 4,
            "nbformat_minor": 5,
        }
        return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @property
    def path(self) -> Path:
        return SOURCE / self.assignment / f"{self.name}.ipynb"


def _bound_names(code: str) -> set[str]:
    """The names a setup cell assigns or imports (parsed once)."""
    import ast

    nodes = list(ast.walk(ast.parse(code)))
    return {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)} | {
        (a.asname or a.name).split(".")[0]
        for n in nodes
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    }


def build() -> list[Notebook]:
    """All answer-key notebooks, expected values computed with the current mediakit."""
    sys.path.insert(0, str(HERE))
    try:
        import course_content
    finally:
        sys.path.remove(str(HERE))
    return course_content.notebooks(Notebook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    stale = []
    notebooks = build()
    for nb in notebooks:
        text = nb.to_json()
        if args.check:
            if not nb.path.exists() or nb.path.read_text(encoding="utf-8") != text:
                stale.append(str(nb.path.relative_to(HERE)))
            continue
        nb.path.parent.mkdir(parents=True, exist_ok=True)
        nb.path.write_text(text, encoding="utf-8")
        print(f"wrote {nb.path.relative_to(HERE)}")
    sys.path.insert(0, str(HERE))
    try:
        import print_view  # the print view of texts and tasks: druck/<notebook>.html
    finally:
        sys.path.remove(str(HERE))
    stale += print_view.write(notebooks, check=args.check)
    if stale:
        print("stale (run python exercises/build_course.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
