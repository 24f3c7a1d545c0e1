"""What a search box's text means to the full-text search: its words, and nothing else.

Wagtail's database search backends pass words on to the database's own query
language (SQLite FTS5's MATCH, PostgreSQL's tsquery), where a stray `"`, a lone
operator or a NUL character is a syntax error, not a search. The index keeps only
words too, so searching for the words alone loses nothing a visitor meant.
"""

import re

QUERY_MAX_LENGTH = 200
WORD = re.compile(r"\w+")


def search_terms(text):
    """The words of `text`, space-separated ("" when it has none)."""
    return " ".join(WORD.findall(text[:QUERY_MAX_LENGTH]))
