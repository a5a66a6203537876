"""Steps run on a finished site, whichever builder (MkDocs or Zensical) wrote it.

Each is a command taking the site directory: `python -m govcloud_build.minify SITE_DIR`
first, then the Content-Security-Policy step (it hashes inline scripts, so it
runs on the final bytes)."""
