"""mkdocs-macros adapter: loads the policy data through govcloud once per build
and registers the macros of each page family. No rule or number lives here."""
from govcloud.loading import load_catalog
from govcloud.worked import load_worked

from . import estimator, pages


def define_env(env):
    catalog = load_catalog()
    env.variables["catalog"] = catalog
    # A worked example whose expectation disagrees with govcloud fails the build here.
    env.variables["worked"] = load_worked(catalog)
    pages.register(env, catalog)
    estimator.register(env, catalog)
