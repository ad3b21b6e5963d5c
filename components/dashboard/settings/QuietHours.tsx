import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';
import type { AppSettings } from '@/lib/settings';
import type { Change } from './useSave';

type Hours = NonNullable<AppSettings['quietHours']>;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A night's sleep: what most people mean by quiet hours. */
const DEFAULT_HOURS: Hours = { start: '22:00', end: '08:00' };

interface Props {
  value: AppSettings['quietHours'];
  save: (change: Change) => Promise<boolean>;
}

/** Why quiet hours cannot be saved, or undefined when they can. */
function quietHoursProblem({ start, end }: Hours): string | undefined {
  if (!HH_MM.test(start) || !HH_MM.test(end)) return t('settingsQuietHoursInvalid');
  if (start === end) return t('settingsQuietHoursSame');
  return undefined;
}

/**
 * Quiet hours: on/off, then start and end times (a span may cross midnight, e.g. 22:00–08:00). Valid times
 * are saved as they are entered; an invalid pair stays a draft with an error.
 */
export function QuietHours({ value, save }: Props) {
  const [draft, setDraft] = useState<Hours>(value ?? DEFAULT_HOURS);
  const start = value?.start;
  const end = value?.end;
  // Follow saved changes (another tab, an import); compared by content, as every settings update is a new object.
  useEffect(() => {
    if (start !== undefined && end !== undefined) setDraft({ start, end });
  }, [start, end]);
  const problem = value ? quietHoursProblem(draft) : undefined;

  const change = (field: keyof Hours, text: string) => {
    const next = { ...draft, [field]: text };
    setDraft(next);
    if (!quietHoursProblem(next)) save({ quietHours: next });
  };

  return (
    <fieldset className="settings-group">
      <legend>{t('settingsQuietHoursLegend')}</legend>
      <div className="settings-check">
        <input
          type="checkbox"
          id="settings-quiet"
          checked={value !== null}
          aria-describedby="settings-quiet-hint"
          onChange={(e) =>
            save({ quietHours: e.currentTarget.checked ? (quietHoursProblem(draft) ? DEFAULT_HOURS : draft) : null })
          }
        />
        <label htmlFor="settings-quiet">{t('settingsQuietHours')}</label>
        <p className="muted settings-hint" id="settings-quiet-hint">
          {t('settingsQuietHoursHint')}
        </p>
      </div>
      {value !== null && (
        <div className="settings-row">
          {(['start', 'end'] as const).map((field) => (
            <div className="settings-field" key={field}>
              <label htmlFor={`settings-quiet-${field}`}>
                {t(field === 'start' ? 'settingsQuietStart' : 'settingsQuietEnd')}
              </label>
              <input
                id={`settings-quiet-${field}`}
                type="time"
                required
                value={draft[field]}
                aria-invalid={problem !== undefined}
                aria-describedby={problem ? 'settings-quiet-error' : undefined}
                onChange={(e) => change(field, e.currentTarget.value)}
              />
            </div>
          ))}
        </div>
      )}
      {problem && (
        <p role="alert" id="settings-quiet-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
