import { MAX_TEMPLATE } from '@/lib/backup/settingsCheck';
import { t } from '@/lib/i18n/t';
import { firstControlChar } from '@/lib/referral/text';
import type { Locale, ProgramId } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';

/** The variables a share template may use, in the order the help lists them. */
export const TEMPLATE_VARIABLES = [
  'link',
  'code',
  'program',
  'perk',
  'nickname',
  'steps',
  'friendsJoined',
  'couponsEarned',
] as const;

/** Why a template cannot be saved (translated), or undefined when it can. */
export function templateProblem(text: string): string | undefined {
  if (text.trim() === '' || !text.includes('{link}')) return t('settingsTemplateNoLink');
  if (text.length > MAX_TEMPLATE) return t('settingsTemplateTooLong', MAX_TEMPLATE);
  // Line breaks and tabs are fine in a message; other invisible characters disguise what is sent.
  const control = firstControlChar(text.replace(/[\n\t]/g, ''));
  if (control) return t('settingsTemplateControl', control);
  return undefined;
}

/**
 * The templates map with one entry set (`text`) or removed (undefined). Empty program entries are dropped, so
 * "Reset to default" leaves no trace.
 */
export function withTemplate(
  templates: AppSettings['templates'],
  programId: ProgramId,
  locale: Locale,
  text: string | undefined,
): AppSettings['templates'] {
  const forProgram = { ...templates[programId] };
  if (text === undefined) delete forProgram[locale];
  else forProgram[locale] = text;
  const next = { ...templates };
  if (Object.keys(forProgram).length === 0) delete next[programId];
  else next[programId] = forProgram;
  return next;
}
