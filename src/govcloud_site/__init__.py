"""Macros adapter, for mkdocs-macros and Zensical alike: registers the macros of
each page family on the data loaded through govcloud. No rule or number lives
here. Nothing in this package imports `mkdocs`: Zensical runs it too."""


def define_env(env):
    # Imported here, not at the top: the post-build steps (minify, csp), publish and
    # serve live in this package too, and importing it must not load the data model.
    from . import compare, estimator, formats, ladder, pages
    from .state import current_site

    site = current_site()  # loaded once per data version; a data problem stops the build
    env.variables["catalog"] = site.catalog
    env.variables["worked"] = site.worked
    pages.register(env, site.pages)
    estimator.register(env, site.catalog)
    formats.register(env, site.catalog, site.worked)
    ladder.register(env, site.catalog)
    compare.register(env, site.catalog, site.worked)
