"""Cheat-proof autograding: the expected values never reach the student's kernel.

nbgrader's own ``autograde`` runs the hidden tests in the student's kernel, where the
student's code can switch ``assert`` off, read the gradebook or rewrite the scores.
:class:`SandboxedExecute` replaces nbgrader's ``Execute`` step:

1. From the sanitised notebook (nbgrader has restored every test cell from the
   gradebook) it builds a copy with **student code only**: every hidden-test cell is
   replaced by a small export cell that names the answer variables the test reads
   (and the calls it makes, e.g. ``flesch_amstad(3, 41, 85)``); markdown, mark
   schemes and hidden tests are left out.
2. That copy runs in a fresh kernel in the sandbox (:mod:`mediakit.sandbox`). The
   export cells turn the answers into plain data (``None``, ``bool``, ``int``,
   ``float``, ``str``, ``list``, ``dict`` of exactly these types); anything else
   (a subclass, a function, an object) is exported as "not a plain value" and is a
   wrong answer, never code.
3. Back in the trusted grading process, the hidden tests (the teacher's code, read
   from the gradebook) run on that data; each test cell gets a German verdict per
   question ("Aufgabe 2.6: …") as its output, and nbgrader's ``SaveAutoGrades``
   writes the scores into the gradebook as before (Formgrader, manual grading,
   feedback and export keep working).

>>> plan = plan_checks("assert _T(x) is _I and x == 3\\nassert f(1, 2) == 0.5")
>>> plan.names, plan.calls
(['x'], [('f', [1, 2])])
>>> evaluate("assert x == 3, 'x stimmt nicht'", {"names": {"x": 4}, "calls": []}, plan_checks("x"))
(False, 'x stimmt nicht')
"""

from __future__ import annotations

import ast
import builtins
import json
import re
import shutil
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "EXPORT_MIME",
    "CheckPlan",
    "SandboxedExecute",
    "decode",
    "evaluate",
    "export_code",
    "plan_checks",
    "question_numbers",
    "student_notebook",
]

EXPORT_MIME = "application/x-mediakit-export+json"
#: Largest export of one test cell that is read (characters of JSON).
MAX_EXPORT_CHARS = 5_000_000
#: How the verdicts written here begin (the feedback keeps them, see nbgrader_config.py).
VERDICT = re.compile(r"^(?:Aufgabe [\d.]+ – )?Versteckte Tests: (?:bestanden|nicht bestanden)")

_HIDDEN = re.compile(
    r"^[ \t]*#+[ \t]*BEGIN HIDDEN TESTS.*?^[ \t]*#+[ \t]*END HIDDEN TESTS[^\n]*\n?", re.M | re.S
)
_MARKS = re.compile(
    r"^[ \t]*#+[ \t]*BEGIN MARK SCHEME.*?^[ \t]*#+[ \t]*END MARK SCHEME[^\n]*\n?", re.M | re.S
)
_QUESTION = re.compile(r"^#{1,6}\s+(\d+(?:\.\d+)+)\b", re.M)
# Names the hidden tests may read that are not answers.
_NOT_ANSWERS = set(dir(builtins)) | {"get_ipython", "display", "In", "Out"}


class SandboxError(RuntimeError):
    """The student's notebook could not be run to the end (crash, time-out)."""


@dataclass
class CheckPlan:
    """What a hidden test reads from the student's namespace."""

    names: list[str] = field(default_factory=list)
    calls: list[tuple[str, list[Any]]] = field(default_factory=list)


def _bound_names(tree: ast.AST) -> set[str]:
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


