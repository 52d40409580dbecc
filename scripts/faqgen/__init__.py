"""Turn the editors' files in content/ into MkDocs pages: load → validate → render."""
