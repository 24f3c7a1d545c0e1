"""What partners' software receives: the OpenAPI document the site serves, held to the
real answers; JSON errors everywhere under /api/; caching headers and 304s."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from priorities.models import PriorityPage
from sharing.api import PartnerImagesAPIViewSet, PartnerPagesAPIViewSet

DOCUMENT = Path(__file__).resolve().parent.parent / "openapi.json"


def validate(data, schema_name):
    """Check `data` against one of the document's schemas; list every problem."""
    document = json.loads(DOCUMENT.read_text())
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in Draft202012Validator(schema).iter_errors(data)
    ]
    assert errors == []


@pytest.mark.django_db
def test_the_site_serves_its_openapi_document(client):
    response = client.get("/api/v2/schema/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == json.loads(DOCUMENT.read_text())
    assert response.json()["openapi"].startswith("3.1")
    Draft202012Validator.check_schema(response.json()["components"]["schemas"]["PageDetail"])


def documented_parameters(path):
    operation = json.loads(DOCUMENT.read_text())["paths"][path]["get"]
    return {parameter["name"] for parameter in operation["parameters"]}


def test_every_parameter_the_api_accepts_is_documented():
    page_fields = {"id", "title", "slug", "show_in_menus", "seo_title"}
    page_fields |= {"first_published_at", "last_published_at"}
    assert documented_parameters("/api/v2/pages/") == (
        PartnerPagesAPIViewSet.known_query_parameters - {"_"} | page_fields
    )
    assert documented_parameters("/api/v2/images/") == (
        PartnerImagesAPIViewSet.known_query_parameters - {"_"} | {"id", "title", "tags"}
    )


@pytest.mark.django_db
def test_listings_and_details_match_the_document(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    answers = [
        ("/api/v2/pages/", "PageListing"),
        ("/api/v2/pages/?type=priorities.PriorityPage&fields=*", "PageListing"),
        (f"/api/v2/pages/{priority.pk}/", "PageDetail"),
        (f"/api/v2/pages/{priority.pk}/?fields=-commitments", "PageDetail"),
        ("/api/v2/images/", "ImageListing"),
        ("/api/v2/images/?fields=*", "ImageListing"),
        ("/api/v2/pages/?limit=abc", "Error"),
        ("/api/v2/pages/999999/", "Error"),
    ]
    for url, schema_name in answers:
        response = client.get(url)
        assert response.status_code in {200, 400, 404}
        validate(response.json(), schema_name)
    image = client.get("/api/v2/images/").json()["items"][0]
    validate(client.get(image["meta"]["detail_url"]).json(), "ImageDetail")


@pytest.mark.django_db
def test_image_download_urls_are_absolute(seeded_site, client):
    for image in client.get("/api/v2/images/").json()["items"]:
        assert image["meta"]["download_url"].startswith("http://localhost/media/")


BAD_REQUESTS = [
    (
        "/api/v2/pages/?locale=zz",
        400,
        "locale must be one of the site's languages: ar, bn, en-gb, so, tr",
    ),
    ("/api/v2/pages/?format=xml", 400, "format must be 'json'"),
    ("/api/v2/images/?format=api", 400, "format must be 'json'"),
    ("/api/v2/pages/abc/", 404, "not found"),
    ("/api/v2/pages/1/extra/", 404, "not found"),
    ("/api/v2/nosuchendpoint/", 404, "not found"),
    ("/api/v3/", 404, "not found"),
    ("/api/", 404, "not found"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status", "message"), BAD_REQUESTS)
def test_every_bad_parameter_or_address_gets_a_json_message(
    seeded_site, client, url, status, message
):
    response = client.get(url)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["message"]


@pytest.mark.django_db
def test_a_refused_method_is_explained_in_json(seeded_site, client):
    response = client.delete("/api/v2/pages/")

    assert response.status_code == 405
    assert response.json() == {"message": 'Method "DELETE" not allowed.'}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/schema/"])
def test_answers_may_be_cached_and_revalidated(seeded_site, client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    etag = response["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.django_db
def test_a_change_gives_a_new_etag(seeded_site, client):
    etag = client.get("/api/v2/pages/")["ETag"]
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.title = "Decent homes for everyone"
    priority.save_revision().publish()

    response = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
