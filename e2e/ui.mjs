// Drives Cayley's web UI, served by `newsgraph serve`, in Debian's headless
// Chromium: runs a shipped query on the Query page and the neighbourhood
// query on the Visualize page, saves screenshots, and prints what the
// pages show as JSON for ui_test.go to check.
//
// usage: node ui.mjs BASE_URL OUT_DIR QUERY_JS VISUALIZE_JS
import { chromium } from 'playwright-core';

const [base, outDir, queryJS, vizJS] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const result = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + '/ui/query', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof editor !== 'undefined' && typeof output_editor !== 'undefined');
  await page.evaluate((q) => editor.setValue(q), queryJS);
  await page.click('#run_button');
  await page.waitForFunction(() => output_editor.getValue().includes('"result"'), null, { timeout: 20000 });
  result.queryOutput = await page.evaluate(() => output_editor.getValue());
  await page.screenshot({ path: outDir + '/ui-query.png' });

  await page.goto(base + '/ui/visualize', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof editor !== 'undefined');
  await page.evaluate((q) => editor.setValue(q), vizJS);
  await page.click('#run_button');
  await page.waitForFunction(() => window.sigmaGraph !== undefined && sigmaGraph.graph.nodes().length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(2500); // let the layout settle for the picture
  result.nodes = await page.evaluate(() => sigmaGraph.graph.nodes().map((n) => n.label));
  result.edges = await page.evaluate(() => sigmaGraph.graph.edges().length);
  await page.screenshot({ path: outDir + '/ui-visualize.png' });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
