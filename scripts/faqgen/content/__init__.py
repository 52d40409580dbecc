"""Content: load the files in content/, check them against the schema and each other, and model them."""
