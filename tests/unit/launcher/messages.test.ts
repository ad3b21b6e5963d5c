// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CHANNEL } from '@/lib/launcher/channel';
import { acceptPanelMessage, launcherRequest } from '@/lib/launcher/messages';
import { CHANNEL as PROTOCOL_CHANNEL } from '@/lib/messaging/protocol';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const panel = {} as Window;
const pageWindow = {} as Window;
const from = (source: unknown, origin: string, data: unknown) => ({ source, origin, data });

describe('messages the launcher accepts', () => {
  it('uses the protocol’s channel name', () => {
    expect(CHANNEL).toBe(PROTOCOL_CHANNEL);
  });

  it('accepts "close" and "resize" from our panel frame at the extension’s origin', () => {
    expect(acceptPanelMessage(from(panel, EXT, { channel: CHANNEL, event: 'close' }), panel, EXT)).toEqual({
      event: 'close',
    });
    expect(
      acceptPanelMessage(from(panel, EXT, { channel: CHANNEL, event: 'resize', height: 412.4 }), panel, EXT),
    ).toEqual({ event: 'resize', height: 413 });
  });

  it.each([
    [
      'the page itself (window.postMessage)',
      from(pageWindow, 'https://www.aliexpress.com', { channel: CHANNEL, event: 'close' }),
    ],
    ['another frame at the extension’s origin', from(pageWindow, EXT, { channel: CHANNEL, event: 'close' })],
    [
      'our frame navigated to another origin',
      from(panel, 'https://evil.example', { channel: CHANNEL, event: 'close' }),
    ],
    [
      'another extension',
      from(panel, 'chrome-extension://otherotherotherotherotherother', { channel: CHANNEL, event: 'close' }),
    ],
    ['our frame, another channel', from(panel, EXT, { channel: 'other', event: 'close' })],
    ['our frame, no channel', from(panel, EXT, { event: 'close' })],
    ['our frame, an unknown event', from(panel, EXT, { channel: CHANNEL, event: 'openPanel' })],
    ['our frame, a string', from(panel, EXT, 'close')],
    ['our frame, null', from(panel, EXT, null)],
    ['our frame, resize without a height', from(panel, EXT, { channel: CHANNEL, event: 'resize' })],
    ['our frame, a negative height', from(panel, EXT, { channel: CHANNEL, event: 'resize', height: -1 })],
    ['our frame, an absurd height', from(panel, EXT, { channel: CHANNEL, event: 'resize', height: 1e9 })],
    ['our frame, NaN height', from(panel, EXT, { channel: CHANNEL, event: 'resize', height: Number.NaN })],
    ['our frame, a height as text', from(panel, EXT, { channel: CHANNEL, event: 'resize', height: '400' })],
  ])('ignores a message from %s', (_what, event) => {
    expect(acceptPanelMessage(event, panel, EXT)).toBeNull();
  });

  it('ignores everything while no panel is open (no frame to compare with)', () => {
    const message = from(null, EXT, { channel: CHANNEL, event: 'close' });
    expect(acceptPanelMessage(message, null, EXT)).toBeNull();
    expect(acceptPanelMessage(message, undefined, EXT)).toBeNull();
  });

  it('takes openPanel and copyLink from the background, and nothing else', () => {
    expect(launcherRequest({ channel: CHANNEL, event: 'openPanel' })).toBe('openPanel');
    expect(launcherRequest({ channel: CHANNEL, event: 'copyLink' })).toBe('copyLink');
    for (const other of [
      { channel: CHANNEL, event: 'close' },
      { channel: CHANNEL, command: 'pageState', data: {} },
      { channel: 'x', event: 'openPanel' },
      { event: 'openPanel' },
      'openPanel',
      null,
      undefined,
      42,
    ]) {
      expect(launcherRequest(other)).toBeNull();
    }
  });
});
