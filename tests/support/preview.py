"""What `invoke livereload` (authoring/preview.py) prints that tests and the preview
benchmark wait for."""

READY = "Voorbeeld: "  # the preview serves
FAST_PASS = "Bijgewerkt (pagina)"  # the saved post or page is up to date
FULL_PASS = "Bijgewerkt (hele site, zoeken ook)"  # lists, feeds and search too
