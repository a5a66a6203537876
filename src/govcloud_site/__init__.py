"""mkdocs-macros adapter: loads the policy data through govcloud once per build
and registers the macros of each page family. No rule or number lives here."""
from mkdocs.exceptions import PluginError

from govcloud.loading import load_catalog
from govcloud.problems import InputError
from govcloud.worked import load_worked

from . import estimator, pages


def define_env(env):
    try:
        catalog = load_catalog()
        # A worked example whose expectation disagrees with govcloud fails the build here.
        worked = load_worked(catalog)
        env.variables["catalog"] = catalog
        env.variables["worked"] = worked
        pages.register(env, catalog)  # loads the glossary too
        estimator.register(env, catalog)
    except InputError as exc:
        # mkdocs prints a PluginError's text and stops, without a traceback:
        # the reader sees one `file:line: field: message` line per problem.
        raise PluginError("the site's data has problems:\n" + "\n".join(map(str, exc.problems))) from None
