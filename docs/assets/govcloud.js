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
// focusable, named region; govcloud.css gives it a focus ring and an edge shadow
// while more columns are out of view. Runs on every page load, instant
// navigation included, and again when the window's width changes (a phone
// turned, a window resized). All widths are read before any attribute is set:
// reading a width after a change makes the browser restyle and lay out the page
// again, once per table.
(function () {
  // The script's words (here, a region's name) are the vocabulary's `site_script` group
  // (src/govcloud/words/vocabulary.py). This script runs on every page, where no price
  // book is, so the build writes them into each page as JSON on <body data-gc-words>
  // (govcloud_site/postbuild/words.py): there before the script runs, with no request
  // and no inline script (the Content-Security-Policy allows none), on both builders'
  // pages. Instant navigation keeps the first page's <body>; its words are every page's.
  function word(key) {
    var words = JSON.parse(document.body.getAttribute("data-gc-words") || "{}");
    if (typeof words[key] !== "string") throw new Error("the page carries no site word " + key);
    return words[key];
  }
  function mark() {
    var wraps = [];
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wraps.push([wrap, wrap.scrollWidth > wrap.clientWidth + 1]);
    });
    wraps.forEach(function (pair) {
      var wrap = pair[0];
      if (!pair[1]) {
        if (wrap.hasAttribute("tabindex")) {
          ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
        }
        return;
      }
      if (wrap.hasAttribute("tabindex")) return;
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : word("table"));
    });
  }
  document$.subscribe(mark);
  var width = window.innerWidth, pending = false;
  window.addEventListener("resize", function () {
    if (pending || window.innerWidth === width) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      width = window.innerWidth;
      mark();
    });
  });
})();

