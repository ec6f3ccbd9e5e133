"""The direct ways to reach the owner besides the form: her booking page (BOOKING_URL),
tap-to-call and WhatsApp (BUSINESS["phone"]). theme/templates/partials/channels.html
shows them; the call to action that plans a conversation leads to the booking page."""

import re
from urllib.parse import urlsplit

from .forms import _http_url

# Written as people write them: spaces, dashes, dots, brackets, "+31 (0)6", "0031".
_SEPARATORS = re.compile(r"[\s\-.()/]")
DUTCH = re.compile(r"^\+31[1-9]\d{8}$")
INTERNATIONAL = re.compile(r"^\+[1-9]\d{7,14}$")
DUTCH_MOBILE = "+316"


def e164(phone) -> str | None:
    """A phone number in E.164 (+31612345678), Dutch ones written the Dutch way
    ("06 12345678", "(026) 123 45 67", "+31 (0)6-1234 5678") included; None for
    text that is no phone number."""
    if not isinstance(phone, str | int):
        return None
    text = str(phone).strip().replace("(0)", "")
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    if digits.startswith("+31"):
        return digits if DUTCH.match(digits) else None
    return digits if INTERNATIONAL.match(digits) else None


def load_channels(settings: dict) -> dict:
    """The channels the templates offer: `tel` and `whatsapp` links when BUSINESS
    has a phone number (WhatsApp for a Dutch mobile number only: a landline has
    none), `booking` and the `booking_tool` the privacy page names."""
    phone = e164((settings.get("BUSINESS") or {}).get("phone"))
    booking = settings.get("BOOKING_URL") or None
    if booking is not None:
        _http_url(booking, "BOOKING_URL")
    host = urlsplit(booking).hostname if booking else None
    tool = settings.get("BOOKING_TOOL") or host
    return {
        "tel": f"tel:{phone}" if phone else None,
        "whatsapp": (
            f"https://wa.me/{phone[1:]}"
            if phone and phone.startswith(DUTCH_MOBILE)
            else None
        ),
        "booking": booking,
        "booking_tool": tool,
    }
