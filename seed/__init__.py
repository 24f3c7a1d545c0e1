"""The site's first content: the council's About us text, built into pages by
`python manage.py load_seed_content`. It depends on the content apps (pages,
priorities, partnership); none of them depends on it."""
