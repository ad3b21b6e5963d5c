import { encodeText } from '@/lib/referral/text';

/** The share targets the "Share…" menu offers, in display order. */
export const SHARE_CHANNELS = ['whatsapp', 'telegram', 'email', 'sms', 'x', 'facebook'] as const;

export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** Brand names: the same in every language (and the stable names the e2e tests use). */
export const CHANNEL_NAMES: Record<ShareChannel, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'Email',
  sms: 'SMS',
  x: 'X',
  facebook: 'Facebook',
};

/** The text a channel sends: X and SMS take the compact form when there is one (see ShareContent.compactText). */
export function channelText(channel: ShareChannel, content: Pick<ShareContent, 'text' | 'compactText'>): string {
  return channel === 'x' || channel === 'sms' ? (content.compactText ?? content.text) : content.text;
}

/** What is shared: the full text (with the link), the same text without it, the link alone, an email subject. */
export interface ShareContent {
  text: string;
  /** The text with the friend's steps in one line, for channels with limits (X, SMS); absent = `text`. */
  compactText?: string;
  textWithoutLink: string;
  link: string;
  subject: string;
}

const isWebLink = (link: string) => /^https?:\/\//i.test(link);

/**
 * The URL that opens a channel's own share screen with the content filled in, every value
 * encodeURIComponent'ed (by encodeText, so that a lone surrogate in a restored template cannot make the share menu
 * throw). Telegram takes the link and the text separately; Facebook takes only a URL, so there is none (null) when
 * the "link" is a bare invite code.
 */
export function channelUrl(channel: ShareChannel, content: ShareContent): string | null {
  const enc = encodeText;
  switch (channel) {
    case 'whatsapp':
      return `https://wa.me/?text=${enc(content.text)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${enc(content.link)}&text=${enc(content.textWithoutLink)}`;
    case 'email':
      return `mailto:?subject=${enc(content.subject)}&body=${enc(content.text)}`;
    case 'sms':
      // "sms:?&body=" is the form both iOS and Android accept without a recipient.
      return `sms:?&body=${enc(channelText('sms', content))}`;
    case 'x':
      return `https://x.com/intent/post?text=${enc(channelText('x', content))}`;
    case 'facebook':
      return isWebLink(content.link) ? `https://www.facebook.com/sharer/sharer.php?u=${enc(content.link)}` : null;
  }
}
