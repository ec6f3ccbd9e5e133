"""Structured data from the settings: the business as a schema.org Organization."""


def organization(settings: dict) -> dict:
    """The business as JSON-LD, with only the details that have a real value."""
    business = settings.get("BUSINESS") or {}
    public = settings["SITE_PUBLIC_URL"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"{public}/#organisatie",
        "name": business.get("name") or settings["SITENAME"],
        "url": f"{public}/",
        "description": settings.get("SITE_DESCRIPTION"),
        "email": business.get("email"),
        "telephone": business.get("phone"),
        "areaServed": business.get("region"),
    }
    if business.get("kvk"):
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "KvK",
            "value": business["kvk"],
        }
    return {key: value for key, value in data.items() if value}
