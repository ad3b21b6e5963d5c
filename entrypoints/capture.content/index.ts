import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import { CHANNEL, type Reply } from '@/lib/messaging/protocol';
import { capturePatterns, captureTarget, requestedTarget } from '@/lib/statusSources/capturePages';
import { CAPTURE_REQUEST_KEY, isCaptureKind } from '@/lib/statusSources/captureRequest';
import { captureInvite, importCoupons, type SendPageCommand, type Translate } from '@/lib/statusSources/runCapture';
import { mountCaptureBar } from './captureBar';

/** WXT types getMessage from public/_locales; ours are merged at build time, so keys are plain strings. */
const t: Translate = (key, ...subs) =>
  (browser.i18n.getMessage as (key: string, subs?: string[]) => string)(key, subs.map(String)) || key;

const send: SendPageCommand = async (command, data) => {
  const reply = (await browser.runtime.sendMessage({ channel: CHANNEL, command, data })) as Reply<never> | undefined;
  if (!reply) throw new Error('No answer from the background');
  return reply;
};

/** The request the background left before injecting this script from the context menu (read once). */
function takeRequest(): unknown {
  const scope = globalThis as Record<string, unknown>;
  const kind = scope[CAPTURE_REQUEST_KEY];
  delete scope[CAPTURE_REQUEST_KEY];
  return kind;
}

/**
 * Program-page capture: on a program's own invite or coupon page (and nowhere else), a button that saves the
 * invite link or imports the coupons shown. Nothing on the page is read until the user clicks it.
 * The same script is injected on demand from the context menu on any page of a program's shopping sites
 * (activeTab: only in the tab where the user clicked); it then reads the page at once, the menu click being
 * the user's request.
 */
export default defineContentScript({
  matches: capturePatterns(),
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "script started" note carrying the extension's id to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const requested = takeRequest();
    const target = isCaptureKind(requested) ? requestedTarget(location.href, requested) : captureTarget(location.href);
    if (!target) return;
    const { adapter, kind } = target;
    const host = mountCaptureBar(
      document,
      {
        region: t('captureRegion'),
        action: t(kind === 'invite' ? 'captureSaveLink' : 'captureImportCoupons'),
        hint: t('captureReadsOnClick'),
        working: t('captureWorking'),
        close: t('captureClose'),
        noAnswer: t('captureNoAnswer'),
      },
      () =>
        kind === 'invite'
          ? captureInvite(document, adapter, send, t)
          : importCoupons(document, adapter, Date.now(), send, t),
      { start: isCaptureKind(requested) },
    );
    ctx.onInvalidated(() => host.remove());
  },
});