def plan_checks(source: str) -> CheckPlan:
    """The answer variables and function calls a hidden test reads.

    Free names (not bound in the test, not built-ins) are answers; a call of a free
    name with literal arguments is exported as its result.

    >>> plan_checks("_r = lix(1, 10, 5)\\nassert _r > 0 and 'woerter' in globals()").calls
    [('lix', [1, 10, 5])]
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return CheckPlan()
    bound = _bound_names(tree)
    names: list[str] = []
    calls: list[tuple[str, list[Any]]] = []
    called: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in bound or name in _NOT_ANSWERS or node.keywords:
                continue
            try:
                args = [ast.literal_eval(a) for a in node.args]
            except ValueError:
                continue
            called.add(name)
            if (name, args) not in calls:
                calls.append((name, args))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            name = node.id
            if name in bound or name in _NOT_ANSWERS or name in called or name in names:
                continue
            if name.startswith("_"):  # helpers of the test itself, never answers
                continue
            names.append(name)
    # Names tested with ``'x' in globals()`` count as answers too.
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
            and node.left.value.isidentifier()
            and node.left.value not in names
            and node.left.value not in called
            and any(isinstance(op, ast.In) for op in node.ops)
        ):
            names.append(node.left.value)
    return CheckPlan(sorted(names, key=names.index), calls)


# The code of an export cell runs in the student's kernel. It contains no expected
# value; it only turns the named answers into plain JSON data. Whatever the student
# does to it can only change the student's own answers.
_EXPORT_TEMPLATE = """\
def _mk_export(_names, _calls):
    _T = ().__class__.__class__
    _plain_types = (None.__class__, True.__class__, (0).__class__, (0.0).__class__, "".__class__)
    def plain(v, depth):
        t = _T(v)
        if t in _plain_types:
            return v
        if depth > 40:
            return {{"x": "zu tief verschachtelt"}}
        if t is [].__class__:
            return {{"l": [plain(i, depth + 1) for i in v]}}
        if t is {{}}.__class__:
            return {{"d": [[plain(k, depth + 1), plain(w, depth + 1)] for k, w in v.items()]}}
        return {{"x": t.__name__}}
    ns = get_ipython().user_ns
    out = {{"names": {{}}, "calls": []}}
    for n in _names:
        out["names"][n] = plain(ns[n], 0) if n in ns else {{"m": 1}}
    for f, args in _calls:
        if f not in ns:
            out["calls"].append({{"m": 1}})
            continue
        try:
            out["calls"].append({{"ok": plain(ns[f](*args), 0)}})
        except BaseException as e:
            out["calls"].append({{"err": _T(e).__name__}})
    import json
    from IPython.display import display
    display({{{mime!r}: json.dumps(out)}}, raw=True)
_mk_export({names!r}, {calls!r})
del _mk_export"""


def export_code(plan: CheckPlan) -> str:
    """The export cell for one hidden test (runs in the student's kernel).

    >>> "_mk_export(['x'], [])" in export_code(CheckPlan(["x"]))
    True
    """
    return _EXPORT_TEMPLATE.format(
        mime=EXPORT_MIME, names=list(plan.names), calls=[[f, a] for f, a in plan.calls]
    )


class _Invalid:
    """An answer that was not plain data: equal to nothing, of no answer type."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


_MISSING = object()


def decode(value: Any) -> Any:
    """Exported JSON back to Python values, strictly (tags ``l``, ``d``, ``x``, ``m``).

    >>> decode({"d": [["a", {"l": [1, 2.5]}]]})
    {'a': [1, 2.5]}
    >>> type(decode({"x": "Gleich"})).__name__
    '_Invalid'
    """
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) is dict and len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "l" and type(inner) is list:
            return [decode(v) for v in inner]
        if tag == "d" and type(inner) is list:
            out: dict[Any, Any] = {}
            for pair in inner:
                if type(pair) is not list or len(pair) != 2:
                    return _Invalid("dict")
                key = decode(pair[0])
                if type(key) not in (str, int, float, bool) and key is not None:
                    return _Invalid("dict")
                out[key] = decode(pair[1])
            return out
        if tag == "x":
            kind = re.sub(r"[^\w.]", "", str(inner))[:40] or "?"
            return _Invalid(kind)
        if tag == "m":
            return _MISSING
    return _Invalid("?")


def _read_export(cell: dict) -> dict | None:
    """The last export output of an executed export cell, or None."""
    found = None
    for out in cell.get("outputs", []):
        if out.get("output_type") != "display_data":
            continue
        data = out.get("data", {}).get(EXPORT_MIME)
        if isinstance(data, list):
            data = "".join(data)
        if isinstance(data, str) and len(data) <= MAX_EXPORT_CHARS:
            found = data
    if found is None:
        return None
    try:
        raw = json.loads(found)
    except (ValueError, RecursionError):
        return None
    if type(raw) is not dict:
        return None
    names = raw.get("names")
    calls = raw.get("calls")
    if type(names) is not dict or type(calls) is not list:
        return None
    return {"names": names, "calls": calls}


