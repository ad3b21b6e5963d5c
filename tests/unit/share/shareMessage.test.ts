import { describe, expect, it } from 'vitest';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { shareMessage, stepsText } from '@/lib/share/shareMessage';

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

  describe("with the friend's steps", () => {
    const steps = stepsText({
      steps: ['Open this link', 'Sign up as a new user'],
      compact: 'Open this link and sign up.',
    });

    it('numbers the steps on lines of their own after the link in the default template', () => {
      const message = shareMessage(aliexpress.shareTexts.en, aliexpress, link, 'Ana', steps);
      expect(message.text).toBe(
        `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${link.url}\n1. Open this link\n2. Sign up as a new user`,
      );
      expect(message.compactText).toBe(
        `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${link.url}\nOpen this link and sign up.`,
      );
    });

    it('keeps the steps for a channel that takes the link apart, and drops them for a snippet that adds its own', () => {
      const message = shareMessage(aliexpress.shareTexts.en, aliexpress, link, 'Ana', steps);
      expect(message.textWithoutLink).toBe(
        'Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order\n1. Open this link\n2. Sign up as a new user',
      );
      expect(message.textWithoutLinkOrSteps).toBe(
        'Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order',
      );
    });

    it('leaves no empty line where a program has no steps', () => {
      const message = shareMessage(aliexpress.shareTexts.en, aliexpress, link, 'Ana');
      expect(message.text).toBe(
        `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${link.url}`,
      );
      expect(message.compactText).toBe(message.text);
    });

    it('adds nothing to a template without {steps}', () => {
      const message = shareMessage('Join: {link}', aliexpress, link, undefined, steps);
      expect(message.text).toBe(`Join: ${link.url}`);
      expect(message.textWithoutLink).toBe('Join');
    });
  });
});
