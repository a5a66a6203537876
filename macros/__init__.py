"""Macros adapter, for mkdocs-macros and Zensical alike: registers the macros of
each page family on the data loaded through govcloud. No rule or number lives
here. Nothing in this package imports `mkdocs`: Zensical runs it too. Imports
are absolute: Zensical loads this file by path, where relative imports fail."""


def site_language(conf) -> str:
    """The language the config's `theme.language` names ("en" when it names none): MkDocs
    gives its Theme object, Zensical a dict; both answer `["language"]`."""
    theme = conf.get("theme") if conf else None
    try:
        return (theme["language"] if theme else None) or "en"
    except (KeyError, TypeError):
        return "en"


def define_env(env):
    # Imported when the builder calls: importing the package alone loads no data model.
    from govcloud.load.prose import prices_are
    from govcloud.words import language
    from macros import compare, estimator, formats, ladder, pages
    from macros.state import current_site

    # The whole build speaks the site's language: every word, figure, date and list the macros write.
    language.use(site_language(env.conf))
    site = current_site()  # loaded once per data version; a data problem stops the build
    # Pages name what the prices are in their own words ("illustrative", 参考); the price book keeps the data's value.
    env.variables["catalog"] = site.catalog.model_copy(update={"prices_are": prices_are(site.catalog)})
    pages.register(env, site.pages)
    estimator.register(env, site.catalog)
    formats.register(env, site.catalog, site.worked)
    ladder.register(env, site.catalog)
    compare.register(env, site.catalog, site.worked)
