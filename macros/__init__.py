"""Macros adapter, for mkdocs-macros and Zensical alike: registers the macros of
each page family on the data loaded through govcloud. No rule or number lives
here. Nothing in this package imports `mkdocs`: Zensical runs it too. Imports
are absolute: Zensical loads this file by path, where relative imports fail."""


def define_env(env):
    # Imported when the builder calls: importing the package alone loads no data model.
    from macros import compare, estimator, formats, ladder, pages
    from macros.state import current_site

    site = current_site()  # loaded once per data version; a data problem stops the build
    env.variables["catalog"] = site.catalog
    env.variables["worked"] = site.worked
    pages.register(env, site.pages)
    estimator.register(env, site.catalog)
    formats.register(env, site.catalog, site.worked)
    ladder.register(env, site.catalog)
    compare.register(env, site.catalog, site.worked)
