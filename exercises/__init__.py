"""Data package ``mediakit.course_data``: the graded nbgrader course (no library code).

This folder is installed as ``mediakit.course_data`` (see pyproject.toml), so
``mediakit course init DIR`` can copy it after a plain ``pip install .``. The
instructor guide is ``LEITFADEN.md``; the answer keys are built by
``build_course.py`` from ``course_content.py``.
"""
