"""Synthetic material for benchmarks: never mistaken for real records."""
