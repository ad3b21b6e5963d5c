import { browser } from 'wxt/browser';
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
    return reply ?? { ok: false, error: { code: 'internal', message: 'RefShare’s background did not answer.' } };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `RefShare’s background is unavailable: ${String(e)}` } };
  }
}
