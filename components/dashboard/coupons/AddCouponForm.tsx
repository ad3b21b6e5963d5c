import { type FormEvent, useId, useState } from 'react';
import { usePrograms } from '@/components/hooks/usePrograms';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { type CouponFormFields, readCouponForm } from './couponForm';
import './couponForm.css';

const EMPTY: Omit<CouponFormFields, 'programId' | 'currency'> = {
  title: '',
  value: '',
  minSpend: '',
  code: '',
  expiry: '',
};

type Outcome = { kind: 'error' | 'added' | 'duplicate'; text: string } | null;

/** Adds a coupon by hand (one the shop gave outside an invite, or one RefShare could not read from a page). */
export function AddCouponForm() {
  const programs = usePrograms();
  const id = useId();
  const [fields, setFields] = useState<CouponFormFields>({ programId: '', currency: 'USD', ...EMPTY });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const programId = fields.programId || programs[0]?.id || '';
  const set = (key: keyof CouponFormFields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = readCouponForm({ ...fields, programId });
    if (!read.ok) return setOutcome({ kind: 'error', text: read.message });
    setBusy(true);
    const reply = await sendCommand('addCoupons', { programId, coupons: [read.coupon] });
    setBusy(false);
    if (!reply.ok) return setOutcome({ kind: 'error', text: reply.error.message });
    if (reply.value.added.length === 0 && reply.value.existing.length > 0) {
      return setOutcome({ kind: 'duplicate', text: t('couponsAddDuplicate') });
    }
    setFields((f) => ({ ...f, ...EMPTY }));
    setOutcome({ kind: 'added', text: t('couponsAddAdded') });
  };

  const field = (key: keyof typeof EMPTY | 'currency', label: string, props: object = {}, hint?: string) => (
    <div className="coupon-field" data-field={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={fields[key]}
        onChange={set(key)}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        {...props}
      />
      {hint && (
        <span id={`${id}-${key}-hint`} className="muted coupon-hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <form className="coupon-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('couponsAddHeading')}</h3>
      <div className="coupon-form-grid">
        <div className="coupon-field">
          <label htmlFor={`${id}-program`}>{t('couponsAddProgram')}</label>
          <select id={`${id}-program`} value={programId} onChange={set('programId')}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {field('title', t('couponsAddTitle'), { maxLength: 120, autoComplete: 'off' }, t('couponsAddTitleHint'))}
        {field('value', t('couponsAddValue'), { inputMode: 'decimal', autoComplete: 'off' })}
        {field(
          'currency',
          t('couponsAddCurrency'),
          { maxLength: 3, autoCapitalize: 'characters', autoComplete: 'off', spellCheck: false },
          t('couponsAddCurrencyHint'),
        )}
        {field('minSpend', t('couponsAddMinSpend'), { inputMode: 'decimal', autoComplete: 'off' })}
        {field('code', t('couponsAddCode'), { maxLength: 64, autoComplete: 'off', spellCheck: false })}
        {field('expiry', t('couponsAddExpiry'), { type: 'date' })}
      </div>
      <div className="coupon-form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('couponsAddSubmit')}
        </button>
        <p role="status" className="coupon-form-status">
          {outcome && outcome.kind !== 'error' ? outcome.text : ''}
        </p>
      </div>
      {outcome?.kind === 'error' && <p role="alert">{outcome.text}</p>}
    </form>
  );
}
