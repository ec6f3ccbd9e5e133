"""Production settings: absolute URLs on the public address, feeds on, clean output."""

import sys
from pathlib import Path

# pelicanconf.py of this folder (not one another build in this process imported).
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.modules.pop("pelicanconf", None)
from pelicanconf import *  # noqa: E402,F403
from pelicanconf import SITE_PUBLIC_URL  # noqa: E402

# What is only a reminder while you preview (an example address in
# content/instellingen.yaml) stops a publish.
PUBLISHING = True
SITEURL = SITE_PUBLIC_URL
# Drafts (Status: draft) are previewed locally on /concepten/ but never published.
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/alle.atom.xml"
DELETE_OUTPUT_DIRECTORY = True

# Publishing: `invoke publish` builds, runs the quality gates, then deploys here.
PRECOMPRESS = True  # .gz and .br copies of text files, for hosts that serve them
# OWNER: where the site goes: "github-pages", "netlify", "cloudflare" or "rsync"
# (`invoke publish --target ...` overrides it for one run).
DEPLOY_TARGET = None
# github-pages: the git remote and branch; CNAME is the host of SITE_PUBLIC_URL.
GITHUB_PAGES = {"remote": "origin", "branch": "gh-pages"}
# rsync: user@server:/folder/ of the web server (nginx: see deploy/nginx/).
RSYNC_DESTINATION = None
