import { browser } from 'wxt/browser';
import { say, t } from '@/lib/i18n/t';
import { CHANNEL, type Command, type CommandData, type CommandReply, type Reply } from './protocol';

/** Waits before asking again: the browser starts a stopped worker on the next message. */
const RETRY_DELAYS_MS = [100, 400, 1500];

/**
 * Every command may be sent again when no answer came (the worker was stopped mid-way, and the browser closed the
 * message channel): each is idempotent — keyed writes, "replace rows with the same id", deletes — except recording a
 * share without the page's `shareId`, which would record a second invite.
 */
function repeatable(command: Command, data: unknown): boolean {
  return command !== 'recordShare' || (data as { shareId?: string }).shareId !== undefined;
}

/** Sends the command; when the channel closes without an answer, sends it again (see repeatable), a few times. */
async function ask<C extends Command>(command: C, data: CommandData<C>): Promise<Reply<CommandReply<C>> | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage({ channel: CHANNEL, command, data })) as
        | Reply<CommandReply<C>>
        | undefined;
      if (reply !== undefined || attempt >= RETRY_DELAYS_MS.length || !repeatable(command, data)) return reply;
    } catch (e) {
      if (attempt >= RETRY_DELAYS_MS.length || !repeatable(command, data)) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
}

/**
 * Asks the background (the only writer) to do something. Always resolves: a refusal or a worker that
 * cannot be reached comes back as `{ ok: false, error }`, with a message fit to show the user.
 */
export async function sendCommand<C extends Command>(
  command: C,
  data: CommandData<C>,
): Promise<Reply<CommandReply<C>>> {
  try {
    const reply = await ask<C>(command, data);
    if (!reply) return { ok: false, error: { code: 'internal', message: t('errorNoAnswer') } };
    // The one refusal a person can act on outside RefShare, in their language (the background speaks English).
    if (!reply.ok && reply.error.code === 'storage_full') {
      return { ok: false, error: { ...reply.error, message: t('errorStorageFull') } };
    }
    // A refusal the background can word in every language (a link check's) is shown in the user's.
    if (!reply.ok && reply.error.say)
      return { ok: false, error: { ...reply.error, message: say(reply.error.say, reply.error.message) } };
    return reply;
  } catch (e) {
    // Asked again and again without an answer; the browser's own words are for the console, not the person.
    console.warn('RefShare: no answer from the background', command, e);
    return { ok: false, error: { code: 'internal', message: t('errorNoAnswer') } };
  }
}
