import type { Locale, ProgramRules } from './types';

/** Shared vocabulary of the engine's user-facing sentences, in the three supported locales. */
const KIND: Record<ProgramRules['rewardKind'], Record<Locale, string>> = {
  coupon: { en: 'coupon', es: 'cupón', pt: 'cupom' },
  credit: { en: 'credit', es: 'crédito', pt: 'crédito' },
  cash: { en: 'cash reward', es: 'recompensa en efectivo', pt: 'recompensa em dinheiro' },
  points: { en: 'points', es: 'puntos', pt: 'pontos' },
};

/** The reward's noun in lower case ("coupon", "crédito"). */
export function kindWord(kind: ProgramRules['rewardKind'], locale: Locale): string {
  return KIND[kind][locale];
}

/** First letter in upper case, for a word starting a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "Ana" or the locale's neutral words for the invited friend (nicknames are optional). */
export function friend(nickname: string | undefined, locale: Locale): string {
  if (nickname) return nickname;
  return locale === 'es' ? 'la persona invitada' : locale === 'pt' ? 'a pessoa convidada' : 'your friend';
}

/** Possessive form: "Ana's" / "your friend's"; "de Ana" / "de la persona invitada"; "de Ana" / "da pessoa convidada". */
export function friendsOf(nickname: string | undefined, locale: Locale): string {
  if (locale === 'en') return nickname ? `${nickname}'s` : "your friend's";
  if (locale === 'es') return `de ${friend(nickname, locale)}`;
  return nickname ? `de ${nickname}` : 'da pessoa convidada';
}

/** An amount in its currency, e.g. "US$3.50"; falls back to "3.5 XYZ" for a code Intl does not know. */
export function money(value: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}
