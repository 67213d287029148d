"""The demo business's website (demo/site) and a tiny static server for it."""
