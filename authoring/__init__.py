"""The author's tools: a new post, the content check, importing old Wix posts.

Stages, one module each: `source` (reading a post's metadata header with line numbers,
the site settings, slugs), `new_post`, `lint` (the content check), `wix_import`.
tasks.py only calls these.
"""
