import { useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { CustomProgramData } from '@/lib/referral/types';
import { originsFor, releaseHostAccess } from './hostAccess';
import { InlineConfirm } from './InlineConfirm';

interface DeleteProgramButtonProps {
  program: CustomProgramData;
  /** The other custom programs: host access they still need is kept. */
  others: CustomProgramData[];
}

/**
 * Deletes a custom program after an inline confirmation. The background refuses while the program still has
 * links; its message says what to do. Host access no other program needs is then given back.
 */
export function DeleteProgramButton({ program, others }: DeleteProgramButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    const reply = await sendCommand('deleteCustomProgram', { id: program.id });
    setBusy(false);
    setConfirming(false);
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    const stillNeeded = new Set(originsFor(others.flatMap((p) => p.shoppingHosts)));
    await releaseHostAccess(originsFor(program.shoppingHosts).filter((o) => !stillNeeded.has(o)));
  };

  return (
    <div className="links-delete-program">
      {confirming ? (
        <InlineConfirm
          question={t('linksDeleteProgramQuestion')}
          busy={busy}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="links-danger"
          onClick={() => setConfirming(true)}
          aria-label={t('linksDeleteProgramNamed', program.name)}
        >
          {t('linksDeleteProgram')}
        </button>
      )}
      {error && (
        <p role="alert" className="user-text">
          {error}
        </p>
      )}
    </div>
  );
}
