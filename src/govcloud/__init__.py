"""govcloud: policy data, validation and quotes for Atlassian Government Cloud subscriptions.

Plain Python with no MkDocs import: the help site, the estimator's price book,
the command line and the tests all call into this package.
"""

__version__ = "0.1.0"
