/**
 * The dashboard's import, read as a person reads it (its busy "Import" button, its status line and its alert), and
 * table sizes counted in the page (reading 10,000 rows just to count them would be slow).
 */
import type { Page } from 'playwright-core';
import { sleep } from './workerStopper';

/** Rows in one of RefShare's tables, counted in the page (reading 10,000 rows to count them would be slow). */
export function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('refshare');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** What the dashboard shows once an import press is over: its status lines and its alerts. */
export async function importOutcome(page: Page): Promise<{ status: string; alert: string }> {
  const button = page
    .getByRole('group', { name: 'Import this backup?' })
    .getByRole('button', { name: 'Import', exact: true });
  // The button says it is busy while the background imports; it (and the preview) goes away on success. Read without
  // waiting: the button may be gone at any moment.
  const busy = async () =>
    (await button.evaluateAll((els) => els.map((e) => e.getAttribute('aria-busy')))).includes('true');
  const started = Date.now();
  while (!(await busy()) && Date.now() - started < 5_000) await sleep(20);
  while ((await busy()) && Date.now() - started < 120_000) await sleep(50);
  const texts = async (role: 'alert' | 'status') =>
    (await page.getByRole(role).allTextContents())
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' | ');
  return { status: await texts('status'), alert: await texts('alert') };
}
