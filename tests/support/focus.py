"""The focused element as a keyboard user sees it, for the browser tests' Tab walks."""

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
