import { browser, defineBackground } from '#imports';
import { openDatabase } from '@/lib/db/schema';
import { uiLocale } from '@/lib/i18n/t';
import { dispatch } from '@/lib/messaging/dispatch';
import { loadEngineSettings } from '@/lib/settings';

/**
 * The background is the only writer of referral data. Everything here is wiring; the worker can be
 * stopped at any moment, so no state lives in globals beyond the database handle.
 */
export default defineBackground(() => {
  const db = openDatabase();
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(message, sender, {
      db,
      settings: () => loadEngineSettings(uiLocale),
      extensionId: browser.runtime.id,
      extensionOrigin,
      now: Date.now,
      newId: () => crypto.randomUUID(),
    }),
  );
});
