import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: number;
  range: { min: number; max: number };
  /** Called with each valid whole number typed; invalid input is shown as an error and not saved. */
  onValid: (days: number) => void;
}

/** A number of days, saved as soon as it is valid. The draft is kept while the user types ("1" on the way to "14"). */
export function DaysField({ id, label, hint, value, range, onValid }: Props) {
  const [draft, setDraft] = useState(String(value));
  // Follow changes made elsewhere (another tab, an import) unless the user is mid-edit with an invalid value.
  useEffect(() => setDraft((d) => (parse(d, range) === undefined ? d : String(value))), [value, range]);
  const invalid = parse(draft, range) === undefined;
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const days = parse(text, range);
          if (days !== undefined && days !== value) onValid(days);
        }}
      />
      <p className="muted settings-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {invalid && (
        <p role="alert" id={`${id}-error`}>
          {t('settingsDaysInvalid', range.min, range.max)}
        </p>
      )}
    </div>
  );
}

function parse(text: string, { min, max }: { min: number; max: number }): number | undefined {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}
