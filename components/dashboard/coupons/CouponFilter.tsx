import { t } from '@/lib/i18n/t';
import type { WalletFilter } from './walletOrder';

const FILTERS: { id: WalletFilter; label: string }[] = [
  { id: 'available', label: 'couponsFilterAvailable' },
  { id: 'used', label: 'couponsFilterUsed' },
  { id: 'expired', label: 'couponsFilterExpired' },
  { id: 'all', label: 'couponsFilterAll' },
];

interface Props {
  value: WalletFilter;
  counts: Record<WalletFilter, number>;
  onChange: (filter: WalletFilter) => void;
}

/** Filter chips: a radio group (arrow keys move between them), each with how many coupons it shows. */
export function CouponFilter({ value, counts, onChange }: Props) {
  return (
    <fieldset className="coupon-filter">
      <legend className="visually-hidden">{t('couponsFilterLabel')}</legend>
      {FILTERS.map((f) => (
        <label key={f.id} className="chip">
          <input
            type="radio"
            name="coupon-filter"
            value={f.id}
            checked={value === f.id}
            onChange={() => onChange(f.id)}
          />
          {t(f.label)} <span className="chip-count">{counts[f.id]}</span>
        </label>
      ))}
    </fieldset>
  );
}
