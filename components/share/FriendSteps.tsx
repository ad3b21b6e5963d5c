import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { FriendSteps as Steps } from '@/lib/referral/programs/friendSteps';

interface FriendStepsProps {
  steps: Steps;
  /** The friend's nickname as typed (the heading names them), or empty. */
  nickname: string;
}

/**
 * What the friend must do for the new-user coupons and for the invite to count, short, under the share controls:
 * a heading naming the friend, the steps as a list, and what they get.
 */
export function FriendSteps({ steps, nickname }: FriendStepsProps) {
  const headingId = useId();
  const name = nickname.trim();
  return (
    <section className="share-steps" aria-labelledby={headingId}>
      <h2 id={headingId} className="share-steps-heading">
        {name ? (
          <>
            {t('stepsHeadingBefore')}
            <bdi className="user-text">{name}</bdi>
            {t('stepsHeadingAfter')}
          </>
        ) : (
          t('stepsHeadingFriend')
        )}
      </h2>
      <ol className="share-steps-list" aria-labelledby={headingId}>
        {steps.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {steps.gets && <p className="hint">{steps.gets}</p>}
    </section>
  );
}
