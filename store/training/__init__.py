"""Training the learned models shipped in store/data/ (`make model`); not part of the wheel."""
