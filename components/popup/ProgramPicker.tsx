import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { Program, ProgramId } from '@/lib/referral/types';

interface ProgramPickerProps {
  programs: Program[];
  value: ProgramId;
  onChange: (id: ProgramId) => void;
}

/** The "Program" select: every built-in and custom program. */
export function ProgramPicker({ programs, value, onChange }: ProgramPickerProps) {
  const id = useId();
  return (
    <div className="program-picker">
      <label htmlFor={id}>{t('popupProgram')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
