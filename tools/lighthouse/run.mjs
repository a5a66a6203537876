// Lighthouse on the built site: home, estimator, tier tables and change pages
// (whichever exist), mobile and desktop, printing the four category scores (or those
// --categories names: the tests ask for the three they assert, performance being the
// slowest to measure).
//
//   node run.mjs SITE_DIR [--out FILE.json] [--pages /,/estimator/] [--categories seo,...]
//
// The site is served from this process on 127.0.0.1 with gzip, as any static
// host (GitHub Pages included) serves it. Chromium comes from CHROME_PATH.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import {pageFunctions} from 'lighthouse/core/lib/page-functions.js';

// Home, the estimator, the tier tables and the change page; the Japanese home, estimator and tier tables.
const PAGES = ['/', '/estimator/', '/products/', '/changes/', '/ja/', '/ja/estimator/', '/ja/products/'];
const ALL_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
// When performance is not asked for (the tests ask for the other three), no wait after the load
// event for the network or the CPU to go quiet, and no full-page screenshot: those serve the
// performance metrics only, and a run takes half the time (28.7 -> 15.7 s for four). `make
// lighthouse`, which reports performance, keeps Lighthouse's waits.
const QUICK = {pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0,
               disableFullPageScreenshot: true, skipAboutBlank: true};
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.xml': 'application/xml', '.txt': 'text/plain', '.woff2': 'font/woff2', '.map': 'application/json',
};

function args(argv) {
  const out = {site: null, out: null, pages: null, categories: ALL_CATEGORIES};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out.out = argv[++i];
    else if (argv[i] === '--pages') out.pages = argv[++i].split(',');
    else if (argv[i] === '--categories') out.categories = argv[++i].split(',');
    else out.site = argv[i];
  }
  const usage = 'usage: node run.mjs SITE_DIR [--out FILE.json] [--pages /,/estimator/] [--categories seo,...]';
  if (!out.site) throw new Error(usage);
  const unknown = out.categories.filter((c) => !ALL_CATEGORIES.includes(c));
  if (unknown.length) throw new Error(`unknown categories: ${unknown.join(', ')}; ${usage}`);
  return out;
}

// The site is served here as its host would serve it at the address it was built for: the
// pages' absolute links to themselves (canonical, hreflang) name that address, which the
// themes' scripts fetch from; here they name this server's.
function builtFor(root) {
  const sitemap = path.join(root, 'sitemap.xml');
  const loc = fs.existsSync(sitemap) && /<loc>([^<]+)<\/loc>/.exec(fs.readFileSync(sitemap, 'utf8'));
  return loc ? loc[1] : null;
}

function serve(root) {
  const built = builtFor(root);
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      const missing = path.join(root, '404.html');
      res.writeHead(404, {'Content-Type': TYPES['.html']});
      res.end(fs.existsSync(missing) ? fs.readFileSync(missing) : 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    let body = fs.readFileSync(file);
    if (built && (type === TYPES['.html'] || type === TYPES['.xml'])) {
      const own = `http://127.0.0.1:${server.address().port}/`;
      body = Buffer.from(body.toString('utf8').split(built).join(own));
    }
    const headers = {'Content-Type': type, 'Cache-Control': 'max-age=600'};
    if (/text|javascript|json|svg|xml/.test(type) && /gzip/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const {site, out, pages, categories: CATEGORIES} = args(process.argv.slice(2));
// Before every run Lighthouse times a busy loop in the page for a second (its "benchmark index",
// half of a quick run, and a core kept busy while the other tests wait for it). No audit reads
// it: it is reported (lhr.environment.benchmarkIndex) beside the performance figures, and warns
// of a slow machine from the command line only; without performance it is not measured (-1).
if (!CATEGORIES.includes('performance')) {
  pageFunctions.computeBenchmarkIndex = function computeBenchmarkIndex() { return -1; };
}
const root = path.resolve(site);
const wanted = pages || PAGES;
const missing = wanted.filter((p) => !fs.existsSync(path.join(root, p, 'index.html')));
if (missing.length) throw new Error(`not in ${root}: ${missing.join(', ')}`);
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({chromePath: process.env.CHROME_PATH, chromeFlags: FLAGS});
const results = [];
try {
  for (const page of wanted) {
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      const run = await lighthouse(`${base}${page}`,
          {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
           ...(CATEGORIES.includes('performance') ? {} : QUICK)}, config);
      const lhr = run.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score]));
      // Audits that cost points, so a score below 1 says why.
      const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' &&
                         a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
          .map((a) => ({id: a.id, score: a.score, value: a.displayValue || null, title: a.title}));
      results.push({page, formFactor, version: lhr.lighthouseVersion, scores, failing, runtimeError: lhr.runtimeError || null});
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

const pad = (s, n) => String(s).padEnd(n);
console.log(pad('page', 14) + pad('device', 9) + CATEGORIES.map((c) => pad(c, 16)).join(''));
for (const r of results) {
  console.log(pad(r.page, 14) + pad(r.formFactor, 9) +
              CATEGORIES.map((c) => pad(r.scores[c] === null ? 'n/a' : r.scores[c].toFixed(2), 16)).join(''));
}
if (out) fs.writeFileSync(out, JSON.stringify({base, results}, null, 2));
