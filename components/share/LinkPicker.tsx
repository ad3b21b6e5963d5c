import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { ReferralLink } from '@/lib/referral/types';

interface LinkPickerProps {
  links: ReferralLink[];
  value: string;
  onChange: (id: string) => void;
}

/** Which of a program's links to share, shown only when there are several. */
export function LinkPicker({ links, value, onChange }: LinkPickerProps) {
  const id = useId();
  if (links.length < 2) return null;
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('popupLinkPicker')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {links.map((link) => (
          <option key={link.id} value={link.id}>
            {link.label}
          </option>
        ))}
      </select>
    </div>
  );
}
