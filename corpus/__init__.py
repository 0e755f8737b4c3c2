"""Data package ``mediakit.corpus_data``: the bundled seed corpus (no code).

This folder is installed as ``mediakit.corpus_data`` (see pyproject.toml), so
``importlib.resources.files("mediakit.corpus_data")`` finds it after a plain
``pip install .``. Read it with :func:`mediakit.load_corpus`; the format is
described in README.md beside this file.
"""
