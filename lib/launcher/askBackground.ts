import type { PageCommandData, PageCommandReply } from '@/lib/messaging/pageProtocol';
import { CHANNEL } from './channel';
import { browser } from './extensionApi';

type LauncherCommand = 'pageState' | 'muteSite';

/**
 * Asks the background one of the page commands (lib/messaging/pageProtocol.ts). Resolves to the reply's value,
 * or undefined when the background refused, did not answer, or cannot be reached because the extension was
 * reloaded or updated under this page (sendMessage then throws "Extension context invalidated"): the launcher
 * stays quiet in all those cases rather than show an error on someone else's page.
 */
export async function askBackground<C extends LauncherCommand>(
  command: C,
  data: PageCommandData<C>,
): Promise<PageCommandReply<C> | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage({ channel: CHANNEL, command, data })) as
      | { ok: true; value: PageCommandReply<C> }
      | { ok: false }
      | undefined;
    return reply?.ok ? reply.value : undefined;
  } catch {
    return undefined;
  }
}
