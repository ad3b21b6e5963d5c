import type { Ctx } from '@/lib/db/result';
import { HANDLERS, type HandlerDeps } from './handlers';
import { CHANNEL, type Command, PROTOCOL, type Reply } from './protocol';

/** The parts of runtime.MessageSender we rely on. */
export interface Sender {
  id?: string;
  url?: string;
}

export interface DispatchDeps extends HandlerDeps {
  /** This extension's id and page origin (e.g. chrome-extension://<id>/). */
  extensionId: string;
  extensionOrigin: string;
  now: () => number;
  newId: () => string;
  /** Called after a command that may have changed data (e.g. to run the sync loop, refresh the badge). */
  afterChange?: () => void;
}

const refuse = (code: string, message: string): Reply<never> => ({ ok: false, error: { code, message } });

const isCommand = (name: unknown): name is Command =>
  typeof name === 'string' && Object.hasOwn(PROTOCOL, name) && Object.hasOwn(HANDLERS, name);

/**
 * Checks and runs one message. The sender must be this extension's own page (content scripts run beside
 * untrusted pages and get no write commands); the envelope and payload must have the declared shape.
 * Anything else gets an error reply and changes nothing. Handler failures are caught and reported, so
 * the caller always gets an answer.
 */
export async function dispatch(message: unknown, sender: Sender, deps: DispatchDeps): Promise<Reply<unknown>> {
  if (sender.id !== deps.extensionId || !sender.url?.startsWith(deps.extensionOrigin)) {
    return refuse('forbidden', 'Only RefShare’s own pages may change your data.');
  }
  if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== CHANNEL) {
    return refuse('bad_request', 'Not a RefShare message.');
  }
  const { command, data } = message as { command?: unknown; data?: unknown };
  if (!isCommand(command)) return refuse('unknown_command', `Unknown command: ${String(command).slice(0, 40)}`);
  const checked = PROTOCOL[command].data(data, 'data');
  if (!checked.ok) return refuse('bad_request', checked.message);
  const ctx: Ctx = { now: deps.now(), newId: deps.newId };
  try {
    // The map pairs each command with its own handler; TypeScript cannot follow that through a union.
    const handler = HANDLERS[command] as (d: unknown, c: Ctx, h: HandlerDeps) => ReturnType<(typeof HANDLERS)[Command]>;
    const result = await handler(checked.value, ctx, deps);
    if (!result.ok) return refuse(result.code, result.message);
    deps.afterChange?.();
    return { ok: true, value: result.value };
  } catch (e) {
    console.error('RefShare: command failed', command, e);
    return refuse('internal', 'Something went wrong; nothing was changed.');
  }
}
