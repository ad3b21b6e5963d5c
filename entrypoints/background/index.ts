import { browser, defineBackground } from '#imports';
import { openDatabase } from '@/lib/db/schema';
import { uiLocale } from '@/lib/i18n/t';
import { dispatch } from '@/lib/messaging/dispatch';
import { createContextMenus } from '@/lib/platform/contextMenus';
import { registerCustomShops } from '@/lib/platform/customScripts';
import { onCopyCommand, onMenuClick } from '@/lib/platform/shopActions';
import { allPrograms } from '@/lib/referral/programs/index';
import { loadEngineSettings } from '@/lib/settings';

/** Commands after which the context menus and custom shops' scripts must follow the programs. */
const PROGRAM_COMMANDS = new Set(['saveCustomProgram', 'deleteCustomProgram', 'importBackup', 'deleteAllData']);

/**
 * The background is the only writer of referral data. Everything here is wiring; the worker can be
 * stopped at any moment, so no state lives in globals beyond the database handle.
 */
export default defineBackground(() => {
  const db = openDatabase();
  const extensionOrigin = browser.runtime.getURL('/');
  const ctx = () => ({ now: Date.now(), newId: () => crypto.randomUUID() });
  // Menus and custom shops' scripts follow the programs: at install/update/start-up and after changes.
  const refreshPrograms = async () => {
    const customs = await db.programs.toArray();
    await createContextMenus(allPrograms(customs));
    await registerCustomShops(customs);
  };

  browser.runtime.onInstalled.addListener(() => void refreshPrograms());
  browser.runtime.onStartup.addListener(() => void refreshPrograms());
  browser.permissions.onAdded?.addListener(() => void refreshPrograms());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, db, ctx()));
  browser.commands.onCommand.addListener((command) => {
    if (command === 'copy-link') void onCopyCommand();
  });
  if (import.meta.env.REFSHARE_TEST_BUILD === '1') {
    // Test builds only (the production bundle has no such global): e2e tests click menu entries through here,
    // since headless Chromium has no context menu to click.
    Object.assign(globalThis, {
      refshareTest: {
        menuClick: (info: Parameters<typeof onMenuClick>[0], tab: { id?: number }) => onMenuClick(info, tab, db, ctx()),
      },
    });
  }
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(message, sender, {
      db,
      settings: () => loadEngineSettings(uiLocale),
      extensionId: browser.runtime.id,
      extensionOrigin,
      now: Date.now,
      newId: () => crypto.randomUUID(),
      afterChange: (command) => {
        if (PROGRAM_COMMANDS.has(command)) void refreshPrograms();
      },
    }),
  );
});
