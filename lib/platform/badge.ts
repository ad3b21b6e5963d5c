import { browser } from 'wxt/browser';

/** The badge's background: the dashboard's accent colour (components/theme.css). */
const BADGE_COLOUR = '#0b6e75';

/** Set once per worker life: the colour lasts the browser session, and a restarted worker just sets it again. */
let coloured = false;

/**
 * Puts the number of unseen coupons on the toolbar button; nothing at 0. MV3 has `action`, Firefox's MV2 build
 * `browserAction`.
 */
export async function setBadge(count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!coloured) {
    await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
    coloured = true;
  }
  await action.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
}
