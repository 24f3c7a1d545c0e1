from tests.conftest import seeded_site  # noqa: F401 - the seeded About us tree
