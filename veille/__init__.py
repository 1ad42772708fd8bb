"""veille: industry-news monitoring for the French tech press."""

__version__ = "0.1.0"
