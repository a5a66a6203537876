"""Measurements in Chromium (Debian's, as the tests use it): transfer sizes,
input-to-result latency on the estimator, and the JS side of the conformance run."""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import sync_playwright

from harness import CHROMIUM_FLAGS, chromium_path

ESTIMATOR = "/estimator/"
READY = "#gc-estimator[data-ready], [data-testid='annual-total']"


@contextmanager
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


def transfer_bytes(b, url: str) -> int:
    """Bytes over the wire (headers and encoded bodies) to load a page in a fresh, cacheless context."""
    context = b.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in responses:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    hosts = {r.url.split("/")[2] for r in responses}
    context.close()
    if len(hosts) > 1:
        raise RuntimeError(f"{url} made requests to other hosts: {sorted(hosts)}")
    return total


def feature_bytes(b, url: str, steps: list[tuple[str, object]]) -> tuple[int, list[tuple[str, int, list[str]]]]:
    """Bytes over the wire to load a page (cold cache, until network idle), then what each
    step (name, function of the page) adds until the network is idle again, with the paths
    fetched: [(name, bytes, paths)]."""
    context = b.new_context()
    page = context.new_page()
    done: list = []
    page.on("requestfinished", lambda request: done.append(request))
    page.goto(url, wait_until="networkidle")

    fetched: set[str] = set()

    def take() -> tuple[int, list[str]]:
        # A file fetched again (the favicon, after the address changes) is not the step's own.
        got, done[:] = [r for r in done if r.url not in fetched], []
        fetched.update(r.url for r in got)
        sizes = [r.sizes() for r in got]
        return (
            sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
            [r.url.split("/", 3)[-1] for r in got],
        )

    start, _ = take()
    added = []
    for name, step in steps:
        step(page)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(600)  # networkidle holds 500 ms without requests; a late one is caught
        added.append((name, *take()))
    context.close()
    return start, added


# Edits the users field of one product `count` times, each time to a user count in
# another tier, and times from the input event to the moment the annual total changes.
_EDIT_TIMES = """
async ({key, values}) => {
  const input = document.querySelector(`[data-testid="users-${key}"]`);
  const root = document.querySelector('#gc-estimator');
  // The totals row is written with the first result: read it afresh each time.
  const total = () => { const e = document.querySelector('[data-testid="annual-total"]'); return e ? e.textContent : null; };
  const times = [];
  for (const v of values) {
    const before = total();
    const start = performance.now();
    input.value = String(v);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    if (total() === before) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('annual-total did not change')), 2000);
        const watch = new MutationObserver(() => {
          if (total() !== before) { watch.disconnect(); clearTimeout(timer); resolve(); }
        });
        watch.observe(root, {childList: true, characterData: true, subtree: true});
      });
    }
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 0));
  }
  return times;
}
"""


def open_estimator(b, base: str):
    page = b.new_context().new_page()
    page.goto(base + ESTIMATOR)
    page.wait_for_selector(READY, state="attached")
    page.wait_for_function("() => window.govcloud && window.govcloud.pricebook && window.govcloud.quote")
    return page


def edit_times(b, base: str, edits: int) -> list[float]:
    """Milliseconds from input to updated total, for `edits` edits of the first product."""
    page = open_estimator(b, base)
    book = page.evaluate("() => window.govcloud.pricebook")
    product = book["products"][0]
    tiers = [t["users"] for t in product["tiers"]]
    # Consecutive values sit in different tiers, so every edit changes the total.
    values = (
        [tiers[i % len(tiers)] for i in range(edits)] if len(tiers) > 1 else [tiers[0] + (i % 2) for i in range(edits)]
    )
    times = page.evaluate(_EDIT_TIMES, {"key": product["key"], "values": values})
    page.context.close()
    return times


def js_quotes(page, scenarios: list[dict]) -> list[dict]:
    return page.evaluate("(s) => s.map((x) => window.govcloud.quote(window.govcloud.pricebook, x))", scenarios)
