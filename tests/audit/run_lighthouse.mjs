// Lighthouse (the pinned copy in node_modules/) on several pages, one after another, in one
// Chromium: `node run_lighthouse.mjs CATEGORIES REPORTS name=url ...` writes REPORTS/name.json
// for each, with the comma-separated CATEGORIES ("accessibility,best-practices,seo").
// One browser and one Node process for all pages, rather than the CLI's one of each per
// page, and the waits after load shortened for a static site that loads from one host: a
// page takes about 2 s instead of 12. The full-page screenshot is not taken: no audit asserted
// here reads it. Performance, where asked for, is measured with simulated throttling.
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {pageFunctions} from 'lighthouse/core/lib/page-functions.js';

const SETTINGS = {
  output: 'json',
  logLevel: 'error',
  disableFullPageScreenshot: true,
  pauseAfterFcpMs: 0,
  pauseAfterLoadMs: 0,
  networkQuietThresholdMs: 250,
  cpuQuietThresholdMs: 250,
};

const [categories, reports, ...pages] = process.argv.slice(2);
if (!categories.split(',').includes('performance')) {
  // Before each page Lighthouse times the machine: a second's busy loop in the page, whose
  // result only the performance simulation and the report's environment read.
  pageFunctions.computeBenchmarkIndex = function computeBenchmarkIndex() { return 0; };
}
fs.mkdirSync(reports, { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const page of pages) {
    const split = page.indexOf('=');
    const [name, url] = [page.slice(0, split), page.slice(split + 1)];
    const result = await lighthouse(url, { ...SETTINGS, onlyCategories: categories.split(','), port: chrome.port });
    fs.writeFileSync(path.join(reports, `${name}.json`), result.report);
  }
} finally {
  await chrome.kill();
}
// Every report is written; Lighthouse's connections to the browser it has killed would keep
// Node waiting some 4 s more.
process.exit(0);
