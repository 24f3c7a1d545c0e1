"""The accessibility statement the Public Sector Bodies Accessibility
Regulations 2018 ask for, as first published. Editors keep it up to date."""

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "introduction": (
        "This accessibility statement applies to the Islington Council About us website: "
        "our vision, priorities, values, commitment to challenging inequality and the "
        "Fairer Together partnership."
    ),
    "sections": [
        (
            "Using this website",
            [
                "We want as many people as possible to be able to use this website. "
                "For example, that means you should be able to:",
                "<ul><li>change colours, contrast levels and fonts using your browser or "
                "device settings</li><li>zoom in up to 400% without the text spilling off the "
                "screen</li><li>navigate the whole website using just a keyboard</li>"
                "<li>navigate most of the website using speech recognition software</li>"
                "<li>listen to the whole website using a screen reader</li></ul>",
                "We have also made the text as simple as possible to understand. "
                '<a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on '
                "making your device easier to use if you have a disability.",
            ],
        ),
        (
            "Compliance status",
            [
                "This website is fully compliant with the Web Content Accessibility "
                "Guidelines version 2.2 AA standard.",
            ],
        ),
        (
            "Known problems",
            [
                "We know of no content on this website that fails the standard. Websites of "
                "our partners that we link to are not covered by this statement.",
            ],
        ),
        (
            "Asking for information in another format",
            [
                "If you need information on this website in a different format, such as "
                "accessible PDF, large print, easy read, audio recording or braille, email "
                '<a href="mailto:access@islington.gov.uk">access@islington.gov.uk</a> or call '
                "020 7527 2000. We will consider your request and get back to you within "
                "10 working days.",
            ],
        ),
        (
            "Reporting accessibility problems with this website",
            [
                "We are always looking to improve the accessibility of this website. If you "
                "find any problems not listed on this page or think we are not meeting "
                'accessibility requirements, email <a href="mailto:access@islington.gov.uk">'
                "access@islington.gov.uk</a> and tell us the page and the problem.",
            ],
        ),
        (
            "Enforcement procedure",
            [
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
                "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018 (the accessibility regulations). If you are not "
                "happy with how we respond to your complaint, contact the "
                '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
                "Support Service (EASS)</a>.",
            ],
        ),
        (
            "Technical information about this website’s accessibility",
            [
                "Islington Council is committed to making its website accessible, in "
                "accordance with the Public Sector Bodies (Websites and Mobile Applications) "
                "(No. 2) Accessibility Regulations 2018.",
            ],
        ),
        (
            "How we tested this website",
            [
                "Every type of page on this website is tested automatically with the axe "
                "accessibility engine in a real browser, against WCAG 2.2 A and AA, each time "
                "the website changes. We also check that it can be used with a keyboard alone "
                "and on a screen 320 pixels wide.",
            ],
        ),
        (
            "Preparation of this accessibility statement",
            [
                "This statement was prepared on 25 November 2026. It was last reviewed on "
                "25 November 2026.",
            ],
        ),
    ],
}
