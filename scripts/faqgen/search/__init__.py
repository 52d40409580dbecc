"""Search: the Pagefind index the search box answers from, and the words Chinese search keeps whole."""
