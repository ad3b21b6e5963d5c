import { linkRefusal } from '../linkRefusal';
import { HOUR } from '../time';
import type { CustomProgramData, Program } from '../types';
import { matchLinkPattern, splitLinkPattern } from './linkPattern';

const TEXTS_WITH_PERK = {
  en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}',
  es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue {perk}: {link}',
  pt: 'Oi {nickname}, entre no {program} com o meu link de convite e ganhe {perk}: {link}',
};
const TEXTS_WITHOUT_PERK = {
  en: 'Hi {nickname}, join {program} with my invite link: {link}',
  es: 'Hola {nickname}, únete a {program} con mi enlace de invitación: {link}',
  pt: 'Oi {nickname}, entre no {program} com o meu link de convite: {link}',
};

/** Builds a program from what the user entered. Stored data that no longer validates recognises no link. */
export function customProgram(data: CustomProgramData): Program {
  const pattern = splitLinkPattern(data.linkPattern);
  const perk = data.perkText?.trim() ?? '';
  return {
    id: data.id,
    name: data.name,
    shoppingHosts: data.shoppingHosts.map((host) => `*://${host}/*`),
    pages: {},
    linkHosts: 'error' in pattern ? [] : [pattern.host],
    rules: {
      version: 1,
      rewardKind: 'coupon',
      rewardDelayMs: data.rewardDelayHours * HOUR,
      perkText: perk,
      eligibilityText: "As described in the program's own terms",
      // Most programs pay only for orders that are kept; the user can still record what really happened.
      cancelledOrderVoidsReward: true,
      monthlyCap: data.monthlyCap,
    },
    shareTexts: perk ? { ...TEXTS_WITH_PERK } : { ...TEXTS_WITHOUT_PERK },
    linkExamples: [data.linkPattern.trim().replace('{code}', 'ABC123')],
    friendSteps: data.friendSteps,
    recognise(input) {
      // The user's program has no known code format, so a bare code could be anything: links only.
      if (typeof input === 'string' || 'error' in pattern) return null;
      const code = matchLinkPattern(pattern, input);
      if (code !== undefined) return { ok: true, code, kind: 'url' };
      return linkRefusal('not_an_invite_link', 'linkErrCustom', data.name, data.linkPattern.trim());
    },
  };
}
