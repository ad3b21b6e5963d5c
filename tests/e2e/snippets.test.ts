/**
 * "Copy for a website" in real Chromium: the snippets a person pastes into a blog or forum, made from a hostile
 * nickname and template, read back the way the page they are pasted into would read them (the HTML parsed by the
 * browser's own DOMParser): the nickname is text, never markup, and the QR inline image decodes to exactly the link.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage } from './harness';

const LINK = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE';
const EVIL = '<img src=x onerror=alert(1)>';
const TEMPLATE = '[b]{nickname}[/b] <script>alert(2)</script> *join* {program}: {link}\n{steps}';

let ext: LaunchedExtension;
beforeAll(async () => {
  // The test build may read the clipboard back.
  ext = await launchExtension({ build: 'test' });
  // The link saved in the popup, the hostile template in the dashboard, as a person would.
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await popup.getByRole('textbox', { name: 'Referral link' }).fill(LINK);
  await popup.getByRole('button', { name: 'Save link' }).click();
  await popup.getByRole('img', { name: 'QR code for AliExpress referral link' }).waitFor();
  await popup.close();
  const dashboard = await openExtensionPage(ext.context, ext.extensionId, 'options.html#settings');
  await dashboard.getByRole('textbox', { name: 'Share text template' }).fill(TEMPLATE);
  await dashboard.getByRole('button', { name: 'Save template' }).click();
  await dashboard.getByText('Template saved.').waitFor();
  await dashboard.close();
});
afterAll(async () => ext?.close());

/** The popup with the hostile nickname typed and the snippet choices open (their writer loaded). */
async function popupWithSnippets(): Promise<Page> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 400, height: 640 });
  await page.getByRole('textbox', { name: 'Who is it for?' }).fill(EVIL);
  await page.getByRole('button', { name: 'Copy for a website' }).click();
  const group = page.getByRole('group', { name: 'Snippet format' });
  await expect.poll(() => group.getAttribute('aria-busy')).toBe('false');
  return page;
}

async function copied(page: Page, format: 'HTML' | 'Markdown' | 'BBCode'): Promise<string> {
  await page.getByRole('group', { name: 'Snippet format' }).getByRole('button', { name: format }).click();
  await page.getByRole('status').getByText(`${format} snippet copied`).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('"Copy for a website" in real Chromium, with a hostile nickname and template', () => {
  it('HTML: parsed by the browser, the nickname and the template markup are text; the only image is the QR', async () => {
    const page = await popupWithSnippets();
    const html = await copied(page, 'HTML');
    const read = await page.evaluate((snippet) => {
      const doc = new DOMParser().parseFromString(snippet, 'text/html');
      return {
        text: doc.body.textContent ?? '',
        scripts: doc.querySelectorAll('script').length,
        handlers: [...doc.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on')),
        ),
        images: [...doc.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? ''),
        links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        steps: doc.querySelectorAll('li').length,
      };
    }, html);
    expect(read.text).toContain(EVIL);
    expect(read.text).toContain('<script>alert(2)</script>');
    expect(read.scripts).toBe(0);
    expect(read.handlers).toEqual([]);
    expect(read.images).toHaveLength(1);
    expect(read.images[0]).toMatch(/^data:image\/svg\+xml/);
    expect(read.links).toEqual([LINK]);
    expect(read.steps).toBe(4);
    // The QR inline image, drawn by the browser and decoded from its pixels.
    const decoded = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return { width: data.width, height: data.height, pixels: Array.from(data.data) };
    }, read.images[0] ?? '');
    expect(decoded).not.toBeNull();
    const jsQR = (await import('jsqr')).default;
    const code = jsQR(Uint8ClampedArray.from(decoded?.pixels ?? []), decoded?.width ?? 0, decoded?.height ?? 0);
    expect(code?.data).toBe(LINK);
    await page.close();
  });

  it("BBCode and Markdown: the template's own tags and stars are escaped, the link is the only link", async () => {
    const page = await popupWithSnippets();
    const bbcode = await copied(page, 'BBCode');
    // The template's [b] tags become fullwidth brackets (lib/share/markupEscape.ts): shown, never bold.
    expect(bbcode).toContain(`\uFF3Bb\uFF3D${EVIL}\uFF3B/b\uFF3D`);
    expect(bbcode.match(/\[/g)).toHaveLength(bbcode.match(/\[\/?(url|list|\*)/g)?.length ?? -1);
    expect(bbcode.match(/\[url=/g)).toHaveLength(1);
    expect(bbcode).toContain(`[url=${LINK}]`);
    const markdown = await copied(page, 'Markdown');
    expect(markdown).toContain('\\*join\\*');
    expect(markdown.match(/\]\(https:/g)).toHaveLength(1);
    await page.close();
  });
});
