"""The project's own petition corpora: a seeded generator (``corpora.generate``) and the data it wrote."""
