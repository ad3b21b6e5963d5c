import { COUPON_EXPIRING_DAYS, FOLLOW_UP_DAYS } from '@/lib/backup/settingsCheck';
import { t } from '@/lib/i18n/t';
import type { NotificationKind } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import { DaysField } from './DaysField';
import { QuietHours } from './QuietHours';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

const KINDS: { kind: NotificationKind; label: string; hint: string }[] = [
  { kind: 'coupon_arrived', label: 'settingsNotifyCouponArrived', hint: 'settingsNotifyCouponArrivedHint' },
  { kind: 'reward_overdue', label: 'settingsNotifyRewardOverdue', hint: 'settingsNotifyRewardOverdueHint' },
  { kind: 'coupon_expiring', label: 'settingsNotifyCouponExpiring', hint: 'settingsNotifyCouponExpiringHint' },
  { kind: 'follow_up', label: 'settingsNotifyFollowUp', hint: 'settingsNotifyFollowUpHint' },
];

/** Which notifications to show, when not to, and the reminder delays. Every change is saved at once. */
export function NotificationSettings({ settings }: { settings: AppSettings }) {
  const { state, save } = useSave();
  return (
    <section className="settings-section" aria-labelledby="settings-notifications">
      <h2 id="settings-notifications">{t('settingsNotifications')}</h2>
      <fieldset className="settings-group">
        <legend>{t('settingsNotifyWhich')}</legend>
        {KINDS.map(({ kind, label, hint }) => (
          <div className="settings-check" key={kind}>
            <input
              type="checkbox"
              id={`settings-notify-${kind}`}
              checked={settings.notify[kind]}
              aria-describedby={`settings-notify-${kind}-hint`}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                save((current) => ({ notify: { ...current.notify, [kind]: on } }));
              }}
            />
            <label htmlFor={`settings-notify-${kind}`}>{t(label)}</label>
            <p className="muted settings-hint" id={`settings-notify-${kind}-hint`}>
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
      <QuietHours value={settings.quietHours} save={save} />
      <div className="settings-days">
        <DaysField
          id="settings-follow-up-days"
          label={t('settingsFollowUpDays')}
          hint={t('settingsFollowUpDaysHint')}
          value={settings.followUpDays}
          range={FOLLOW_UP_DAYS}
          onValid={(followUpDays) => save({ followUpDays })}
        />
        <DaysField
          id="settings-expiring-days"
          label={t('settingsCouponExpiringDays')}
          hint={t('settingsCouponExpiringDaysHint')}
          value={settings.couponExpiringDays}
          range={COUPON_EXPIRING_DAYS}
          onValid={(couponExpiringDays) => save({ couponExpiringDays })}
        />
      </div>
      <SaveStatus state={state} />
    </section>
  );
}
