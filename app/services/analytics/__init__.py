"""Conversation analytics: `sync` turns Rasa's events into rows, `reports` reads them."""