class _CallFailed(AssertionError):
    pass


def _stub(name: str, results: dict[str, Any]) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        key = json.dumps([list(args), kwargs], sort_keys=True, default=repr)
        if key not in results:
            raise _CallFailed(
                f"`{name}` lässt sich nicht so aufrufen, wie die Aufgabe es verlangt."
            )
        outcome = results[key]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    call.__name__ = name
    return call


def _type_word(kind: str) -> str:
    return kind if re.fullmatch(r"[A-Za-z_][\w.]*", kind) else "?"


def evaluate(source: str, exported: dict | None, plan: CheckPlan) -> tuple[bool, str]:
    """Run one hidden test (teacher's code) on the exported answers, in this process.

    Returns (passed, German message). The message says what is wrong without the
    expected value: a missing variable, a value that is not plain data, or the
    test's own assertion message.

    >>> evaluate("assert x == 3", {"names": {"x": 3}, "calls": []}, CheckPlan(["x"]))
    (True, 'bestanden')
    >>> evaluate("assert x == 3", {"names": {}, "calls": []}, CheckPlan(["x"]))[1][:14]
    '`x` fehlt: Die'
    """
    if exported is None:
        return False, (
            "Die Antworten konnten nicht ausgelesen werden (die Zelle wurde nicht "
            "ausgeführt oder ist vorher abgebrochen)."
        )
    namespace: dict[str, Any] = {"__builtins__": builtins, "__name__": "__hidden_tests__"}
    for name in plan.names:
        if name not in exported["names"]:
            value = _MISSING
        else:
            try:
                value = decode(exported["names"][name])
            except RecursionError:
                value = _Invalid("zu tief verschachtelt")
        if value is _MISSING:
            return False, (
                f"`{name}` fehlt: Die Variable wurde nicht angelegt, anders geschrieben "
                "oder die Zelle ist vorher mit einem Fehler abgebrochen."
            )
        if isinstance(value, _Invalid):
            return False, (
                f"`{name}` ist kein einfacher Wert (int, float, str, bool, list, dict), "
                f"sondern {_type_word(value.kind)}; so ein Wert wird nicht bewertet. "
                "Speichern Sie das Ergebnis selbst, nicht ein Objekt, das es nachahmt."
            )
        namespace[name] = value
    stubs: dict[str, dict[str, Any]] = {}
    for (fname, args), outcome in zip(plan.calls, exported["calls"], strict=False):
        key = json.dumps([list(args), {}], sort_keys=True, default=repr)
        if type(outcome) is dict and "ok" in outcome:
            value = decode(outcome["ok"])
            if isinstance(value, _Invalid):
                value = _CallFailed(
                    f"`{fname}` gibt keinen einfachen Wert zurück, sondern "
                    f"{_type_word(value.kind)}."
                )
        elif type(outcome) is dict and "m" in outcome:
            value = _CallFailed(
                f"`{fname}` fehlt: Definieren Sie die Funktion mit `def {fname}(...)`, "
                "wie die Aufgabe es verlangt."
            )
        else:
            err = outcome.get("err", "?") if type(outcome) is dict else "?"
            value = _CallFailed(
                f"`{fname}` löst beim Aufruf einen Fehler aus ({_type_word(str(err))})."
            )
        stubs.setdefault(fname, {})[key] = value
    for fname, _args in plan.calls:
        namespace[fname] = _stub(fname, stubs.get(fname, {}))
    try:
        exec(compile(source, "<versteckte Tests>", "exec"), namespace)
    except AssertionError as error:
        message = error.args[0] if error.args and isinstance(error.args[0], str) else ""
        return False, message or "Das Ergebnis stimmt nicht. Lesen Sie die Aufgabe noch einmal."
    except RecursionError:
        return False, "Ihre Antwort ist zu tief verschachtelt."
    except Exception:
        return False, (
            "Ihre Antwort hat nicht die verlangte Form (Typ, Schlüssel oder Länge "
            "stimmen nicht). Vergleichen Sie mit der Aufgabe."
        )
    return True, "bestanden"


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _is_test_cell(cell: dict) -> bool:
    meta = _meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def question_numbers(nb: dict) -> dict[int, str]:
    """The question number ("2.6") in force at each cell, from the ``## 2.6`` headings.

    >>> question_numbers({"cells": [{"cell_type": "markdown", "source": "## 2.6 Tabelle"},
    ...                             {"cell_type": "code", "source": ""}]})
    {0: '2.6', 1: '2.6'}
    """
    numbers: dict[int, str] = {}
    current = ""
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "markdown":
            found = _QUESTION.findall(_source(cell))
            if found:
                current = found[-1]
        numbers[index] = current
    return numbers


