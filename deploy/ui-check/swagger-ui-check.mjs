// Checks Swagger UI of a running service in a real browser (headless Chromium through puppeteer-core):
// the page loads, Authorize takes a bearer token, a GET runs and answers 200, and a write (PUT, or the
// method given as a sixth argument, e.g. post) with a viewer's token shows the service's 403 problem+json. Not part of `mvn verify` (it needs Node.js and Chromium);
// docs/api.md says how to run it against the launched suite.
//
//   node swagger-ui-check.mjs <base-url> <admin-token> <viewer-token> <GET path> <write path> [put|post]
//   e.g. node swagger-ui-check.mjs http://localhost:8081 "$ADMIN" "$VIEWER" \
//          /api/v1/units/{unitCode} /api/v1/units/{unitCode}/years/{year}/budget/staff
import puppeteer from 'puppeteer-core';

const [base, admin, viewer, getPath, putPath, writeMethod = 'put'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function authorize(page, token) {
  await page.click('.btn.authorize');
  await page.waitForSelector('.modal-ux', { timeout: 10000 });
  // already authorized (persist-authorization): log out in the dialog first, then the token field appears
  const logout = await page.evaluateHandle(() => [...document.querySelectorAll('.modal-ux button')]
    .find((b) => b.textContent.trim() === 'Logout'));
  if (logout.asElement()) { await logout.asElement().click(); await sleep(300); }
  await page.waitForSelector('.modal-ux input', { timeout: 10000 });
  await page.type('.modal-ux input', token);
  await page.click('.modal-ux .auth-btn-wrapper button.authorize');
  await sleep(300);
  await page.click('.modal-ux .btn-done, .modal-ux button.close-modal');
  await sleep(300);
}

async function run(page, method, path) {
  const block = await page.evaluateHandle((m, p) => {
    return [...document.querySelectorAll('.opblock')].find((b) =>
      b.querySelector('.opblock-summary-method')?.textContent.trim().toLowerCase() === m &&
      b.querySelector('.opblock-summary-path')?.getAttribute('data-path') === p);
  }, method, path);
  if (!block.asElement()) throw new Error(`no operation ${method.toUpperCase()} ${path} in Swagger UI`);
  const open = await block.asElement().$('.opblock-body');
  if (!open) { await (await block.asElement().$('.opblock-summary')).click(); await sleep(500); }
  const tryOut = await block.asElement().$('.try-out__btn');
  if (tryOut && (await tryOut.evaluate((b) => b.textContent.trim())) !== 'Cancel') { await tryOut.click(); await sleep(300); }
  await (await block.asElement().$('.execute')).click();
  await block.asElement().waitForSelector('.live-responses-table tbody .response-col_status', { timeout: 20000 });
  return block.asElement().evaluate((b) => ({
    status: b.querySelector('.live-responses-table tbody .response-col_status').textContent.trim(),
    body: (b.querySelector('.live-responses-table tbody .response-col_description pre')?.textContent || '').slice(0, 300),
  }));
}

let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(`${base}/q/swagger-ui/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('.opblock', { timeout: 20000 });
  const title = await page.$eval('.info .title', (e) => e.textContent.trim());
  const tags = await page.$$eval('.opblock-tag', (ts) => ts.map((t) => t.getAttribute('data-tag')));
  console.log(`${base}: "${title}", tags ${tags.join(' → ')}`);

  await authorize(page, admin);
  const get = await run(page, 'get', getPath);
  console.log(`  GET ${getPath} as admin → ${get.status} ${get.body.replace(/\s+/g, ' ').slice(0, 120)}`);
  if (!get.status.startsWith('200')) failed = true;

  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForSelector('.opblock', { timeout: 20000 });
  const persisted = await page.$eval('.btn.authorize', (b) => b.classList.contains('locked') || b.textContent);
  console.log(`  after reload the authorization is ${persisted === true ? 'kept (persist-authorization)' : 'lost'}`);
  if (persisted !== true) failed = true;

  await authorize(page, viewer);
  const put = await run(page, writeMethod, putPath);
  console.log(`  ${writeMethod.toUpperCase()} ${putPath} as viewer → ${put.status} ${put.body.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (!put.status.startsWith('403')) failed = true;
} catch (e) {
  console.error(`  FAILED: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
