import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendCommand } from '@/lib/messaging/client';

/** The fake browser types sendMessage as returning nothing; the background answers with a reply object. */
const answer = (reply: unknown) => reply as undefined;

/** What Chrome rejects with when the worker is stopped before it answers. */
const CLOSED = new Error('The message port closed before a response was received.');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('sendCommand when the worker stops before answering', () => {
  it('sends the same request again and returns the answer that came', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(CLOSED)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(answer({ ok: true, value: { id: 'click-1' } }));
    const data = { linkId: 'l1', channel: 'sms' as const, shareId: 'click-1' };
    expect(await sendCommand('recordShare', data)).toEqual({ ok: true, value: { id: 'click-1' } });
    expect(send).toHaveBeenCalledTimes(3);
    for (const call of send.mock.calls)
      expect(call[0]).toEqual({ channel: 'refshare/v1', command: 'recordShare', data });
  });

  it('gives up after a few tries with a message to show', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(CLOSED);
    const reply = await sendCommand('syncNow', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!reply.ok && reply.error.message).toBe(
      'RefShare’s background did not answer, so this may not have been saved. Try again in a moment.',
    );
    expect(send).toHaveBeenCalledTimes(4);
    expect(warn).toHaveBeenCalledOnce();
  }, 10_000);

  it('a share without the page’s shareId is never sent twice (it would record a second invite)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(CLOSED);
    expect((await sendCommand('recordShare', { linkId: 'l1', channel: 'sms' })).ok).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a refusal is an answer: not sent again', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue(answer({ ok: false, error: { code: 'not_found', message: 'That link no longer exists.' } }));
    expect(await sendCommand('deleteLink', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
