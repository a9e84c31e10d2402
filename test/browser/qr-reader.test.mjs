// The demo reads uploads with ZXing-C++: its WebAssembly is fetched from the page's own origin on
// the first scan (not with the page), under the page's CSP, and it reads a photo of curled paper
// that the jsQR path alone cannot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { renderQr, scanQr, scanQrSync } from 'totp-lab/qr';
import { launchBrowser, startServer } from './support.mjs';

const URI = 'otpauth://totp/Example:curled?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** The code on paper curled round a vertical cylinder (radius 170 px), on a dark desk. */
function curledPhoto() {
  const code = renderQr(URI, { format: 'pixels', scale: 1, margin: 4 });
  const width = 640,
    height = 480,
    side = 320,
    radius = 170;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x - width / 2) / radius;
      const u = (Math.asin(Math.max(-1, Math.min(1, t))) * radius) / side + 0.5;
      const v = (y - height / 2) / side + 0.5;
      const onPaper = Math.abs(t) < 1 && u >= 0 && u < 1 && v >= 0 && v < 1;
      const value = !onPaper
        ? 25
        : code.data[(Math.floor(v * code.width) * code.width + Math.floor(u * code.width)) * 4] < 128
          ? 20
          : 240;
      png.data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return png;
}

let server;
let browser;
let page;
const requested = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.page();
  page.setDefaultTimeout(20_000);
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the picture is one the jsQR path misses and ZXing-C++ reads (in Node)', async () => {
  const photo = curledPhoto();
  const image = { data: photo.data, width: photo.width, height: photo.height };
  assert.equal(scanQrSync(image), null);
  assert.equal(await scanQr(image), URI);
});

test('the page loads without the reader; the first upload fetches it from the same origin and reads the photo', async () => {
  await page.getByRole('region', { name: 'Telefon A', exact: true }).waitFor();
  assert.equal(
    requested.some((path) => path.includes('zxing')),
    false,
    'the reader is not part of the page load',
  );
  const phone = page.getByRole('region', { name: 'Telefon A', exact: true });
  await phone
    .getByLabel('Kép feltöltése')
    .setInputFiles({ name: 'curled.png', mimeType: 'image/png', buffer: PNG.sync.write(curledPhoto()) });
  await phone.getByRole('status').filter({ hasText: 'Fiók hozzáadva.' }).waitFor();
  await phone.getByText('Example: curled').waitFor();
  assert.ok(requested.includes('/zxing_reader.wasm.js'), `the reader module was fetched: ${requested.join(' ')}`);
  assert.deepEqual(browser.foreign, []);
  assert.deepEqual(browser.problems, []);
});
