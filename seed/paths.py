"""The public address of every page the seed builds, in reading order.

Plain Python with no Django import, so the load tools in bench/ read it too.
"""

PUBLIC_PATHS = [
    "/",
    "/priorities/",
    "/priorities/a-decent-home-for-everyone/",
    "/priorities/a-local-economy-that-works-for-everyone/",
    "/priorities/a-safe-place-for-everyone/",
    "/priorities/a-greener-cleaner-healthier-place-to-live/",
    "/values/",
    "/challenging-inequality/",
    "/fairer-together/",
    "/accessibility/",
]
