import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { CommandData } from '@/lib/messaging/protocol';
import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import type { Program } from '@/lib/referral/types';
import { originsFor, requestHostAccess } from './hostAccess';

interface CustomProgramFormProps {
  programs: Program[];
}

const EMPTY = { name: '', hosts: '', pattern: '', delay: '24', perk: '', cap: '', steps: '' };

/** The friend's steps as typed: one per line, each trimmed, blank lines dropped (the validator checks the rest). */
function stepLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * "Add a custom program". The form is checked here with the engine's own validator first, because the host
 * permission must be requested synchronously inside the submit (a user gesture) and only for hosts that are
 * valid; the background validates again and stays the authority. A declined permission still saves the
 * program: the shop-page button just won't appear on those sites until access is allowed.
 */
export function CustomProgramForm({ programs }: CustomProgramFormProps) {
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setSaved(null);
    const steps = stepLines(form.steps);
    const data = {
      name: form.name,
      shoppingHosts: form.hosts.split(/[\s,]+/).filter((h) => h !== ''),
      linkPattern: form.pattern,
      rewardDelayHours: form.delay.trim() === '' ? 0 : Number(form.delay),
      ...(form.perk.trim() ? { perkText: form.perk.trim() } : {}),
      ...(steps.length > 0 ? { friendSteps: steps } : {}),
      ...(form.cap.trim() ? { monthlyCap: Number(form.cap) } : {}),
    };
    const checked = validateCustomProgram(data, Date.now());
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    const { program } = checked;
    const twin = programs.find((p) => p.id === program.id || p.name.toLowerCase() === program.name.toLowerCase());
    if (twin) {
      setError(t('linksProgramExists', twin.name));
      return;
    }
    // No await before this line: the prompt needs the submit's user gesture.
    const access = requestHostAccess(originsFor(program.shoppingHosts));
    setBusy(true);
    void save({ ...data, shoppingHosts: program.shoppingHosts }, program.name, access);
  };

  const save = async (data: CommandData<'saveCustomProgram'>, name: string, access: Promise<boolean | undefined>) => {
    const granted = await access;
    const reply = await sendCommand('saveCustomProgram', data);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setForm(EMPTY);
    setSaved(granted === true ? t('linksProgramAdded', name) : t('linksProgramAddedNoAccess', name));
  };

  return (
    <section className="links-card links-custom" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('linksCustomHeading')}</h2>
      <p className="muted">{t('linksCustomIntro')}</p>
      {/* noValidate: the engine's validator says what is wrong, in one alert, the same way for every field. */}
      <form onSubmit={onSubmit} className="links-form" aria-labelledby={`${id}-heading`} noValidate>
        <label htmlFor={`${id}-name`}>{t('linksCustomName')}</label>
        <input id={`${id}-name`} value={form.name} maxLength={60} onChange={set('name')} autoComplete="off" />

        <label htmlFor={`${id}-hosts`}>{t('linksCustomHosts')}</label>
        <div>
          <textarea
            id={`${id}-hosts`}
            value={form.hosts}
            rows={2}
            onChange={set('hosts')}
            spellCheck={false}
            dir="ltr"
            aria-describedby={`${id}-hosts-hint`}
          />
          <p id={`${id}-hosts-hint`} className="links-hint">
            {t('linksCustomHostsHint')}
          </p>
        </div>

        <label htmlFor={`${id}-pattern`}>{t('linksCustomPattern')}</label>
        <div>
          <input
            id={`${id}-pattern`}
            value={form.pattern}
            onChange={set('pattern')}
            spellCheck={false}
            inputMode="url"
            dir="ltr"
            aria-describedby={`${id}-pattern-hint`}
          />
          <p id={`${id}-pattern-hint`} className="links-hint">
            {t('linksCustomPatternHint')}
          </p>
        </div>

        <label htmlFor={`${id}-delay`}>{t('linksCustomDelay')}</label>
        <div>
          <input
            id={`${id}-delay`}
            type="number"
            step="any"
            inputMode="decimal"
            value={form.delay}
            onChange={set('delay')}
            aria-describedby={`${id}-delay-hint`}
          />
          <p id={`${id}-delay-hint`} className="links-hint">
            {t('linksCustomDelayHint')}
          </p>
        </div>

        <label htmlFor={`${id}-perk`}>{t('linksCustomPerk')}</label>
        <input id={`${id}-perk`} value={form.perk} maxLength={200} onChange={set('perk')} />

        <label htmlFor={`${id}-cap`}>{t('linksCustomCap')}</label>
        <div>
          <input
            id={`${id}-cap`}
            type="number"
            min={1}
            max={1000}
            step={1}
            inputMode="numeric"
            value={form.cap}
            onChange={set('cap')}
            aria-describedby={`${id}-cap-hint`}
          />
          <p id={`${id}-cap-hint`} className="links-hint">
            {t('linksCustomCapHint')}
          </p>
        </div>

        <label htmlFor={`${id}-steps`}>{t('stepsCustomLabel')}</label>
        <div>
          <textarea
            id={`${id}-steps`}
            value={form.steps}
            rows={4}
            onChange={set('steps')}
            aria-describedby={`${id}-steps-hint`}
          />
          <p id={`${id}-steps-hint`} className="links-hint">
            {t('stepsCustomHint')}
          </p>
        </div>

        <div className="links-form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('linksCustomAdd')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="user-text">
          {error}
        </p>
      )}
      <p role="status" className="links-status">
        {saved}
      </p>
    </section>
  );
}
