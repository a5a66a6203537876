"""What the site needs besides its macros (which live in the top-level `macros/`):

- `markdown/`: page-level work as a Python-Markdown extension both builders run, and
  the marks macros leave for it;
- `postbuild/`: the steps run on a finished site folder (lazy parts, minify, CSP);
- `publish`, `serve`, `failure`: moving a site into place, the preview server, and
  how a build stops on bad data.

Nothing here imports `mkdocs` (Zensical runs it too) or a macro."""
