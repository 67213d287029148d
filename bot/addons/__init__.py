"""Rasa plug-ins of this product, loaded by `rasa run` from bot/ (see scripts/stack.py)."""
