// Links to other sites get a class, so that print can show where they go
// (instant navigation makes every href absolute, so CSS alone cannot tell).
document$.subscribe(function () {
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    if (link.host && link.host !== window.location.host) {
      link.classList.add("gc-external");
    }
  });
});

// Wide tables scroll sideways on narrow screens. A scrolling region must be
// reachable by keyboard (WCAG 2.1.1), so each one that overflows becomes a
// focusable, named region. Runs on every page load, instant navigation included.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    var overflows = wrap.scrollWidth > wrap.clientWidth + 1;
    if (!overflows) {
      return;
    }
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
  });
});
