"""Build: the safe build-and-swap, and the post-build steps (search index, offline zip, PDF)."""
