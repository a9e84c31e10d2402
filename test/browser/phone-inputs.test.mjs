// The phone's other ways in: the webcam (Chromium's fake camera plays a video of a QR code, and
// the phone reads it) and a key typed by hand.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderQr } from 'totp-lab/qr';
import { launchBrowser, screenshot, startServer } from './support.mjs';

const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** A one-frame Y4M video (grey only: Y plane, flat U and V) of `image`, padded to even sides. */
function y4m(image) {
  const width = image.width + (image.width % 2);
  const height = image.height + (image.height % 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) luma[y * width + x] = image.data[(y * image.width + x) * 4];
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

let dir;
let server;
let browser;
let page;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-webcam-'));
  const video = join(dir, 'qr.y4m');
  await writeFile(video, y4m(renderQr(URI, { format: 'pixels', scale: 6 })));
  server = await startServer();
  // The fake camera and an automatic "Allow" on the permission prompt, for this test only.
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  page = await browser.page();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the webcam shows the QR code to the phone, which adds the account and stops the camera', async () => {
  const phone = page.getByRole('region', { name: 'Telefon A', exact: true });
  await phone.getByRole('button', { name: 'Webkamera' }).click();
  await phone.getByRole('status').filter({ hasText: 'Fiók hozzáadva.' }).waitFor();
  await phone.getByText('Example: alice').waitFor();
  assert.match((await phone.locator('.code').textContent()).replace(/\s/g, ''), /^\d{6}$/);
  assert.equal(await phone.getByRole('button', { name: 'Webkamera' }).getAttribute('aria-pressed'), 'false');
  assert.equal(await phone.locator('video').evaluate((v) => v.hidden && v.srcObject === null), true);
  await screenshot(page, '12-webcam-added');
});

test('a key typed by hand gives the same codes as the scanned one', async () => {
  const phone = page.getByRole('region', { name: 'Telefon A', exact: true });
  await page.getByRole('button', { name: 'Idő megállítása' }).click();
  await phone.getByText('Kulcs kézi megadása').click();
  await phone.getByLabel('Fiók neve').fill('alice (kézzel)');
  await phone.getByLabel('Kulcs').fill('jbsw y3dp ehpk 3pxp');
  await phone.getByRole('button', { name: 'Hozzáadás' }).click();
  await phone.getByText('Ügyfélkapu+: alice (kézzel)').waitFor();
  const codes = await phone.locator('.code').allTextContents();
  assert.equal(codes.length, 2);
  assert.equal(codes[0], codes[1]);
  // A key that is not base32 is refused with a message, not a broken page.
  await phone.getByLabel('Kulcs').fill('not a key!');
  await phone.getByRole('button', { name: 'Hozzáadás' }).click();
  await phone
    .getByRole('status')
    .filter({ hasText: /secret/i })
    .waitFor();
  assert.equal(await phone.locator('.code').count(), 2);
  assert.deepEqual(browser.problems, []);
  assert.deepEqual(browser.foreign, []);
});
