// Draws the app icons (PNG) from web/public/favicon.svg with Chromium: 192 and 512 px for the web app manifest, a
// maskable 512 px one (the drawing kept inside the safe zone) and the 180 px apple-touch-icon. Run after changing
// the SVG:  npx tsx scripts/make-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'web/public/favicon.svg'), 'utf8');
const out = path.join(root, 'web/public/icons');
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
const icons = [
  { name: 'icon-192.png', size: 192, maskable: false },
  { name: 'icon-512.png', size: 512, maskable: false },
  { name: 'icon-maskable-512.png', size: 512, maskable: true },
  { name: 'apple-touch-icon.png', size: 180, maskable: true },
];
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  // Maskable: a full-bleed red square with the drawing at 80 % (the platform cuts its own shape).
  const inner = icon.maskable ? Math.round(icon.size * 0.8) : icon.size;
  await page.setContent(
    `<html><body style="margin:0;background:${icon.maskable ? '#a8071a' : 'transparent'};display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  await page.screenshot({ path: path.join(out, icon.name), omitBackground: !icon.maskable });
  console.log(`${icon.name} ${icon.size}×${icon.size}`);
}
await browser.close();
