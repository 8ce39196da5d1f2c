"""Training the learned models shipped in store/data/ (needs the `train` extra)."""
