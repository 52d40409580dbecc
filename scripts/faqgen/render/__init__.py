"""Render: the validated content as Markdown pages, lookup data, the print view and the nav."""
