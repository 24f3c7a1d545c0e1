# The seeded About us tree, shared with the project-wide tests.
from tests.conftest import seeded_site  # noqa: F401
