"""Benchmarks: synthetic content at scale, built and measured against plain Material."""
