"""Who does what in the admin, in words, for the dashboard's "Who does what" panel.

The permissions themselves come from the migrations (0002 for pages and the
approval workflow; 0003 for the banner, redirects and feedback; 0004 for images,
documents and partners); this says the same thing for people.
"""

from .roles import APPROVERS, EDITORS

ROLES = [
    {
        "group": EDITORS,
        "does": [
            "Write and change any page, and lock a page while working on it",
            "Upload images (with alt text) and documents, and choose them for a page",
            "Add and change partners, then submit them for approval",
            "Preview a change, read its Checks, then submit it for approval",
            "Read page feedback from residents",
        ],
        "cannot": (
            "publish, schedule or unpublish pages or partners; change or delete an image "
            "or document that residents already see; change the banner or redirects"
        ),
    },
    {
        "group": APPROVERS,
        "does": [
            "Everything an editor does",
            "Approve and publish changes (or send them back with a comment)",
            "Schedule pages to go live or expire, unpublish and delete pages",
            "Publish, reorder and delete partners",
            "Change, replace and delete images and documents that pages use",
            "Turn the notification banner on and off (Settings › Notification banner)",
            "Add, change and remove redirects (Settings › Redirects)",
        ],
        "cannot": "manage users and groups: ask an administrator",
    },
    {
        "group": None,
        "name": "Administrators",
        "does": [
            "Everything, including users, groups and two-factor resets (Settings › Users)",
        ],
        "cannot": "",
    },
]


def roles_for(user):
    """ROLES, each marked `is_yours` when the user holds it."""
    group_names = set(user.groups.values_list("name", flat=True))
    marked = []
    for role in ROLES:
        is_yours = user.is_superuser if role["group"] is None else role["group"] in group_names
        marked.append({**role, "name": role.get("name") or role["group"], "is_yours": is_yours})
    return marked
