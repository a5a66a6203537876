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
// All widths are read before any attribute is set: reading a width after a
// change makes the browser restyle and lay out the page again, once per table.
document$.subscribe(function () {
  var overflowing = [];
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      overflowing.push(wrap);
    }
  });
  overflowing.forEach(function (wrap) {
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
  });
});

// The estimator's code loads only where the estimator is. Instant navigation
// runs no page script, so this site-wide loader imports its modules when the
// page has its root. window.govcloud.ready resolves once .quote and .pricebook
// are set (CONTRACTS.md); the root carries data-ready from then on.
(function () {
  var modules = new URL("estimator/main.js", document.currentScript.src).href;
  var ns = window.govcloud = window.govcloud || {};
  var started = new WeakSet();
  function begin(root) {
    return import(modules).then(function (main) { return main.start(root); });
  }
  function load() {
    var root = document.getElementById("gc-estimator");
    if (!root || started.has(root)) return;
    started.add(root);
    if (document.readyState === "complete") {
      ns.ready = begin(root);   // instant navigation
    } else {
      // A direct visit: a module script holds back the load event until the
      // estimator runs (main.js starts itself), so nothing can be typed into a
      // page that does not answer yet.
      var script = document.createElement("script");
      script.type = "module";
      script.src = modules;
      ns.ready = new Promise(function (resolve, reject) {
        script.onload = function () { resolve(begin(root)); };
        script.onerror = function () { reject(new Error("could not load " + modules)); };
      });
      document.head.append(script);
    }
    ns.ready.catch(function (error) { console.error("The estimator could not start:", error); });
  }
  load();
  document$.subscribe(load);
})();
