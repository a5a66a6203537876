"""The whole site, in both languages, by one builder: English at the root, Japanese under ja/.

    python -m govcloud_site.sites mkdocs SITE_DIR        (`make build`)
    python -m govcloud_site.sites zensical SITE_DIR      (`make zensical`)
    python -m govcloud_site.sites mkdocs NEW_DIR --unpublished   (the preview server)

Each language is its own strict build from its own config (mkdocs.ja.yml inherits mkdocs.yml),
into a scratch folder beside SITE_DIR, and gets the post-build steps on its own (the words step
writes each page's words in the page's language); then the Japanese folder moves into the
English one as ja/, the Content-Security-Policy is written once over both (one policy for the
whole site: the language selector leads from one to the other), and the folder is published
(govcloud_site.publish). Any failure leaves SITE_DIR as it was: never a half-built site, never one
language without the other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import yaml

from govcloud_site import postbuild, publish
from govcloud_site.postbuild import csp


@dataclass(frozen=True)
class Language:
    code: str
    folder: str  # under the site's root: "" for the English, "ja" for the Japanese
    configs: dict[str, str]  # builder -> config file


LANGUAGES = (
    Language("en", "", {"mkdocs": "mkdocs.yml", "zensical": "mkdocs.zensical.yml"}),
    Language("ja", "ja", {"mkdocs": "mkdocs.ja.yml", "zensical": "mkdocs.zensical.ja.yml"}),
)
BUILDERS = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """A step failed; its output says why."""

    def __init__(self, what: str, output: str):
        super().__init__(f"{what} failed")
        self.what, self.output = what, output


def environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The builds' environment: the Japanese site's address is the English one's plus ja/."""
    out = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if out.get("SITE_URL") and not (env or {}).get("SITE_URL_JA"):
        out["SITE_URL_JA"] = out["SITE_URL"].rstrip("/") + "/ja/"
    return out


def _run(what: str, argv: list[str], env: dict[str, str], root: Path) -> None:
    done = subprocess.run(argv, cwd=root, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if done.returncode:
        raise BuildFailed(what, done.stdout)


def build_language(builder: str, language: Language, dest: Path, env: dict[str, str], root: Path) -> None:
    """One language's strict build into `dest` (which must not exist yet)."""
    config = root / language.configs[builder]
    what = f"{builder} build of {config.name}"
    if builder == "mkdocs":
        bin_ = Path(sys.executable).parent
        _run(what, [str(bin_ / "mkdocs"), "build", "--strict", "--site-dir", str(dest), "-f", str(config)], env, root)
        return
    # Zensical has no --site-dir and refuses a site folder outside the project: a scratch
    # folder in it, moved after; from a cleared cache (the cache does not know the data files).
    zensical = root / ".venv-zensical" / "bin" / "zensical"
    scratch = root / f".zensical-build-{uuid.uuid4().hex[:12]}"
    flat = root / f".zensical-config-{uuid.uuid4().hex[:12]}.yml"
    env = {**env, "ZENSICAL_SITE_DIR": str(scratch)}
    try:
        flat.write_text(flattened(config, env), encoding="utf-8")
        _run(what, [str(zensical), "build", "--strict", "--clean", "-f", str(flat)], env, root)
        # docs-ja/assets links to docs/assets (one copy of the scripts and styles); Zensical
        # does not follow a link to a folder, so the files are copied in as MkDocs would have.
        linked = root / ("docs-" + language.code if language.folder else "docs") / "assets"
        if linked.is_symlink():
            shutil.copytree(linked.resolve(), scratch / "assets", dirs_exist_ok=True)
        shutil.move(str(scratch), str(dest))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        flat.unlink(missing_ok=True)


def flattened(config: Path, env: dict[str, str]) -> str:
    """`config` with its INHERIT chain merged as MkDocs merges it, as one YAML document.

    Zensical's INHERIT appends a list to the inherited one where MkDocs replaces it: the
    Japanese config's nav, palette, plugins and language links would follow the English
    ones instead of replacing them. So Zensical is given the config MkDocs would read: mappings
    merged key by key, anything else replaced, !ENV values read from `env`."""
    return yaml.safe_dump(_merged(Path(config), env), allow_unicode=True, sort_keys=False)


def _merged(config: Path, env: dict[str, str]) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    def from_env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        # `!ENV NAME` or `!ENV [NAME, ..., default]`: the first variable set, else the default.
        if isinstance(node, yaml.ScalarNode):
            return env.get(loader.construct_scalar(node))
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
        return next((env[n] for n in names if n in env), default)

    Loader.add_constructor("!ENV", from_env)
    own = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}  # a SafeLoader
    parent = own.pop("INHERIT", None)
    return _merge(_merged(config.parent / parent, env), own) if parent else own


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def assemble(builder: str, dest: Path, env: dict[str, str] | None = None, root: Path | None = None) -> None:
    """Both languages into `dest` (created; must not exist), post-built; BuildFailed if a step
    fails. `root` is the project (its configs, pages and .venv-zensical/): the current folder."""
    env, root = environment(env), root or Path.cwd()
    dest = Path(dest)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.langs-", dir=dest.parent))
    try:
        for language in LANGUAGES:
            folder = work / language.code
            build_language(builder, language, folder, env, root)
            try:  # every step but the policy, which is written once over both languages
                postbuild.run(folder, skip=("csp",))
            except (OSError, ValueError) as exc:
                raise BuildFailed(f"post-build of {language.code}", str(exc)) from None
        english = work / "en"
        for language in LANGUAGES:
            if language.folder:
                os.rename(work / language.code, english / language.folder)
        theme_sitemaps(english)
        if builder == "zensical":
            # Our own checks of what Zensical's strict mode misses, once both languages are in
            # place (the language selector links each page to the other language's).
            sitecheck = [sys.executable, str(root / "tests" / "support" / "sitecheck.py"), str(english)]
            _run("sitecheck of the zensical build", sitecheck, env, root)
        try:
            csp.apply(english)
        except (OSError, ValueError) as exc:
            raise BuildFailed("post-build (csp)", str(exc)) from None
        os.rename(english, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# An empty sitemap, valid XML: lists no page.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


def theme_sitemaps(site: Path) -> int:
    """An empty sitemap.xml in every page's folder that has none; returns how many.

    Both themes' scripts fetch `sitemap.xml` beside each `<link rel="alternate">` of a page,
    expecting the link to name a language's home. Ours name the page itself in each language
    (what search engines ask), so each page would log two failed requests (a console error
    Lighthouse counts). An empty one tells the theme nothing, which is what we want: the
    language selector is our own (docs/assets/govcloud.js)."""
    written = 0
    for page in site.rglob("index.html"):
        beside = page.parent / "sitemap.xml"
        if not beside.exists():
            beside.write_text(EMPTY_SITEMAP, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govcloud_site.sites", description=__doc__.split("\n\n")[0])
    parser.add_argument("builder", choices=BUILDERS)
    parser.add_argument("site", type=Path, help="the published site's folder")
    parser.add_argument("--unpublished", action="store_true", help="build into SITE (new), without publishing")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    target = site if args.unpublished else site.parent / f"{site.name}.tmp.{uuid.uuid4().hex[:12]}"
    try:
        assemble(args.builder, target)
        if not args.unpublished:
            publish.publish(target, site)
    except BuildFailed as exc:
        print(exc.output.rstrip(), file=sys.stderr)
        print(f"sites: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"sites: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sites: interrupted", file=sys.stderr)
        return 130
    finally:
        if not args.unpublished:
            shutil.rmtree(target, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
