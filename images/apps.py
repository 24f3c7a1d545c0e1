from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Images"
    # Pages show images: changing one (its file, focal point, alt text) changes them.
    affects_public_pages = True

    def ready(self):
        from . import renditions

        renditions.connect()
