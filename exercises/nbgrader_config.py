"""nbgrader 0.9 configuration of the mediakit course (run nbgrader from this directory).

Every setting here has a reason a teacher should know about:

* ``Execute.timeout`` is the per-cell limit while autograding. nbgrader 0.9 reads
  ``Execute.*``; the old ``ExecutePreprocessor.timeout`` is silently ignored.
* ``OverwriteCells.add_missing_cells`` puts back test cells a student deleted, so a
  deleted test counts as a failed test, not as a missing one.
* Feedback never shows hidden tests or mark schemes: the hidden-test regions and
  mark-scheme regions are cut from the feedback notebook, and every output of a cell
  that held hidden tests is replaced by a one-line German verdict, because an
  ``AssertionError`` traceback would print the hidden test's code.
* ``LimitOutput`` keeps a runaway ``print`` loop from blowing up the gradebook.
* Autograding never runs a hidden test in the student's kernel: ``SandboxedExecute``
  (``mediakit.grading``) replaces nbgrader's ``Execute``. The student's code runs
  without the hidden tests in a fresh kernel inside a sandbox (bubblewrap: only the
  student's notebook in a private temporary folder, the Python environment
  read-only, no course folder, no gradebook, no network); the answers come back as
  plain data and the hidden tests run here, in the grading process. Limits:
  ``cell_timeout`` seconds per cell, ``notebook_timeout`` seconds per notebook.
* Student ids from file names must start with a letter or digit (``..`` is refused).
"""

# ruff: noqa: F821  (``c`` and ``get_config`` are injected by traitlets)

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    NbGraderPreprocessor,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from mediakit.grading import VERDICT, DropDuplicateTestCells, SandboxedExecute

c = get_config()

# --- course layout -----------------------------------------------------------------
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "mediakit"
# Student folders hold nothing but notebooks and small text files; never copy
# checkpoints, caches or a student's downloaded data into the gradebook.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    ".DS_Store",
]
c.CourseDirectory.max_file_size = 2000  # kB

# --- release: German stubs ------------------------------------------------------------
c.ClearSolutions.code_stub = {"python": "# IHR CODE HIER\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "IHRE ANTWORT HIER"

# --- autograding -------------------------------------------------------------------------
c.SandboxedExecute.cell_timeout = 30  # seconds per cell; our slowest cell needs about 3 s
c.SandboxedExecute.notebook_timeout = 120  # seconds per notebook, kernel start included
c.SandboxedExecute.memory_mb = 4096
# (only used if a teacher puts nbgrader's own Execute back)
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "python3"
c.Execute.startup_timeout = 60
c.OverwriteCells.add_missing_cells = True
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 40

# --- zip_collect: files named <student>_<notebook>.ipynb (e.g. from an LMS export) ----
c.ZipCollectApp.collector_plugin = "nbgrader.plugins.FileNameCollectorPlugin"
c.FileNameCollectorPlugin.named_regexp = (
    r"^(?:.*/)?(?P<student_id>[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*)"
    r"_(?P<file_id>[^/]+\.ipynb)$"
)


class HideHiddenTestOutput(NbGraderPreprocessor):
    """Replace every output of a cell that held hidden tests by a short verdict.

    ``ClearHiddenTests`` removes the hidden lines from the cell's source, but a
    failing hidden test leaves a traceback that quotes them; so the outputs go too.
    """

    def preprocess_cell(self, cell, resources, index):
        # Runs before ClearHiddenTests, so the delimiter is still in the source.
        if cell.cell_type != "code" or "BEGIN HIDDEN TESTS" not in cell.source:
            return cell, resources
        # The verdicts SandboxedExecute wrote in the grading process (German, per
        # question, without expected values) stay; anything else goes.
        # (Only SandboxedExecute writes a test cell's outputs; the student's code cannot.)
        verdicts = [
            o
            for o in cell.get("outputs", [])
            if VERDICT.match(o.get("text") or o.get("evalue") or "")
        ]
        if verdicts:
            cell.outputs = verdicts
            return cell, resources
        failed = any(
            out.get("output_type") == "error"
            or (out.get("output_type") == "stream" and out.get("name") == "stderr")
            for out in cell.get("outputs", [])
        )
        verdict = (
            "Versteckte Tests: nicht bestanden (Details werden nicht angezeigt).\n"
            if failed
            else "Versteckte Tests: bestanden.\n"
        )
        cell.outputs = [{"output_type": "stream", "name": "stdout", "text": verdict}]
        return cell, resources


class OverwriteCellsAnywhere(OverwriteCells):
    """``OverwriteCells`` that can put a deleted test cell back after any cell.

    nbgrader 0.9 re-inserts a deleted grade cell after the cell that preceded it in
    the answer key, and crashes (``KeyError``) when that cell is not a grade or
    solution cell, which is the case for our read-only hint cells. Here the cell
    goes after the nearest preceding cell of the answer key that is still in the
    submission, whatever its kind.
    """

    def add_missing_grade_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = list(source_nb.source_cells)
        source_ids = [cell.name for cell in source_cells]
        solution_ids = {cell.name for cell in source_nb.solution_cells}
        for grade_cell in source_nb.grade_cells:
            present = {
                cell.metadata["nbgrader"]["grade_id"]: index
                for index, cell in enumerate(nb.cells)
                if "grade_id" in cell.metadata.get("nbgrader", {})
            }
            if grade_cell.name in present:
                continue
            self.log.warning(
                "Missing grade cell %s encountered, adding to notebook", grade_cell.name
            )
            position = source_ids.index(grade_cell.name)
            cell = self.missing_cell_transform(
                source_cells[position],
                grade_cell.max_score,
                is_solution=grade_cell.name in solution_ids,
            )
            before = [present[i] for i in reversed(source_ids[:position]) if i in present]
            nb.cells.insert(before[0] + 1 if before else 0, cell)
        return nb, resources


c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    DropDuplicateTestCells,
    DeduplicateIds,
    OverwriteKernelspec,
    OverwriteCellsAnywhere,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    SandboxedExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]

c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    HideHiddenTestOutput,
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
