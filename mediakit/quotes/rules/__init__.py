"""The rule modules, one per step of :mod:`mediakit.quotes.pipeline`."""
