import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '@/components/hooks/useDb';
import { t } from '@/lib/i18n/t';
import { explainPending } from '@/lib/referral/pending';
import type { Channel, Invite, Locale, Program } from '@/lib/referral/types';
import { CHANNEL_NAMES, SHARE_CHANNELS, type ShareChannel } from '@/lib/share/channelUrls';
import { isOpenInvite } from '@/lib/share/openItems';

/** The popup is a glance: the newest few; the dashboard has them all. */
const SHOWN = 5;

interface PendingInvitesProps {
  programs: Program[];
  locale: Locale;
  timeZone: string;
  now: number;
}

const OTHER_CHANNELS: Record<Exclude<Channel, ShareChannel>, string> = {
  webshare: 'popupChannelWebshare',
  copy: 'popupChannelCopy',
  qr: 'popupChannelQr',
  other: 'popupChannelOther',
};

/** "Ana", or how the invite went out when it has no nickname ("Shared via WhatsApp"). */
function who(invite: Invite): string {
  if (invite.nickname) return invite.nickname;
  const channel = invite.channel;
  if ((SHARE_CHANNELS as readonly string[]).includes(channel)) {
    return t('popupChannelVia', CHANNEL_NAMES[channel as ShareChannel]);
  }
  return t(OTHER_CHANNELS[channel as Exclude<Channel, ShareChannel>] ?? 'popupChannelOther');
}

/** Open invites, newest first, each with the plain-language reason it is still pending. Live. */
export function PendingInvites({ programs, locale, timeZone, now }: PendingInvitesProps) {
  const db = useDb();
  const open = useLiveQuery(() => db.invites.orderBy('sharedAt').reverse().filter(isOpenInvite).toArray(), [db]);
  if (!open || open.length === 0) return null;
  const more = open.length - SHOWN;
  return (
    <section className="popup-section" aria-labelledby="popup-pending">
      <h2 id="popup-pending">{t('popupPendingHeading')}</h2>
      <ul className="pending-list">
        {open.slice(0, SHOWN).map((invite) => {
          const program = programs.find((p) => p.id === invite.programId);
          const why = program ? explainPending(invite, program, now, { locale, timeZone }) : null;
          return (
            <li key={invite.id}>
              <p className="pending-who">
                <span className="user-text">{who(invite)}</span>
                {program && <span className="muted"> · {program.name}</span>}
              </p>
              {why && <p className="pending-why user-text">{why}</p>}
            </li>
          );
        })}
      </ul>
      {more > 0 && <p className="hint">{t('popupPendingMore', more)}</p>}
    </section>
  );
}
