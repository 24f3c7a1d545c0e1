import pytest
from django.core.management import call_command


@pytest.fixture
def seeded_site(db):
    """The whole About us tree, as `make run` builds it."""
    call_command("load_seed_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
