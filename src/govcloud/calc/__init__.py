"""The calculation: quotes, the price book, options side by side.

Its compiled modules (govcloud.calc.compiled) come first on the package's search path while they
are of these sources; otherwise every module runs from its source."""

from govcloud.calc import compiled

__path__ = compiled.search_path(__name__, __path__)
