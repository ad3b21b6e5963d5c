import { afterEach, describe, expect, it } from 'vitest';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { setMessages } from '@/lib/i18n/t';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { shareMessage } from '@/lib/share/shareMessage';
import { proofVars } from '@/lib/share/socialProof';

const messages = mergeLocales(localesDir(process.cwd()));
const speak = (locale: 'en' | 'es' | 'pt') => setMessages(messages[locale] ?? null, locale);
const link = { url: 'https://a.aliexpress.com/_mKjL9Cq' };
const TEMPLATE = 'Join {program}: {link}\n{friendsJoined} {couponsEarned}';

describe('social proof variables', () => {
  afterEach(() => setMessages(null));

  it('say nothing while the counts are 0 or unknown: the line goes, nothing is made up', () => {
    for (const facts of [undefined, { friendsJoined: 0, couponsEarned: 0 }]) {
      expect(shareMessage(TEMPLATE, aliexpress, link, undefined, undefined, proofVars(facts)).text).toBe(
        `Join AliExpress: ${link.url}`,
      );
    }
  });

  it("say the user's own counts, singular and plural", () => {
    speak('en');
    expect(proofVars({ friendsJoined: 1, couponsEarned: 0 })).toEqual({
      friendsJoined: '1 friend already joined through my link.',
    });
    expect(
      shareMessage(TEMPLATE, aliexpress, link, undefined, undefined, proofVars({ friendsJoined: 3, couponsEarned: 2 }))
        .text,
    ).toBe(
      `Join AliExpress: ${link.url}\n3 friends already joined through my link. My invites have already earned 2 coupons.`,
    );
  });

  it('speak the UI language (es, pt)', () => {
    speak('es');
    expect(proofVars({ friendsJoined: 3, couponsEarned: 1 })).toEqual({
      friendsJoined: '3 amigos ya se unieron con mi enlace.',
      couponsEarned: 'Mis invitaciones ya me dieron 1 cupón.',
    });
    speak('pt');
    expect(proofVars({ friendsJoined: 1, couponsEarned: 4 }).couponsEarned).toBe(
      'Meus convites já me renderam 4 cupons.',
    );
  });
});
