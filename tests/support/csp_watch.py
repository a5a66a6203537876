"""What the browser tests watch for the Content-Security-Policy: every `securitypolicyviolation`
event on a page, recorded from before its first script runs."""

# An init script (page.add_init_script): it runs in each new document before the page's own
# scripts, and the record lasts across instant navigations (the document stays).
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


def violations(page) -> list[str]:
    """The violations WATCH has recorded on the page's document so far."""
    return page.evaluate("() => window.__csp")
