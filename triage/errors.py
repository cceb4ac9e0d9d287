"""One small exception hierarchy. Known bad input raises a subclass of TriageError with a message that
names the problem; the command line prints it as one line and exits 1, the web app renders it."""


class TriageError(Exception):
    """Base of every error the system reports to a user (bad input, bad configuration)."""


class ConfigError(TriageError):
    """A data file (taxonomy, units, settings) that does not load: names the file, entry and valid choices."""


class InputError(TriageError):
    """A petition or input file that cannot be taken in: names the item and the problem."""


class ModelError(TriageError):
    """A model directory that is missing or does not load."""
