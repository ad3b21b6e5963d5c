import { useState } from 'react';
import { say, t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { findInviteLinks } from '@/lib/referral/pastedText';
import type { Program, ProgramId, ReferralLink } from '@/lib/referral/types';

export interface SaveLinkExtras {
  label?: string;
  notes?: string;
  programId?: ProgramId;
}

/** What a save ended in: the link (and whether it was found inside longer text), or nothing (see `error`). */
export type Saved = { link: ReferralLink; inText: boolean } | undefined;

/**
 * Saving what the user pasted, shared by the popup, the shop panel and the dashboard. The page reads the invite
 * link out of the text (the link alone, or a whole copied message) with the engine's reader, says in its own
 * language why there is none, and asks which one when there are several; the background is sent that one link,
 * exactly as written, and checks it again with the strict parser before it stores anything. (Reading here keeps the
 * reader out of the background worker, which has a 60 kB budget and needs only the strict check.)
 */
export function useSaveLink(programs: Program[]) {
  const [error, setError] = useState('');
  const [choices, setChoices] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);

  /** What the form shows next: a refusal (with the links to choose from, if several), or nothing. */
  const show = (message: string, several: string[] = []) => {
    setChoices(several);
    setChosen('');
    setError(message);
    return undefined;
  };

  const save = async (input: string, extras: SaveLinkExtras): Promise<Saved> => {
    if (busy) return undefined;
    const found = findInviteLinks(choices.includes(chosen) ? chosen : input, programs, extras.programId);
    if (!found.ok) return show(say(found.say, found.message));
    const [first, ...others] = found.links;
    if (!first) return undefined;
    if (others.length > 0) {
      const urls = found.links.map((l) => l.url);
      return show(t('linkErrSeveral', urls.length), urls);
    }
    setBusy(true);
    const reply = await sendCommand('saveLink', { input: first.url, ...extras });
    setBusy(false);
    if (!reply.ok) return show(reply.error.message);
    show('');
    return { link: reply.value, inText: found.inText };
  };

  /** Forget the choices when the text they came from changes. */
  const edited = () => {
    if (choices.length > 0) show('');
  };

  return { save, edited, error, choices, chosen, setChosen, busy };
}
