# Moved to images/renditions.py. Only the seed command still imports it from here;
# delete this file once the seed imports `images.renditions` (the seed app's merge).
from images.renditions import warm_all_live_pages  # noqa: F401