def student_notebook(nb: dict, tests: dict[str, str]) -> tuple[dict, dict[int, CheckPlan]]:
    """The copy of ``nb`` that goes into the sandbox: student code and export cells.

    ``tests`` maps a test cell's grade id to its code (from the gradebook). Markdown
    cells are emptied (task texts hold mark schemes); hidden-test and mark-scheme
    regions are cut from every cell. Returns the copy and the plan per cell index.

    >>> nb = {"cells": [{"cell_type": "code", "source": "x = 3", "metadata": {}},
    ...   {"cell_type": "code", "source": "# BEGIN HIDDEN TESTS\\nassert x == 3\\n# END HIDDEN TESTS",
    ...    "metadata": {"nbgrader": {"grade": True, "grade_id": "t", "points": 1}}}],
    ...   "metadata": {}}
    >>> copy, plans = student_notebook(nb, {"t": "assert x == 3"})
    >>> "assert" in json.dumps(copy), plans[1].names
    (False, ['x'])
    """
    cells: list[dict] = []
    plans: dict[int, CheckPlan] = {}
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            cells.append({"cell_type": "markdown", "id": f"c{index}", "metadata": {}, "source": ""})
            continue
        if _is_test_cell(cell):
            plan = plan_checks(tests.get(_meta(cell).get("grade_id", ""), ""))
            plans[index] = plan
            source = export_code(plan)
        else:
            source = _MARKS.sub("", _HIDDEN.sub("", _source(cell)))
        cells.append(
            {
                "cell_type": "code",
                "id": f"c{index}",
                "metadata": {},
                "source": source,
                "outputs": [],
                "execution_count": None,
            }
        )
    copy = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return copy, plans


def _verdict(number: str, passed: bool, message: str) -> dict:
    label = f"Aufgabe {number} – " if number else ""
    if passed:
        return {
            "output_type": "stream",
            "name": "stdout",
            "text": f"{label}Versteckte Tests: bestanden.\n",
        }
    text = f"{label}Versteckte Tests: nicht bestanden. {message}"
    return {
        "output_type": "error",
        "ename": "NichtBestanden",
        "evalue": text,
        "traceback": [text],
    }


def _nbgrader_preprocessor_base() -> Any:
    try:
        from nbgrader.preprocessors import NbGraderPreprocessor
    except ImportError:  # pragma: no cover - only without the course extra
        return object
    return NbGraderPreprocessor


def _traitlets() -> Any:
    import traitlets

    return traitlets


