"""The focused element as a keyboard user sees it, and a Tab walk over a page, for the browser tests."""

# Through shadow roots (Zensical's search is in one), with the box a reader sees: the palette
# toggle is a radio drawn as the label after it (which the theme rings when the radio has focus),
# so it is measured by that.
FOCUSED = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  let box = el.getBoundingClientRect();
  const next = el.nextElementSibling;
  if (!(box.width && box.height) && el.type === 'radio' && next && next.tagName === 'LABEL') {
    box = next.getBoundingClientRect();
  }
  const drawer = document.getElementById('__drawer');
  return {tag: el.tagName, id: el.id, cls: String(el.className), text: (el.textContent || '').trim().slice(0, 40),
          href: el.pathname || null, for: el.getAttribute('data-gc-for'),
          left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height,
          visible: getComputedStyle(el).visibility === 'visible', inner: innerHeight,
          in_closed_drawer: !!el.closest('.md-sidebar--primary') && !(drawer && drawer.checked),
          in_drawer: !!el.closest('.md-sidebar--primary'),
          in_content: !!el.closest('article'),
          expanded: el.getAttribute('aria-expanded')};
}"""

# No animation runs on the page: the one test of "at rest" the browser tests share.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def settle(page) -> None:
    """Wait until no animation runs on the page (a fade, a slide, colours changing scheme); Playwright's
    wait gives up after 30 s, so an endless animation fails the test rather than hanging it."""
    page.wait_for_function(SETTLED)


# The focused element as FOCUSED gives it, once the animations that could move it are over: one
# round trip for what a wait for the animations and a read of the focus took three. `around`: only
# those on the element and its ancestors (a Tab walk: the link left behind fading out is not waited
# for); else every animation on the page (after Enter or Escape opened or closed something). An
# animation still running after 10 s is a failure, not a hang.
SETTLED_FOCUS = f"""async (around) => {{
  const moving = () => {{
    if (!around) return !({SETTLED})();
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    for (let at = el; at; at = at.parentElement || (at.getRootNode() && at.getRootNode().host)) {{
      if (at.getAnimations().some(a => a.playState === 'running')) return true;
    }}
    return false;
  }};
  const until = performance.now() + 10000;
  while (moving()) {{
    if (performance.now() > until) throw new Error('an animation was still running after 10 s');
    await new Promise(requestAnimationFrame);
  }}
  return ({FOCUSED})();
}}"""


def settled_focus(page, around: bool = False) -> dict | None:
    """The focused element once the page's animations (or, `around`, those on it and its ancestors) are over."""
    return page.evaluate(SETTLED_FOCUS, around)


# After each Tab, where focus landed: nowhere, a place already walked (the walk is over),
# or a link (its number) or another control. Read as each Tab's key comes up, so a few
# presses are sent between two reads, each step the same as if read after every press.
WALK_STEPS = """() => {
    window.gcWalk = [];
    addEventListener('keyup', event => {
        if (event.key !== 'Tab') return;
        const el = document.activeElement;
        if (!el || el === document.body) return void gcWalk.push({});
        if (el.dataset.walked) return void gcWalk.push({again: true});
        el.dataset.walked = '1';
        gcWalk.push({link: el.dataset.linkId ?? null});
    }, true);
}"""


def focus_walk(page, presses_per_read: int = 8) -> list[str]:
    """Tab through the page from the top; return the visible links that never got focus."""
    # Number every visible link, so that two links to the same address count separately.
    visible = page.evaluate("""() => [...document.querySelectorAll('a[href]')].filter(a => {
        const box = a.getBoundingClientRect(), style = getComputedStyle(a);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !a.closest('[hidden]');
    }).map((a, i) => { a.dataset.linkId = String(i); return a.href; })""")
    page.evaluate(WALK_STEPS)
    budget, pressed, steps = 4 * len(visible) + 40, 0, []
    while pressed < budget and not any(step.get("again") for step in steps):
        for _ in range(min(presses_per_read, budget - pressed)):
            page.keyboard.press("Tab")
            pressed += 1
        steps = page.evaluate("() => gcWalk")
        assert len(steps) == pressed, "each Tab press is read once"
    walked = steps[: next((i for i, step in enumerate(steps) if step.get("again")), len(steps))]
    focused = {int(step["link"]) for step in walked if step.get("link") is not None}
    assert len(focused) > 5, "the walk reached almost no links"
    return [href for i, href in enumerate(visible) if i not in focused]
