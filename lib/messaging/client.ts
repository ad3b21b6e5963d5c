import { browser } from 'wxt/browser';
import { say, t } from '@/lib/i18n/t';
import { CHANNEL, type Command, type CommandData, type CommandReply, type Reply } from './protocol';

/**
 * Asks the background (the only writer) to do something. Always resolves: a refusal or a worker that
 * cannot be reached comes back as `{ ok: false, error }`, with a message fit to show the user.
 */
export async function sendCommand<C extends Command>(
  command: C,
  data: CommandData<C>,
): Promise<Reply<CommandReply<C>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ channel: CHANNEL, command, data })) as
      | Reply<CommandReply<C>>
      | undefined;
    if (!reply) return { ok: false, error: { code: 'internal', message: 'RefShare’s background did not answer.' } };
    // The one refusal a person can act on outside RefShare, in their language (the background speaks English).
    if (!reply.ok && reply.error.code === 'storage_full') {
      return { ok: false, error: { ...reply.error, message: t('errorStorageFull') } };
    }
    // A refusal the background can word in every language (a link check's) is shown in the user's.
    if (!reply.ok && reply.error.say)
      return { ok: false, error: { ...reply.error, message: say(reply.error.say, reply.error.message) } };
    return reply;
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `RefShare’s background is unavailable: ${String(e)}` } };
  }
}
