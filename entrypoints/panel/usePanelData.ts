import { useCallback, useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import { allPrograms, findProgram } from '@/lib/referral/programs/index';
import type { CustomProgramData, Program, ReferralLink } from '@/lib/referral/types';

/** Primary link first, then oldest first (as the popup lists them). */
const byPrimaryThenAge = (a: ReferralLink, b: ReferralLink) => b.primary - a.primary || a.createdAt - b.createdAt;

export interface PanelData {
  /** undefined while loading; null when RefShare knows no such program. */
  program: Program | null | undefined;
  /** Every program, built-in and custom (what a pasted link may belong to). */
  programs: Program[];
  /** The program's links (undefined while loading). */
  links: ReferralLink[] | undefined;
  /** Error from the background, shown instead of the card. */
  error: string;
  /** Reads the links again (after "Save link" in the panel). */
  reload: () => void;
}

/**
 * The panel's data, asked of the background rather than read from IndexedDB: the panel is an extension frame inside
 * a web page, i.e. a third-party context, where Chromium partitions or denies IndexedDB (measured: "The user denied
 * permission to access the database"), so the database the popup reads is out of reach here.
 */
export function usePanelData(programId: string): PanelData {
  const [links, setLinks] = useState<ReferralLink[]>();
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const [customs, setCustoms] = useState<CustomProgramData[]>();
  const program = customs === undefined ? undefined : (findProgram(programId, customs) ?? null);

  useEffect(() => {
    let live = true;
    sendCommand('listCustomPrograms', {}).then((reply) => {
      if (live) setCustoms(reply.ok ? reply.value : []);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void round;
    sendCommand('listLinks', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) setLinks(reply.value.filter((l) => l.programId === programId).sort(byPrimaryThenAge));
      else setError(reply.error.message);
    });
    return () => {
      live = false;
    };
  }, [programId, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { program, programs: allPrograms(customs ?? []), links, error, reload };
}
