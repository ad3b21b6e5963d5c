import { browser, defineBackground } from '#imports';
import { SYNC_SWITCH } from '@/lib/browserSync/keys';
import { runBrowserSync } from '@/lib/browserSync/run';
import { pullDueFeeds } from '@/lib/db/feeds';
import { createLoopRunner } from '@/lib/db/loop';
import { recordNotificationClosed } from '@/lib/db/outbox';
import { openDatabase } from '@/lib/db/schema';
import { t, uiLocale } from '@/lib/i18n/t';
import { dispatch } from '@/lib/messaging/dispatch';
import { setBadge } from '@/lib/platform/badge';
import { createContextMenus } from '@/lib/platform/contextMenus';
import { registerCustomShops } from '@/lib/platform/customScripts';
import { bumpDataVersion } from '@/lib/platform/dataVersion';
import { onNotificationButton, onNotificationClicked } from '@/lib/platform/notificationActions';
import { createNotifier } from '@/lib/platform/notifications';
import { onCopyCommand, onMenuClick } from '@/lib/platform/shopActions';
import { setLinkWording } from '@/lib/referral/linkRefusal';
import { allPrograms } from '@/lib/referral/programs/index';
import { loadEngineSettings, loadSettings } from '@/lib/settings';

/** Commands after which the context menus and custom shops' scripts must follow the programs. */
const PROGRAM_COMMANDS = new Set(['saveCustomProgram', 'deleteCustomProgram', 'importBackup', 'deleteAllData']);
/** Commands that change nothing the background loop reads (pageState comes with every shop page load). */
const READ_COMMANDS = new Set(['listLinks', 'listCustomPrograms', 'pageState', 'syncNow', 'openInvite', 'shareFacts']);
/** Commands that change what the popup's card shows (links, programs): lib/share/popupCard.ts. */
const CARD_COMMANDS = new Set([
  'saveLink',
  'updateLink',
  'deleteLink',
  'setPrimaryLink',
  'saveCustomProgram',
  'deleteCustomProgram',
  'importBackup',
  'deleteAllData',
]);
/** The one periodic alarm. Chrome allows 30 s at the least, Firefox 1 min; reminders need no more than this. */
const SYNC_ALARM = 'refshare-sync';
const SYNC_PERIOD_MINUTES = 1;

/**
 * The background is the only writer of referral data. Everything here is wiring; the worker can be
 * stopped at any moment, so no state lives in globals beyond the database handle and the run queue
 * (a run lost with the worker is simply done by the next alarm: every step is idempotent).
 */
export default defineBackground(() => {
  // Link refusals in the browser's language, from the same messages the pages show.
  setLinkWording((key, subs) => t(key, ...subs));
  const db = openDatabase();
  const extensionOrigin = browser.runtime.getURL('/');
  // The clock every rule reads. Test builds can move it forward (below) to reach a due time without waiting.
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const ctx = () => ({ now: now(), newId: () => crypto.randomUUID() });
  // Menus and custom shops' scripts follow the programs: at install/update/start-up and after changes.
  const refreshPrograms = async () => {
    const customs = await db.programs.toArray();
    await createContextMenus(allPrograms(customs));
    await registerCustomShops(customs);
  };

  // "Sync now" reads every feed; the alarm only those due (a failing feed backs off).
  let readAllFeeds = false;
  const sync = createLoopRunner(db, {
    // The engine's locale and the device's zone, with the user's quiet hours and switches.
    settings: async () => ({ ...(await loadSettings()), ...(await loadEngineSettings(uiLocale)) }),
    ctx,
    // Firefox shows no notification buttons; Chrome does.
    notifier: createNotifier({ buttons: !import.meta.env.FIREFOX }),
    setBadge,
    pullFeeds: (settings, now) => {
      const all = readAllFeeds;
      readAllFeeds = false;
      return pullDueFeeds(db, fetch.bind(globalThis), settings, now, { all });
    },
  });
  const syncNow = () => {
    readAllFeeds = true;
    return sync.run();
  };
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(SYNC_ALARM))) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 0.1 });
    }
  };
  const start = () => {
    void refreshPrograms();
    void ensureAlarm().then(() => sync.run());
  };

  // Browser sync (opt-in): a meeting with storage.sync shortly after any change here or there, one at a time,
  // and at every alarm (which retries what the browser refused).
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  let syncQueue = Promise.resolve();
  const browserSyncSoon = () => {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => {
      syncQueue = syncQueue
        .then(() => runBrowserSync(db, now()))
        // A custom program from another browser gets its menus here; its shop pages once the user grants access.
        .then(async ({ programsChanged }) => {
          if (programsChanged) await refreshPrograms();
        })
        .catch((e) => console.error('RefShare: browser sync', e));
    }, 1500);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' || (area === 'local' && ('settings' in changes || SYNC_SWITCH in changes))) browserSyncSoon();
  });

  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  // A worker woken for any other reason checks the alarm too (it is cheap, and an alarm can be cleared by hand).
  void ensureAlarm();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) {
      void sync.run();
      browserSyncSoon();
    }
  });
  browser.permissions.onAdded?.addListener(() => void refreshPrograms());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, db, ctx()));
  browser.commands.onCommand.addListener((command) => {
    if (command === 'copy-link') void onCopyCommand();
  });

  // A notification's click opens where it is about; its buttons mark the coupon used or snooze it a day.
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(db, id, now()));
  // Closed by the user, or by the browser (its own timeout): finished, never shown again (lib/db/outbox.ts).
  browser.notifications.onClosed.addListener((id, byUser) => void recordNotificationClosed(db, id, byUser, now()));
  browser.notifications.onButtonClicked?.addListener(async (id, index) => {
    await onNotificationButton(db, id, index, ctx());
    void sync.run();
  });

  // Answered through sendResponse (return true): Chrome ignores a returned promise (lib/platform/nativeBrowser.ts).
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const command = (message as { command?: unknown } | null)?.command;
    // A change of links or programs makes the popup's card older than the data, before it starts and once it is done.
    const changes = typeof command === 'string' && CARD_COMMANDS.has(command);
    void (changes ? bumpDataVersion() : Promise.resolve())
      .catch(() => undefined)
      .then(() =>
        dispatch(message, sender, {
          db,
          settings: () => loadEngineSettings(uiLocale),
          sync: syncNow,
          extensionId: browser.runtime.id,
          extensionOrigin,
          now,
          newId: () => crypto.randomUUID(),
          afterChange: (command) => {
            if (CARD_COMMANDS.has(command)) void bumpDataVersion();
            if (PROGRAM_COMMANDS.has(command)) void refreshPrograms();
            // Every change is followed by a run: a coupon that just arrived is announced now, not at the next alarm.
            if (!READ_COMMANDS.has(command)) {
              void sync.run();
              browserSyncSoon();
            }
          },
        }),
      )
      .then(sendResponse);
    return true;
  });

  if (import.meta.env.REFSHARE_TEST_BUILD === '1') {
    // Test builds only (the production bundle has no such global): e2e tests click menu entries through here,
    // since headless Chromium has no context menu to click, and move the clock to a reward's due time.
    Object.assign(globalThis, {
      refshareTest: {
        menuClick: (info: Parameters<typeof onMenuClick>[0], tab: { id?: number }) => onMenuClick(info, tab, db, ctx()),
        advanceClock: (ms: number) => {
          clockOffset += ms;
        },
      },
    });
  }
});
