"""The council's "About us" text, as published when the site is first set up.

Every sentence here comes word for word from the council's About us page.
The load_seed_content command builds the page tree from it; after that the
text belongs to editors, who change it in the Wagtail admin.
"""

from pathlib import Path

IMAGES_DIR = Path(__file__).resolve().parent / "images"

SITE_SERVICE_NAME = "About us"

HERO_IMAGE = {
    "title": "Boy and his dad reading a book",
    "file": "hero.jpg",
    "description": "Young boy wearing a yellow top laying on the floor with his dad reading a book",
}

LOGO_IMAGE = {
    "title": "Fairer Together logo",
    "file": "fairer-together-logo.png",
    "description": "fairer together logo",
}

HOME = {
    "title": "Our vision for a fairer Islington",
    "slug": "home",
    "introduction": (
        "Since our pioneering Fairness Commission in 2010 Islington has been a borough "
        "with one clear vision:"
    ),
    "vision": (
        "We’re determined to make Islington fairer and to create a place where everyone, "
        "whatever their background, has the same opportunity to reach their potential and "
        "enjoy a good quality of life."
    ),
    "hero_image_alt_text": HERO_IMAGE["description"],
}

PRIORITIES_INDEX = {
    "title": "Our priorities",
    "slug": "priorities",
    "introduction": "To help bring our vision to life we have four clear objectives:",
    "fairness_statement": (
        "<p>Delivering fairness has been an increasing challenge not least because of "
        "government cuts to our budget over the last ten years. We’ve continued to make "
        "strides towards our goal, but the devastating impact of Covid-19 has laid bare the "
        "deep inequalities that still exist in our borough and we are focused on working hard "
        "to rebuild a fairer Islington in the coming years.</p>"
    ),
}

PRIORITIES = [
    {
        "title": "A decent home for everyone",
        "slug": "a-decent-home-for-everyone",
        "icon": "house",
        "icon_label": "A house icon to signify decent and genuinely affordable homes for all",
        "summary": (
            "building new council homes, being a good landlord, standing up for private "
            "renters, and preventing homelessness"
        ),
        "commitments": [
            "Building new council homes",
            "Being a good landlord",
            "Standing up for private renters",
            "Preventing homelessness",
        ],
    },
    {
        "title": "A local economy that works for everyone",
        "slug": "a-local-economy-that-works-for-everyone",
        "icon": "handshake",
        "icon_label": (
            "Icon of two hands shaking to signify jobs and opportunity, and empowerment"
        ),
        "summary": (
            "supporting people into decent and secure jobs and training, creating an economy "
            "that works for all, and ensuring young people have the best possible start"
        ),
        "commitments": [
            "Supporting people into decent and secure jobs and training",
            "Creating an economy that works for all",
            "Ensuring young people have the best possible start",
        ],
    },
    {
        "title": "A safe place for everyone and everyone playing their part",
        "slug": "a-safe-place-for-everyone",
        "icon": "alert",
        "icon_label": "Alert Icon to signify a safer borough for all",
        "summary": (
            "reducing the spread of Covid-19 and supporting those who need our help, working "
            "with partners to cut crime and ASB, tackling complex problems, and championing "
            "and celebrating our diversity"
        ),
        "commitments": [
            "Reducing the spread of Covid-19 and supporting those who need our help",
            "Working with partners to cut crime and ASB",
            "Tackling complex problems",
            "Championing and celebrating our diversity",
        ],
    },
    {
        "title": "A greener, cleaner, healthier place to live",
        "slug": "a-greener-cleaner-healthier-place-to-live",
        "icon": "trees",
        "icon_label": "Icon of two trees to signify a greener and cleaner Islington",
        "summary": (
            "keeping Islington clean and tidy, encouraging greener travel, cleaning up the air "
            "we breathe, and tackling the climate crisis by committing to a net zero carbon "
            "Islington by 2030."
        ),
        "commitments": [
            "Keeping Islington clean and tidy",
            "Encouraging greener travel",
            "Cleaning up the air we breathe",
            "Tackling the climate crisis by committing to a net zero carbon Islington by 2030",
        ],
    },
]

VALUES = {
    "title": "Our values and behaviours",
    "slug": "values",
    "introduction": (
        "<p>We want to build an organisation where employees feel valued, inspired and "
        "empowered to help us achieve our goals and provide the best services possible to "
        "our residents.</p>"
    ),
    "work_ethic": (
        "<p>We are also committed to establishing a ‘Be Islington’ work ethic where we ask "
        "our employees to play their part in working together for a fairer borough and to "
        "always be collaborative, be ambitious, be resourceful, and be empowering "
        "(‘CARE’).</p>"
    ),
    "values": ["Collaborative", "Ambitious", "Resourceful", "Empowering"],
}

INEQUALITY = {
    "title": "Our commitment to challenging inequality",
    "slug": "challenging-inequality",
    "introduction": (
        "<p>We are committed to tackling inequality, racism and injustice and creating a "
        "fairer borough for all. In order to do this, we need to set the example by being a "
        "fair employer and creating a workplace environment, which is free from "
        "discrimination, racism and inequality.</p>"
    ),
    "ways_introduction": "We want to celebrate and embrace our differences by:",
    "ways": [
        "Ensuring our workforce is representative of the people we work on behalf of, "
        "our residents",
        "Creating equitable working environments and diverse teams",
        "Understanding our residents in order to design and deliver services that help tackle "
        "inequality and improve life chances for our residents",
        "Getting to know people and their differences",
        "Interpreting issues and concerns from a cultural perspective and address situations "
        "or problems from the points-of-view of multiple cultures",
        "Supporting people with long-term health conditions and/or disabilities",
        "Recognising the value of flexible working to support staff where possible",
    ],
}

PARTNERSHIP = {
    "title": "Fairer Together – a new partnership for Islington",
    "slug": "fairer-together",
    "challenges": (
        "<p>Many residents in Islington face deep social challenges, driven by deprivation and "
        "inequality. These can include complex and multiple problems with housing, employment, "
        "offending, domestic violence, mental health and substance abuse and so have repeated "
        "contact with our services and those of our partners – health services, job centres, "
        "the criminal justice system and housing providers.</p>"
    ),
    "approach": (
        "<p>We believe that through prevention, early intervention and supporting our "
        "communities to be more resilient we can create successful solutions to these "
        "problems. But we cannot do it alone.</p>"
    ),
    "aims_introduction": "The partnership aims to create:",
    "aims": [
        "A shared approach to strategy and investment",
        "Shared principles of ways of working – the Fairer Together Way",
        "Integrated Locality Teams to ensure more joined up support for local people",
        "New Community Networks to bring together key players in each locality around common "
        "goals and priorities.",
    ],
    "closing": (
        "<p>Working together in this way will allow us to see the big picture across all "
        "organisations’ service provision – allowing us to identify opportunities to add "
        "value, improve outcomes, and reduce duplication and costs.</p>"
    ),
    "logo_alt_text": LOGO_IMAGE["description"],
}
