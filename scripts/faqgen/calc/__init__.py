"""Calculators whose results the site shows: the same Python makes the no-JavaScript tables and is what the tests check."""
