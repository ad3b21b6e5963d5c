import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelUrl, SHARE_CHANNELS, type ShareContent } from '@/lib/share/channelUrls';

const link = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE';
const content: ShareContent = {
  text: `Hi Ana & Bo, join AliExpress: ${link}`,
  textWithoutLink: 'Hi Ana & Bo, join AliExpress',
  link,
  subject: 'Join AliExpress #1',
};
const enc = encodeURIComponent;

describe('channelUrl', () => {
  it.each([
    ['whatsapp', `https://wa.me/?text=${enc(content.text)}`],
    ['telegram', `https://t.me/share/url?url=${enc(link)}&text=${enc(content.textWithoutLink)}`],
    ['email', `mailto:?subject=${enc(content.subject)}&body=${enc(content.text)}`],
    ['sms', `sms:?&body=${enc(content.text)}`],
    ['x', `https://x.com/intent/post?text=${enc(content.text)}`],
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${enc(link)}`],
  ] as const)('%s', (channel, expected) => {
    expect(channelUrl(channel, content)).toBe(expected);
  });

  it('sends the compact text (the steps in one line) to X and SMS, the full text elsewhere', () => {
    const steps = {
      ...content,
      text: `${content.text}\n1. Open the link\n2. Sign up`,
      compactText: `${content.text}\nOpen the link, sign up.`,
    };
    expect(new URL(channelUrl('x', steps) ?? '').searchParams.get('text')).toBe(steps.compactText);
    expect(decodeURIComponent(channelUrl('sms', steps)?.split('body=')[1] ?? '')).toBe(steps.compactText);
    expect(new URL(channelUrl('whatsapp', steps) ?? '').searchParams.get('text')).toBe(steps.text);
    expect(decodeURIComponent(channelUrl('email', steps)?.split('body=')[1] ?? '')).toBe(steps.text);
  });

  it('encodes every reserved character, so the text cannot add parameters', () => {
    const url = channelUrl('whatsapp', { ...content, text: 'a&b=c?d#e f+g%h\nnew line' });
    expect(url).toBe('https://wa.me/?text=a%26b%3Dc%3Fd%23e%20f%2Bg%25h%0Anew%20line');
    expect(new URL(url ?? '').searchParams.get('text')).toBe('a&b=c?d#e f+g%h\nnew line');
  });

  it('round-trips non-Latin and right-to-left text', () => {
    const text = `مرحبا 😀 日本 ${link}`;
    const url = new URL(channelUrl('x', { ...content, text }) ?? '');
    expect(url.searchParams.get('text')).toBe(text);
  });

  it('offers no Facebook share for a bare invite code (Facebook takes only a URL)', () => {
    expect(channelUrl('facebook', { ...content, link: 'INABCD12', text: 'code INABCD12' })).toBeNull();
    expect(channelUrl('telegram', { ...content, link: 'INABCD12' })).toBe(
      `https://t.me/share/url?url=INABCD12&text=${enc(content.textWithoutLink)}`,
    );
  });

  it('names every channel with its brand name', () => {
    expect(SHARE_CHANNELS.map((c) => CHANNEL_NAMES[c])).toEqual([
      'WhatsApp',
      'Telegram',
      'Email',
      'SMS',
      'X',
      'Facebook',
    ]);
  });
});
