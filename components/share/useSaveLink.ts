import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import { trimInvisible } from '@/lib/referral/text';
import type { ProgramId, ReferralLink } from '@/lib/referral/types';

export interface SaveLinkExtras {
  label?: string;
  notes?: string;
  programId?: ProgramId;
}

/** What a save ended in: the link (and whether it was found inside longer text), or nothing (see `error`). */
export type Saved = { link: ReferralLink; inText: boolean } | undefined;

/**
 * Saving what the user pasted, shared by the popup, the shop panel and the dashboard: the background finds the
 * invite link in the text; when the text holds several, their URLs come back as `choices` and the next save
 * sends the one the user picked (`chosen`), exactly as it stood in the text.
 */
export function useSaveLink() {
  const [error, setError] = useState('');
  const [choices, setChoices] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (input: string, extras: SaveLinkExtras): Promise<Saved> => {
    if (busy) return undefined;
    const text = choices.includes(chosen) ? chosen : input;
    setBusy(true);
    const reply = await sendCommand('saveLink', { input: text, ...extras });
    setBusy(false);
    if (!reply.ok) {
      const several = reply.error.code === 'several_links' && reply.error.choices ? reply.error.choices : [];
      setChoices(several);
      setChosen('');
      setError(reply.error.message);
      return undefined;
    }
    setError('');
    setChoices([]);
    setChosen('');
    return { link: reply.value, inText: trimInvisible(text) !== reply.value.url };
  };

  /** Forget the choices when the text they came from changes. */
  const edited = () => {
    if (choices.length > 0) {
      setChoices([]);
      setChosen('');
      setError('');
    }
  };

  return { save, edited, error, choices, chosen, setChosen, busy };
}
