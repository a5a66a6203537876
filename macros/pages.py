"""Macros for the help pages: Markdown generated from the policy data."""


def register(env, catalog):
    pass
