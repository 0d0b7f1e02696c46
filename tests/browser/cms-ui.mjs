#!/usr/bin/env node
// cms-ui.mjs — drives Decap CMS's own interface in headless Chromium against a running
// `bantin serve` (its local backend), as an editor does (issue 17):
//
//   node tests/browser/cms-ui.mjs --url http://127.0.0.1:PORT/BASE/ --task create|edit|ime|document
//        [--entry 2024/slug] [--photo FILE] [--file FILE] [--shots DIR] [--chromium /usr/bin/chromium]
//
//   create  a new article in "Tin tức": title with diacritics, a province and a category from
//           their selects, a photo uploaded through the media library with its alt text, body
//           text; then "Công bố" → "Công bố ngay".
//   edit    opens --entry from the collection's list, waits for its photo (--photo NAME, the
//           end of its address) to show, changes nothing, saves.
//   ime     a new article whose body word "Việt" is typed through IME composition events, as
//           a Telex input method sends them ("V", "Vi", "Vie", "Viê", "Việ", "Việt").
//   document  a new document in "Văn bản" (number 27/KH-LHHN, kind from its select, issuer,
//           issued day, trích yếu) with --file (a PDF) attached through the file widget's
//           media library and titled; then "Công bố" → "Công bố ngay".
//
// With --shots DIR (create only), PNG screenshots for the editor's guide are saved there,
// 01-dang-nhap.png … 07-loi-tren-trang.png; for the last, the photo's description is emptied,
// saved, the preview's home page shown with bantin's error overlay, and the description put back.
// Report: one JSON object on stdout, {ok, problems, steps}. Exit: 0 ok, 1 not, 2 bad arguments.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));

const args = { chromium: '/usr/bin/chromium' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [flag, value] = [argv[i], argv[i + 1]];
  if (value === undefined) {
    console.error(`cms-ui.mjs: ${flag} needs a value`);
    process.exit(2);
  }
  switch (flag) {
    case '--url': args.url = value; break;
    case '--task': args.task = value; break;
    case '--entry': args.entry = value; break;
    case '--photo': args.photo = value; break;
    case '--file': args.file = path.resolve(value); break;
    case '--shots': args.shots = path.resolve(value); break;
    case '--chromium': args.chromium = value; break;
    default:
      console.error(`cms-ui.mjs: unknown flag ${flag}`);
      process.exit(2);
  }
}
const tasks = ['create', 'edit', 'ime', 'document'];
if (!args.url || !tasks.includes(args.task)
    || (args.task === 'edit' && !args.entry) || (args.task === 'create' && !args.photo)
    || (args.task === 'document' && !args.file)) {
  console.error('cms-ui.mjs: give --url and --task create (with --photo), edit (with --entry), ime or document (with --file)');
  process.exit(2);
}

if (args.task === 'create') args.photo = path.resolve(args.photo);

export const TITLE = 'Hội hữu nghị Việt – Lào tỉnh Cà Mau trao quà Tết';
const { chromium } = require('playwright-core');
const problems = [];
const steps = [];
const WAIT = { timeout: 15000 };
const admin = new URL('admin/', args.url).href;

