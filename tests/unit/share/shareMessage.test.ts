import { describe, expect, it } from 'vitest';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { shareMessage } from '@/lib/share/shareMessage';

const link = { url: 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9', code: 'IN7XK2P9' };

describe('shareMessage', () => {
  it('fills link, program, perk and nickname', () => {
    expect(shareMessage(aliexpress.shareTexts.en, aliexpress, link, 'Ana').text).toBe(
      `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${link.url}`,
    );
  });

  it('drops the nickname cleanly when there is none (blank counts as none)', () => {
    expect(shareMessage(aliexpress.shareTexts.en, aliexpress, link, '  ').text).toBe(
      `Hi, join AliExpress with my invite link and get new-user coupons on your first order: ${link.url}`,
    );
  });

  it('gives the text without the link and without the dangling colon', () => {
    expect(shareMessage(aliexpress.shareTexts.en, aliexpress, link).textWithoutLink).toBe(
      'Hi, join AliExpress with my invite link and get new-user coupons on your first order',
    );
  });

  it('fills {code} and keeps user text literally', () => {
    const { text } = shareMessage(
      'Code {code} for {nickname}',
      aliexpress,
      link,
      '<img src=x onerror=alert(1)> {link}',
    );
    expect(text).toBe('Code IN7XK2P9 for <img src=x onerror=alert(1)> {link}');
  });
});
