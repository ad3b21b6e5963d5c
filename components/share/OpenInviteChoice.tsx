import { t } from '@/lib/i18n/t';
import type { FollowUpStage } from '@/lib/referral/followUp';

const STAGE_KEYS: Record<FollowUpStage, string> = {
  not_registered: 'followUpStageNotRegistered',
  registered: 'followUpStageRegistered',
  ordered: 'followUpStageOrdered',
};

interface OpenInviteChoiceProps {
  nickname: string;
  programName: string;
  stage: FollowUpStage;
  /** True while "Send a reminder" is chosen. */
  reminder: boolean;
  onChoose: (reminder: boolean) => void;
}

/**
 * Shown when the friend being shared with already has an open invite in this program: "Send a reminder" (the
 * default; its text follows where the friend stands) or "New invite" (someone else with the same name). A friend
 * who has ordered gets no reminder: there is nothing left for them to do.
 */
export function OpenInviteChoice({ nickname, programName, stage, reminder, onChoose }: OpenInviteChoiceProps) {
  const ordered = stage === 'ordered';
  return (
    <fieldset className="share-followup">
      <legend className="user-text">{t('followUpOpenInvite', nickname, programName, t(STAGE_KEYS[stage]))}</legend>
      <div className="share-followup-choices">
        <button type="button" aria-pressed={reminder} disabled={ordered} onClick={() => onChoose(true)}>
          {t('followUpSendReminder')}
        </button>
        <button type="button" aria-pressed={!reminder} onClick={() => onChoose(false)}>
          {t('followUpNewInvite')}
        </button>
      </div>
      {ordered && <p className="hint user-text">{t('followUpOrderedNote', nickname)}</p>}
    </fieldset>
  );
}
