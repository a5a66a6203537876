"""Macros for the estimator page: the embedded price book."""


def register(env, catalog):
    pass
