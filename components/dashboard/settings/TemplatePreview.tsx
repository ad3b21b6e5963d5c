import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '@/components/hooks/useDb';
import { activeLocale, t } from '@/lib/i18n/t';
import { parseLink } from '@/lib/referral/links';
import { measureForChannel, renderShareText } from '@/lib/referral/shareText';
import type { Program } from '@/lib/referral/types';

interface Props {
  template: string;
  program: Program;
}

/** The program's primary link (live), or, while the user has none, the program's own example link. */
function usePreviewLink(program: Program): { link: { url: string; code?: string }; example: boolean } {
  const db = useDb();
  const primary = useLiveQuery(
    () => db.links.where('[programId+primary]').equals([program.id, 1]).first(),
    [db, program.id],
  );
  if (primary) return { link: primary, example: false };
  const url = program.linkExamples[0] ?? '';
  const parsed = parseLink(url, [program]);
  return { link: { url, ...(parsed.ok && parsed.link.code ? { code: parsed.link.code } : {}) }, example: true };
}

const plural = (n: number) => (new Intl.PluralRules(activeLocale()).select(n) === 'one' ? 'One' : 'Other');

/**
 * The share text as a friend would receive it (rendered as text, never HTML), with the lengths that matter
 * where messages are short: X (URLs count 23) and SMS (characters and the number of messages it splits into).
 */
export function TemplatePreview({ template, program }: Props) {
  const { link, example } = usePreviewLink(program);
  const nickname = t('settingsPreviewNickname');
  const text = renderShareText(template, {
    link: link.url,
    ...(link.code ? { code: link.code } : {}),
    program: program.name,
    perk: program.rules.perkText,
    nickname,
  });
  const x = measureForChannel(text, 'x');
  const sms = measureForChannel(text, 'sms');
  const smsSegments = sms.segments ?? 1;
  return (
    <div className="settings-preview">
      <h3 id="settings-preview-heading">{t('settingsPreview')}</h3>
      <p className="muted settings-hint">
        {t(example ? 'settingsPreviewExample' : 'settingsPreviewYourLink', nickname)}
      </p>
      <p className="settings-preview-text user-text" data-testid="template-preview">
        {text}
      </p>
      <ul className="settings-counters" aria-label={t('settingsCounters')}>
        <li className={x.fits ? '' : 'over'}>
          {t('settingsCounterX', x.length, x.limit ?? 280)}
          {!x.fits && ` — ${t('settingsCounterXOver')}`}
        </li>
        <li className={smsSegments > 1 ? 'over' : ''}>
          {t(`settingsCounterSms${plural(smsSegments)}`, sms.length, smsSegments)}
          {sms.encoding === 'UCS-2' && ` — ${t('settingsCounterSmsUnicode')}`}
        </li>
      </ul>
    </div>
  );
}