const browser = await chromium.launch({ executablePath: args.chromium, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  const shot = async (name) => {
    if (args.shots) await page.screenshot({ path: path.join(args.shots, name) });
  };
  const step = (s) => steps.push(s);

  await page.goto(admin);
  const login = page.getByRole('button', { name: 'Đăng nhập' });
  await login.waitFor(WAIT);
  await page.waitForTimeout(300);
  await shot('01-dang-nhap.png');
  await login.click();
  await page.waitForURL(/collections/, WAIT);
  step('logged in');
  if (args.task === 'document') {
    // The collection's "new" form, by its address (Decap's routes are in the fragment).
    await page.goto(`${admin}#/collections/van-ban/new`);
    await page.waitForURL(/collections\/van-ban\/new/, WAIT);
    const number = page.getByLabel('Số hiệu');
    await number.waitFor(WAIT);
    await page.waitForTimeout(500);
    step('new document form');
    await number.fill('27/KH-LHHN');
    await selectOption(page, 'kind', 'Kế hoạch', null, shot);
    await page.getByLabel('Cơ quan ban hành').fill('Liên hiệp các tổ chức hữu nghị tỉnh An Giang');
    await page.locator('[id^="issued-field-"]').first().fill('2026-03-05');
    await page.getByLabel('Trích yếu').fill('Kế hoạch tổ chức các hoạt động đối ngoại nhân dân năm 2026.');
    step('fields');
    // The file: the list's "Thêm", then the file widget's media library, as for a photo.
    await page.getByRole('button', { name: /^Thêm/ }).first().click();
    await page.getByRole('button', { name: 'Chọn tệp', exact: true }).click();
    const file = page.locator('input[type=file]');
    await file.waitFor({ state: 'attached', timeout: 15000 });
    await file.setInputFiles(args.file);
    await page.waitForFunction(
      (b) => { const e = [...document.querySelectorAll('button')].find((x) => x.innerText.trim() === b); return e && !e.disabled; },
      'Lấy những cái đã chọn',
      WAIT,
    );
    await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    await page.getByLabel('Tên tệp').fill('Toàn văn (PDF)');
    step('file');
    await publish(page);
    step('saved');
  } else {
  // The collection list: the sidebar's "Tin tức".
  await page.getByRole('link', { name: 'Tin tức' }).first().click();
  await page.waitForURL(/collections\/tin-tuc/, WAIT);

  if (args.task === 'edit') {
    // The entry's card in the list (the list shows every year folder's articles).
    const card = page.locator(`a[href$="/collections/tin-tuc/entries/${args.entry}"]`).first();
    await card.waitFor(WAIT);
    await card.click();
    await page.waitForURL(new RegExp(`entries/${args.entry}`), WAIT);
    await page.getByLabel('Tiêu đề').waitFor(WAIT);
    await page.locator('[data-slate-editor]').waitFor(WAIT);
    await page.waitForTimeout(1000);
    step('opened');
    // The article's photo, by its site address (/images/…), shown in the form even under the
    // site's base path.
    if (args.photo) {
      await photoShown(page, args.photo);
      step('photo shown');
    }
    // Decap offers "Công bố" only when the form differs from the stored entry (it compares
    // values), so "saved unchanged" is two saves: the title with " X" added, then as it was.
    const title = page.getByLabel('Tiêu đề');
    const original = await title.inputValue();
    await title.fill(`${original} X`);
    await publish(page);
    step('saved with X');
    // Decap compares with the entry as it first loaded it: a fresh page knows the " X".
    await page.reload();
    await title.waitFor(WAIT);
    await page.locator('[data-slate-editor]').waitFor(WAIT);
    await page.waitForFunction((t) => document.querySelector('input[id^="title-field-"]')?.value === t, `${original} X`, WAIT);
    await page.waitForTimeout(500);
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    const now = await title.inputValue();
    if (now !== original) throw new Error(`the title reads ${JSON.stringify(now)}`);
    await publish(page);
    step('saved');
  } else {
    await page.locator('a[href$="/collections/tin-tuc/entries/2024/hai-duong-tong-ket-nam-2023"], a[href*="/collections/tin-tuc/entries/"]').first().waitFor(WAIT);
    await page.waitForTimeout(300);
    await shot('02-danh-sach-bai.png');
    await page.getByRole('link', { name: /Bài viết mới|Tạo mới|Mới/ }).first().click();
    await page.waitForURL(/collections\/tin-tuc\/new/, WAIT);
    const title = page.getByLabel('Tiêu đề');
    await title.waitFor(WAIT);
    await page.locator('[data-slate-editor]').waitFor(WAIT);
    await page.waitForTimeout(500);
    await shot('03-bai-moi.png');
    step('new form');

    if (args.task === 'ime') {
      await title.fill('Thử bộ gõ tiếng Việt');
      const cdp = await context.newCDPSession(page);
      const body = page.locator('[data-slate-editor]');
      await body.click();
      await page.waitForTimeout(300);
      await page.keyboard.type('Tiếng ');
      await page.waitForTimeout(100);
      // Telex: V i e e j t — the input method shows the word being composed, then commits it.
      for (const t of ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt']) {
        await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
        await page.waitForTimeout(40);
      }
      await cdp.send('Input.insertText', { text: 'Việt' });
      await page.waitForTimeout(100);
      await page.keyboard.type(' gõ bằng bộ gõ.');
      await page.waitForTimeout(300);
      step(`body: ${await body.innerText()}`);
      await publish(page);
      step('saved');
    } else {
      await title.fill(TITLE);
      await selectOption(page, 'province', 'Cà Mau', '04-chon-tinh.png', shot);
      await selectOption(page, 'category', 'Đối ngoại nhân dân', null, shot);
      step('selects');
      // The photo: a real JPEG drawn on a canvas by Chromium, written where --photo says.
      const jpeg = await page.evaluate(async () => {
        const c = document.createElement('canvas');
        c.width = 640; c.height = 400;
        const g = c.getContext('2d');
        g.fillStyle = '#c8102e'; g.fillRect(0, 0, 640, 400);
        g.fillStyle = '#ffcd00'; g.beginPath(); g.arc(320, 200, 120, 0, 2 * Math.PI); g.fill();
        const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
        return [...new Uint8Array(await blob.arrayBuffer())];
      });
      writeFileSync(args.photo, Buffer.from(jpeg));
      await page.getByRole('button', { name: 'Chọn một hình' }).click();
      const file = page.locator('input[type=file]');
      await file.waitFor({ state: 'attached', timeout: 15000 });
      await file.setInputFiles(args.photo);
      const take = page.getByRole('button', { name: 'Lấy những cái đã chọn' });
      // The uploaded photo is selected once it is in the library.
      await page.waitForFunction(
        (b) => { const e = [...document.querySelectorAll('button')].find((x) => x.innerText.trim() === b); return e && !e.disabled; },
        'Lấy những cái đã chọn',
        WAIT,
      );
      await take.click();
      await page.getByLabel('Mô tả ảnh').fill('Đại diện Hội trao quà Tết cho bà con');
      step('photo');
      const body = page.locator('[data-slate-editor]');
      await body.click();
      await page.waitForTimeout(300);
      await page.keyboard.type('Sáng 20/1, Hội hữu nghị Việt – Lào tỉnh Cà Mau đã trao 200 phần quà Tết.');
      await page.waitForTimeout(300);
      await publish(page);
      step('saved');
      await page.waitForTimeout(500);
      await shot('06-da-luu.png');
      // Once saved, the photo is on disk: the entry opened again shows it above its description
      // (before, the form asked for it at its site address, where it was not yet).
      await page.reload();
      await page.locator('[data-slate-editor]').waitFor(WAIT);
      await page.getByLabel('Mô tả ảnh').scrollIntoViewIfNeeded();
      await photoShown(page, path.basename(args.photo));
      step('photo shown');
      // The form's thumbnail (the first such image; the preview pane's comes after) mid-screen.
      await page.evaluate((n) => [...document.images].find((i) => i.src.endsWith(n))
        ?.scrollIntoView({ block: 'center' }), path.basename(args.photo));
      await page.waitForTimeout(300);
      await shot('05-anh-va-mo-ta.png');
      if (args.shots) {
        // A mistake saved: the photo's description emptied. The preview's pages show bantin's
        // error overlay over the last good page; then the description is put back and saved.
        const alt = page.getByLabel('Mô tả ảnh');
        const description = await alt.inputValue();
        await alt.fill('');
        await publish(page);
        const preview = await context.newPage();
        await preview.goto(args.url, { waitUntil: 'domcontentloaded', timeout: 30000 });
        await preview.locator('#bantin-error').waitFor({ state: 'visible', timeout: 20000 });
        await preview.waitForTimeout(500);
        await preview.screenshot({ path: path.join(args.shots, '07-loi-tren-trang.png') });
        await preview.close();
        step('overlay shown');
        // Decap compares with the entry as it loaded it: a fresh page knows the empty one.
        await page.reload();
        await page.locator('[data-slate-editor]').waitFor(WAIT);
        await page.waitForTimeout(500);
        await alt.fill(description);
        await publish(page);
        step('saved again');
      }
    }
  }
  }
} catch (e) {
  if (args.shots) await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(args.shots, 'failure.png') }).catch(() => {});
  problems.push(`${e.name}: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}

/** A select widget: opens it (typing part of the name, as its hint says) and picks `value`. */
async function selectOption(page, name, value, shotName, shot) {
  const input = page.locator(`[id^="${name}-field-"]`).first();
  await input.click();
  await page.keyboard.type(value.slice(0, 3));
  const option = page.getByText(value, { exact: true }).last();
  await option.waitFor(WAIT);
  await page.waitForTimeout(200);
  if (shotName) await shot(shotName);
  await option.click();
}

/** Waits until an image whose address ends with `name` has loaded in the form. */
async function photoShown(page, name) {
  await page.waitForFunction(
    (n) => [...document.images].some((i) => i.src.endsWith(n) && i.complete && i.naturalWidth > 0),
    name,
    WAIT,
  );
}

/** "Công bố" then "Công bố ngay"; waits until Decap says the entry is saved. */
async function publish(page) {
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByText('Công bố ngay').click();
  // Saved: the toolbar's button reads "Đã công bố" once the backend has answered.
  await page.getByRole('button', { name: 'Đã công bố' }).waitFor(WAIT);
  await page.waitForTimeout(500);
}

console.log(JSON.stringify({ ok: problems.length === 0, problems, steps }));
process.exit(problems.length === 0 ? 0 : 1);
