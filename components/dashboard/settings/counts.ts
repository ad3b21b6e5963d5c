import type { BackupCounts, BackupTable } from '@/lib/backup/format';
import { activeLocale, t } from '@/lib/i18n/t';

const NOUN: Record<BackupTable, string> = {
  links: 'settingsCountLinks',
  programs: 'settingsCountPrograms',
  invites: 'settingsCountInvites',
  events: 'settingsCountEvents',
  coupons: 'settingsCountCoupons',
};
const ORDER: BackupTable[] = ['links', 'programs', 'invites', 'coupons', 'events'];

/** "3 links", "1 invite": a count with its noun, in the plural form the language needs. */
function countOf(table: BackupTable, n: number): string {
  const locale = activeLocale();
  // Intl may say 'many' (Spanish and Portuguese millions); our messages have one and other forms.
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'One' : 'Other';
  return t(`${NOUN[table]}${form}`, new Intl.NumberFormat(locale).format(n));
}

/** "3 links, 120 invites and 2 coupons": the tables with rows, joined as the language joins lists; '' when none. */
export function countList(counts: Partial<BackupCounts>): string {
  const parts = ORDER.filter((table) => (counts[table] ?? 0) > 0).map((table) => countOf(table, counts[table] ?? 0));
  return new Intl.ListFormat(activeLocale(), { type: 'conjunction' }).format(parts);
}
