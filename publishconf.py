"""Production settings: absolute URLs on the public address, feeds on, clean output."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403
from pelicanconf import SITE_PUBLIC_URL  # noqa: E402

SITEURL = SITE_PUBLIC_URL
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/alle.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