// Keyboard use of the theme's header and tooltips (both builders draw the same
// markup: Material's, and Zensical's port of it).
//
// On narrow screens the menu and the search open from icons in the header,
// which are <label>s of hidden checkboxes: a label takes no focus and may not be
// given a button's role, so each icon is drawn by a real <button> in its place,
// named after what it opens, that clicks the label (the theme's scripts listen
// there). govcloud.css takes the closed drawer and the closed search out of the
// Tab order; the menu opened from the keyboard takes focus to its first link,
// and Escape closes it and returns focus to its button. When Escape closes the
// search, focus goes back to the search button instead of the top of the page.
//
// Tooltips (content.tooltips) show on hover and on keyboard focus; Escape hides
// the ones showing without moving focus (WCAG 1.4.13), and each stays hidden
// until the theme takes it down (focus and pointer have left it) or focus
// comes back to it.
(function () {
  var OPENERS = {
    __drawer: ".md-nav--primary",
    __search: ".md-search"
  };

  function opener(id) {
    return document.querySelector('button.gc-header-button[data-gc-for="' + id + '"]');
  }
  function shown(element) {
    return !!element && element.getClientRects().length > 0;
  }
  function sync() {
    var drawer = document.getElementById("__drawer");
    var menu = opener("__drawer");
    if (drawer && menu) menu.setAttribute("aria-expanded", String(drawer.checked));
  }
  function enhance() {
    Object.keys(OPENERS).forEach(function (id) {
      var label = document.querySelector('label.md-header__button[for="' + id + '"]');
      if (!label || label.classList.contains("gc-replaced")) return;
      var button = document.createElement("button");
      var target = document.querySelector(OPENERS[id]);
      var name = label.textContent.trim() || (target && target.getAttribute("aria-label"));
      button.type = "button";
      button.className = "md-header__button md-icon gc-header-button";
      button.setAttribute("data-gc-for", id);
      if (name) button.setAttribute("aria-label", name);
      var icon = label.querySelector("svg");
      if (icon) {
        icon = icon.cloneNode(true);
        icon.setAttribute("aria-hidden", "true");
        button.append(icon);
      }
      button.addEventListener("click", function () {
        label.click();
        sync();
        if (id === "__drawer" && document.getElementById(id).checked) {
          var link = firstLink();
          if (link) link.focus();
        }
      });
      label.before(button);
      label.classList.add("gc-replaced");
    });
    sync();
  }
  // The drawer opens on the panel of the current page's section, which covers
  // the top level: focus goes to that panel's first link.
  function firstLink() {
    var panels = document.querySelectorAll(".md-sidebar--primary .md-nav__toggle:checked ~ .md-nav");
    var panel = panels.length ? panels[panels.length - 1] : document.querySelector(".md-sidebar--primary");
    var links = panel ? panel.querySelectorAll("a[href]") : [];
    for (var i = 0; i < links.length; i++) {
      if (shown(links[i]) && getComputedStyle(links[i]).visibility === "visible") return links[i];
    }
    return null;
  }
  function closeDrawer() {
    var drawer = document.getElementById("__drawer");
    if (!drawer || !drawer.checked) return false;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
    return true;
  }

  var dismissed = new MutationObserver(function (records) {
    records.forEach(function (record) {
      var tip = record.target;
      // (Removing a class that is not there would still change the attribute, and
      // call this again.)
      if (!tip.classList.contains("md-tooltip2--active") && tip.classList.contains("gc-tooltip-dismissed")) {
        tip.classList.remove("gc-tooltip-dismissed");
      }
    });
  });
  var hosts = new Map();   // a dismissed tooltip -> the element it describes
  function hideTooltips() {
    var tips = document.querySelectorAll(".md-tooltip2--active:not(.gc-tooltip-dismissed)");
    tips.forEach(function (tip) {
      tip.classList.add("gc-tooltip-dismissed");
      hosts.set(tip, document.querySelector('[aria-describedby="' + tip.id + '"]'));
      dismissed.observe(tip, { attributes: true, attributeFilter: ["class"] });
    });
    return tips.length > 0;
  }
  // Focus that left and came back to the element before the theme took its
  // tooltip down shows it again.
  document.addEventListener("focusin", function (event) {
    hosts.forEach(function (host, tip) {
      if (!tip.isConnected || !tip.classList.contains("gc-tooltip-dismissed")) {
        hosts.delete(tip);
      } else if (host === event.target) {
        tip.classList.remove("gc-tooltip-dismissed");
        hosts.delete(tip);
      }
    });
  });

  document.addEventListener("change", function (event) {
    if (event.target.id === "__drawer") sync();
    // Material focuses its search field as the search button is clicked, just
    // before the search opens, while the field is still hidden: focus it once open.
    var field = document.querySelector(".md-search__input");
    if (event.target.id === "__search" && event.target.checked && field && document.activeElement !== field) {
      field.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    // Material closes its search on Tab as well as on Escape: on a phone, focus
    // then goes back to the search button rather than into the closing search.
    if (event.key === "Tab" && target.matches && target.matches(".md-search__input") && shown(opener("__search"))) {
      event.preventDefault();
      setTimeout(function () { opener("__search").focus(); });
      return;
    }
    if (event.key !== "Escape") return;
    if (hideTooltips()) return;
    var menu = opener("__drawer");
    var inDrawer = target.closest && target.closest(".md-sidebar--primary");
    if (closeDrawer()) {
      if (shown(menu) && (inDrawer || target === menu || target === document.body)) menu.focus();
      return;
    }
    // The search: Material's field is in the page, Zensical's in a shadow root.
    var search = target.closest && (target.closest(".md-search") || target.shadowRoot);
    if (search) {
      setTimeout(function () {
        var button = opener("__search");
        var active = document.activeElement;
        if (shown(button) && (!active || active === document.body)) button.focus();
      });
    }
  }, true);

  enhance();
  document$.subscribe(enhance);
})();

// The estimator's code loads only where the estimator is. Instant navigation
// runs no page script, so this site-wide loader imports its modules when the
// page has its root. window.govcloud.ready resolves once .quote and .pricebook
// are set (docs/formats.md, hooks); the root carries data-ready from then on.
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

// The language selector's links lead to this page in the other language
// (overrides/partials/alternate.html); the address's query (an estimate) and
// anchor (a section: headings keep their English anchors) go with them, read
// when a link is followed, since the estimator rewrites the query as one types.
// Caught first (window, capture phase) and kept from the theme's handlers:
// Zensical's would send the reader to the other language's home page.
(function () {
  function carry(event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-gc-language]") : null;
    if (!link) return;
    var to = new URL(link.getAttribute("href"), window.location.href);
    to.search = window.location.search;
    to.hash = window.location.hash;
    link.setAttribute("href", to.href);
    if (event.type === "click") event.stopPropagation();
  }
  ["click", "auxclick", "focusin", "pointerover", "contextmenu"].forEach(function (type) {
    window.addEventListener(type, carry, true);
  });
})();
