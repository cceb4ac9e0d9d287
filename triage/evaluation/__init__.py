"""Evaluation of the system against gold data (classification, extraction, routing)."""
