import type { PageCommand, PageCommandData, PageCommandReply } from '@/lib/messaging/pageProtocol';
import type { Reply } from '@/lib/messaging/protocol';
import type { PageAdapter } from './adapters/types';

/** Sends one page command to the background (the only writer) and returns its reply. */
export type SendPageCommand = <C extends PageCommand>(
  command: C,
  data: PageCommandData<C>,
) => Promise<Reply<PageCommandReply<C>>>;

/** Translates a key of the `capture` locale area, substituting $1…. */
export type Translate = (key: string, ...subs: (string | number)[]) => string;

/** What the capture button shows after a click: a confirmation, or why nothing was saved. */
export interface CaptureOutcome {
  ok: boolean;
  text: string;
}

/** The page protocol takes at most this many coupons per message. */
const BATCH = 100;

/**
 * "Save this link to RefShare": reads the invite link off the page (only now, after the user's click) and
 * asks the background to save it. The background checks the link again and that the page is the program's.
 */
export async function captureInvite(
  doc: ParentNode,
  adapter: PageAdapter,
  send: SendPageCommand,
  t: Translate,
): Promise<CaptureOutcome> {
  const found = adapter.findInviteLink(doc);
  if (!found.ok) return { ok: false, text: found.say ? t(found.say.key, ...found.say.subs) : t('captureNoLink') };
  const reply = await send('captureLink', { input: found.input });
  if (reply.ok) return { ok: true, text: t('captureSaved') };
  const { say, message } = reply.error;
  return { ok: false, text: say ? t(say.key, ...say.subs) : message };
}

/**
 * "Import these coupons": reads the coupon cards (after the click) and adds them to the wallet. The same
 * coupon imported twice is one coupon; the reply says which were already there.
 */
export async function importCoupons(
  doc: ParentNode,
  adapter: PageAdapter,
  now: number,
  send: SendPageCommand,
  t: Translate,
): Promise<CaptureOutcome> {
  const found = adapter.findCoupons(doc, now);
  if (!found.ok) return { ok: false, text: t('captureNoCoupons') };
  let added = 0;
  let existing = 0;
  for (let i = 0; i < found.coupons.length; i += BATCH) {
    const reply = await send('importCoupons', { coupons: found.coupons.slice(i, i + BATCH) });
    if (!reply.ok) return { ok: false, text: reply.error.message };
    added += reply.value.added.length;
    existing += reply.value.existing.length;
  }
  const head = added === 1 ? t('captureImportedOne') : t('captureImported', added);
  const notes = [
    existing > 0 ? t('captureAlreadyInWallet', existing) : '',
    found.skipped > 0 ? t('captureUnreadable', found.skipped) : '',
  ].filter((n) => n !== '');
  return { ok: true, text: notes.length > 0 ? `${head} (${notes.join(', ')})` : head };
}
