// Drives Debian's headless chromium over a page made by `kg html` (run by the Rust test
// tests/cli/html.rs, which passes the arguments):
//
//   node view.test.js main PAGE SHOT_DIR PATH_JSON   search "Putin", click the node, check
//       the card's "sent" facts and sentences, find the path to the end named in PATH_JSON
//       (`kg path --format json` output) and check the highlighted steps; screenshots.
//   node view.test.js hostile PAGE SHOT_DIR NAME      the page of a graph with hostile
//       strings loads without errors and shows NAME as text.
//
// Every check that fails throws; the process exits 1 with the message. Any request that
// is not for the file itself fails the test: the page must work offline.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [mode, pagePath, shotDir, extra] = process.argv.slice(2);

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function main() {
  const started = Date.now();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.KG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 850 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const outside = [];
  const errors = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto('file://' + path.resolve(pagePath));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
    const data = await page.evaluate(() => JSON.parse(document.getElementById('kg-data').textContent));
    check((await page.locator('#graph .node').count()) === data.nodes.length, 'every node is drawn');
    check((await page.locator('#graph .edge').count()) === data.edges.length, 'every edge is drawn');
    check((await page.locator('#legend li').count()) === data.kinds.length, 'the legend lists the kinds');

    if (mode === 'main') await mainChecks(page, data);
    else if (mode === 'hostile') await hostileChecks(page, data);
    else throw new Error(`unknown mode ${mode}`);

    check(outside.length === 0, `the page asked the network for: ${outside.join(', ')}`);
    check(errors.length === 0, `the page had errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ ok: true, mode, ms: Date.now() - started }));
}

async function mainChecks(page, data) {
  fs.mkdirSync(shotDir, { recursive: true });
  const expected = JSON.parse(fs.readFileSync(extra, 'utf8'));
  await page.screenshot({ path: path.join(shotDir, 'html-overview.png') });

  // Search "Putin": the match list offers Vladimir Putin first.
  await page.fill('#search', 'Putin');
  const first = page.locator('#matches li.match').first();
  await first.waitFor();
  check((await first.innerText()).includes('Vladimir Putin'), 'search "Putin" offers Vladimir Putin first');
  await page.keyboard.press('ArrowDown');
  check(await first.evaluate((li) => li.classList.contains('active')), 'arrow keys move through the matches');
  await page.keyboard.press('Enter');
  check((await page.innerText('#card h2')) === 'Vladimir Putin', 'Enter opens the card of the match');
  await page.waitForSelector('#card:not([hidden])');

  // Click the node: its card shows its "sent" facts, each with its evidence sentence.
  const putin = data.nodes.find((n) => n.name === 'Vladimir Putin');
  check(putin, 'the page holds Vladimir Putin');
  await page.locator('#card .close').click();
  await page.click(`#graph .node[data-id="${putin.id}"]`);
  await page.waitForSelector('#card:not([hidden])');
  check((await page.innerText('#card h2')) === 'Vladimir Putin', 'the card is Putin\'s');
  const index = data.nodes.indexOf(putin);
  const sent = data.edges.filter((e) => e.s === index && e.relation === 'sent');
  check(sent.length > 0, 'Putin sent something in this view');
  const items = page.locator('#card ul.out li[data-relation="sent"]');
  check((await items.count()) === sent.length, `the card shows ${sent.length} "sent" facts`);
  for (let i = 0; i < sent.length; i++) {
    const text = await items.nth(i).innerText();
    check(text.includes(sent[i].object.name), `"sent" fact ${i + 1} names ${sent[i].object.name}`);
    if (sent[i].evidence) {
      const ev = await items.nth(i).locator('.evidence').innerText();
      check(ev === sent[i].evidence.replace(/\s+/g, ' ').trim() || ev === sent[i].evidence,
        `"sent" fact ${i + 1} shows its sentence`);
    }
    if (sent[i].source) check(text.includes(sent[i].source), `"sent" fact ${i + 1} shows its source`);
  }
  check((await page.locator('#graph .node.selected').count()) === 1, 'the node is selected');
  await page.screenshot({ path: path.join(shotDir, 'html-card.png') });

  // Clicking an edge shows its fact and evidence.
  const edge = data.edges.indexOf(sent[0]);
  await page.locator(`#graph .edge[data-index="${edge}"] .label`).click();
  check((await page.innerText('#card h2')) === 'sent', 'an edge card names its relation');

  // The path box: the steps of `kg path` are highlighted and listed, in order.
  const to = expected.to.name;
  await page.fill('#from', 'Putin');
  await page.fill('#to', to);
  await page.click('#findpath');
  await page.waitForSelector('#card li.path-step');
  const steps = expected.paths[0].steps;
  const shown = page.locator('#card li.path-step');
  check((await shown.count()) === steps.length, `the path has ${steps.length} steps`);
  for (let i = 0; i < steps.length; i++) {
    const text = await shown.nth(i).innerText();
    const f = steps[i].fact;
    check(text.includes(`${f.subject.name} ${f.relation} → ${f.object.name}`),
      `step ${i + 1} is ${f.subject.name} ${f.relation} ${f.object.name}, got: ${text}`);
    if (f.evidence) check(text.includes(f.evidence.replace(/\s+/g, ' ').trim()), `step ${i + 1} shows its sentence`);
  }
  check((await page.locator('#graph .edge.on-path').count()) === steps.length, 'the path\'s edges are highlighted');
  check((await page.locator('#graph .node.on-path').count()) === steps.length + 1, 'the path\'s nodes are highlighted');
  check(await page.evaluate(() => document.getElementById('graph').classList.contains('has-path')), 'the rest is dimmed');
  await page.screenshot({ path: path.join(shotDir, 'html-path.png') });

  // Pan and zoom move the drawing.
  const before = await page.getAttribute('#viewport', 'transform');
  await page.mouse.move(300, 400);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((b) => document.getElementById('viewport').getAttribute('transform') !== b, before);
  const zoomed = await page.getAttribute('#viewport', 'transform');
  await page.mouse.move(200, 700);
  await page.mouse.down();
  await page.mouse.move(320, 640, { steps: 5 });
  await page.mouse.up();
  check((await page.getAttribute('#viewport', 'transform')) !== zoomed, 'dragging pans');
}

async function hostileChecks(page, data) {
  const title = await page.title();
  check(title.startsWith('kg:'), `the title is kg's, not the data's: ${title}`);
  const name = extra;
  check(data.nodes.some((n) => n.name === name), 'the data keeps the hostile name exactly');
  const titles = await page.locator('#graph .node title').allTextContents();
  check(titles.some((t) => t.endsWith(name)), 'the hostile name is drawn as text');
  check(await page.evaluate(() => !window.pwned), 'no script from the data ran');
  await page.fill('#search', name.slice(0, 12));
  await page.locator('#matches li.match').first().waitFor();
  await page.keyboard.press('Enter');
  check((await page.locator('#card h2').textContent()) === name, 'its card shows the name as text');
  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, 'html-hostile.png') });
}

main().catch((e) => {
  console.error(`browser test failed: ${e.message}`);
  process.exit(1);
});
