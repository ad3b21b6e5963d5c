import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '@/components/hooks/useDb';
import { activeLocale, t } from '@/lib/i18n/t';
import { parseLink } from '@/lib/referral/links';
import { friendStepsFor } from '@/lib/referral/programs/friendSteps';
import { shareFacts } from '@/lib/referral/shareFacts';
import { measureForChannel } from '@/lib/referral/shareText';
import type { Program } from '@/lib/referral/types';
import { shareMessage, stepsText } from '@/lib/share/shareMessage';
import { proofVars } from '@/lib/share/socialProof';

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

/** The user's own counts for {friendsJoined} and {couponsEarned} (live), as the share card gets them. */
function useProof(program: Program) {
  const db = useDb();
  const invites = useLiveQuery(
    () => db.invites.where('[programId+sharedAt]').between([program.id, -Infinity], [program.id, Infinity]).toArray(),
    [db, program.id],
  );
  return invites && shareFacts(program, invites, Date.now(), 'UTC');
}

const plural = (n: number) => (new Intl.PluralRules(activeLocale()).select(n) === 'one' ? 'One' : 'Other');

/**
 * The share text as a friend would receive it (rendered as text, never HTML), with the lengths that matter
 * where messages are short: X (URLs count 23) and SMS (characters and the number of messages it splits into).
 */
export function TemplatePreview({ template, program }: Props) {
  const { link, example } = usePreviewLink(program);
  const nickname = t('settingsPreviewNickname');
  const steps = friendStepsFor(program);
  const proof = proofVars(useProof(program));
  const { text, compactText } = shareMessage(
    template,
    program,
    link,
    nickname,
    steps ? stepsText(steps) : undefined,
    proof,
  );
  // X and SMS send the steps in one line (lib/share/channelUrls.ts channelText): counted as sent.
  const x = measureForChannel(compactText, 'x');
  const sms = measureForChannel(compactText, 'sms');
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
      {(['friendsJoined', 'couponsEarned'] as const)
        .filter((name) => template.includes(`{${name}}`) && !proof[name])
        .map((name) => (
          <p key={name} className="muted settings-hint">
            {t('settingsPreviewProofEmpty', `{${name}}`)}
          </p>
        ))}
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