class SandboxedExecute(_nbgrader_preprocessor_base()):  # type: ignore[misc]
    """nbgrader preprocessor: run student code in the sandbox, grade in this process.

    Use it in ``nbgrader_config.py`` in place of nbgrader's ``Execute``::

        c.Autograde.autograde_preprocessors = [SandboxedExecute, ...]

    ``cell_timeout`` (seconds per cell) and ``notebook_timeout`` (seconds per
    notebook) are configurable (``c.SandboxedExecute.notebook_timeout = 120``).

    >>> SandboxedExecute.__name__
    'SandboxedExecute'
    """

    try:
        cell_timeout = _traitlets().Integer(30, help="seconds per cell").tag(config=True)
        notebook_timeout = _traitlets().Float(120.0, help="seconds per notebook").tag(config=True)
        memory_mb = _traitlets().Integer(4096, help="memory limit (MB)").tag(config=True)
    except ImportError:  # pragma: no cover
        pass

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        from nbformat import from_dict

        from mediakit import sandbox

        info = resources["nbgrader"]
        tests = self._tests(info)
        plain = json.loads(json.dumps(nb))
        copy, plans = student_notebook(plain, tests)
        if not sandbox.sandbox_available():
            self.log.warning(sandbox.sandbox_warning())
        run = sandbox.run_notebook(
            copy,
            cell_timeout=int(self.cell_timeout),
            notebook_timeout=float(self.notebook_timeout),
            memory_mb=int(self.memory_mb),
        )
        try:
            if run.error is not None or run.notebook is None:
                raise SandboxError(
                    f"mediakit-Fehler: {info.get('student')}: {run.error}"
                    + (f"\n{run.log[-1500:]}" if run.log else "")
                )
            executed = run.notebook.get("cells", [])
            if type(executed) is not list or len(executed) != len(nb.cells):
                raise SandboxError(
                    f"mediakit-Fehler: {info.get('student')}: Ergebnis unvollständig"
                )
        finally:
            shutil.rmtree(run.workdir, ignore_errors=True)
        if run.sandboxed and run.cpu_seconds is not None:
            # benchmarks/grading.py adds these to the grading process's own CPU time
            self.log.info("mediakit-sandbox-cpu: %.3f", run.cpu_seconds)
        numbers = question_numbers(plain)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            done = executed[index] if isinstance(executed[index], dict) else {}
            if index in plans:
                grade_id = _meta(plain["cells"][index]).get("grade_id", "")
                passed, message = evaluate(
                    tests.get(grade_id, ""), _read_export(done), plans[index]
                )
                out = _verdict(numbers.get(index, ""), passed, message)
                cell.outputs = [from_dict(out)]
                cell.execution_count = done.get("execution_count")
                continue
            outputs = done.get("outputs", [])
            cell.outputs = [
                from_dict(o)
                for o in (outputs if type(outputs) is list else [])
                if isinstance(o, dict)
                and isinstance(o.get("data", {}), dict)
                and not (o.get("data") or {}).get(EXPORT_MIME)
            ]
            count = done.get("execution_count")
            cell.execution_count = count if type(count) is int else None
        return nb, resources

    def _tests(self, info: dict) -> dict[str, str]:
        from nbgrader.api import Gradebook

        out: dict[str, str] = {}
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            for cell in notebook.grade_cells:
                if cell.cell_type == "code":
                    source = gb.find_source_cell(cell.name, info["notebook"], info["assignment"])
                    out[cell.name] = source.source
        return out


class DropDuplicateTestCells(_nbgrader_preprocessor_base()):  # type: ignore[misc]
    """Sanitising step: a read-only cell pasted twice (JupyterLab copy/paste) counts once.

    nbgrader's ``DeduplicateIds`` keeps the *last* copy of a cell id and strips the
    metadata of the others; for a duplicated test or text cell that breaks the
    restoration of the original tests. Here every later copy of a locked cell that is
    not an answer is dropped, so the first one (in its place after the answer) stays.

    >>> DropDuplicateTestCells.__name__
    'DropDuplicateTestCells'
    """

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        seen: set[str] = set()
        kept = []
        last_answer: dict[str, int] = {}
        for index, cell in enumerate(nb.cells):
            meta = _meta(cell)
            if meta.get("grade_id") and meta.get("solution"):
                last_answer[meta["grade_id"]] = index
        for index, cell in enumerate(nb.cells):
            meta = cell.get("metadata", {}).get("nbgrader")
            if meta is not None and not (isinstance(meta, dict) and meta.get("grade_id")):
                # metadata without an id (nbgrader would stop with a KeyError)
                del cell.metadata["nbgrader"]
                kept.append(cell)
                continue
            grade_id = (meta or {}).get("grade_id")
            if grade_id and meta.get("solution"):
                if last_answer.get(grade_id) != index:
                    # an earlier copy of a pasted answer: plain student code
                    self.log.warning("Doppelte Antwortzelle %s: die letzte zählt", grade_id)
                    del cell.metadata["nbgrader"]
            elif grade_id:
                if grade_id in seen:
                    self.log.warning("Doppelte Zelle %s entfernt (kopiert?)", grade_id)
                    continue
                seen.add(grade_id)
            kept.append(cell)
        nb.cells = kept
        return nb, resources
