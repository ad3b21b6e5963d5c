import { isQuotaError, STORAGE_FULL_MESSAGE } from '@/lib/db/quota';
import type { Ctx, Result } from '@/lib/db/result';
import { HANDLERS, type HandlerDeps } from './handlers';
import { PAGE_HANDLERS } from './pageHandlers';
import { PAGE_PROTOCOL } from './pageProtocol';
import { CHANNEL, PROTOCOL, type Reply } from './protocol';
import type { Check } from './shape';

/** The parts of runtime.MessageSender we rely on. */
export interface Sender {
  id?: string;
  url?: string;
  /** Present for content scripts (and extension pages shown in a tab). */
  tab?: { url?: string };
}

export interface DispatchDeps extends HandlerDeps {
  /** This extension's id and page origin (e.g. chrome-extension://<id>/). */
  extensionId: string;
  extensionOrigin: string;
  now: () => number;
  newId: () => string;
  /** Called with the command's name after it succeeded (e.g. to run the background loop, refresh menus). */
  afterChange?: (command: string) => void;
}

type Run = (data: unknown, ctx: Ctx) => Promise<Result<unknown>>;

const refuse = (code: string, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** The web page a content script runs in, when the sender is one of ours on an http(s) page. */
function webPage(sender: Sender): URL | undefined {
  try {
    const url = new URL(sender.url ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the command's checker and handler for this sender: RefShare's own pages may use the full protocol;
 * a content script only the page protocol, acting for the page the browser says it runs in.
 */
function route(
  command: string,
  sender: Sender,
  deps: DispatchDeps,
): { check: Check<unknown>; run: Run } | { error: Reply<never> } {
  if (sender.id !== deps.extensionId) return { error: refuse('forbidden', 'Not sent by RefShare.') };
  if (sender.url?.startsWith(deps.extensionOrigin)) {
    if (!Object.hasOwn(PROTOCOL, command)) return { error: refuse('unknown_command', `Unknown command: ${command}`) };
    const c = command as keyof typeof PROTOCOL;
    // The map pairs each command with its own handler; TypeScript cannot follow that through a union.
    const handler = HANDLERS[c] as (d: unknown, ctx: Ctx, h: HandlerDeps) => Promise<Result<unknown>>;
    return { check: PROTOCOL[c].data, run: (data, ctx) => handler(data, ctx, deps) };
  }
  const page = webPage(sender);
  if (!page) return { error: refuse('forbidden', 'Only RefShare’s own pages may change your data.') };
  if (!Object.hasOwn(PAGE_PROTOCOL, command)) {
    return { error: refuse('forbidden', 'Content scripts may not send that command.') };
  }
  const c = command as keyof typeof PAGE_PROTOCOL;
  const handler = PAGE_HANDLERS[c] as (d: unknown, p: URL, ctx: Ctx, h: HandlerDeps) => Promise<Result<unknown>>;
  return { check: PAGE_PROTOCOL[c].data, run: (data, ctx) => handler(data, page, ctx, deps) };
}

/**
 * Checks and runs one message. The sender must be this extension (its own pages get the full protocol; its
 * content scripts, which run beside untrusted pages, only the page protocol); the envelope and payload must
 * have the declared shape. Anything else gets an error reply and changes nothing. Handler failures are caught
 * and reported, so the caller always gets an answer.
 */
export async function dispatch(message: unknown, sender: Sender, deps: DispatchDeps): Promise<Reply<unknown>> {
  if (sender.id !== deps.extensionId) return refuse('forbidden', 'Only RefShare may change your data.');
  if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== CHANNEL) {
    return refuse('bad_request', 'Not a RefShare message.');
  }
  const { command, data } = message as { command?: unknown; data?: unknown };
  if (typeof command !== 'string') return refuse('unknown_command', 'The message names no command.');
  const routed = route(command.slice(0, 60), sender, deps);
  if ('error' in routed) return routed.error;
  const checked = routed.check(data, 'data');
  if (!checked.ok) return refuse('bad_request', checked.message);
  try {
    const result = await routed.run(checked.value, { now: deps.now(), newId: deps.newId });
    if (!result.ok) {
      const { ok: _, code, message, ...extras } = result;
      return { ok: false, error: { code, message, ...extras } };
    }
    deps.afterChange?.(command);
    return { ok: true, value: result.value };
  } catch (e) {
    console.error('RefShare: command failed', command, e);
    // Each command writes in one transaction, so a refused write leaves the database as it was, and usable.
    if (isQuotaError(e)) return refuse('storage_full', STORAGE_FULL_MESSAGE);
    return refuse('internal', 'Something went wrong; nothing was changed.');
  }
}
