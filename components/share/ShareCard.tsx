import { useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { validateNickname } from '@/lib/referral/nickname';
import type { Channel, Program, ReferralLink } from '@/lib/referral/types';
import { shareMessage } from '@/lib/share/shareMessage';
import { CopyActions } from './CopyActions';
import { LinkPicker } from './LinkPicker';
import { LinkSummary } from './LinkSummary';
import { QrDownloads } from './QrDownloads';
import { QrImage } from './QrImage';
import { ShareMenu } from './ShareMenu';
import { useFlash } from './useFlash';
import './share.css';

/** The longest nickname the engine accepts (lib/referral/nickname.ts). */
const MAX_NICKNAME = 40;

export interface ShareCardProps {
  program: Program;
  /** The program's saved links; the primary one is shown unless the user picks another. */
  links: ReferralLink[];
  /** Share-text template, already chosen for the user's language (lib/settings.ts templateFor). */
  template: string;
}

/**
 * One program's link, ready to share: QR code, copy buttons, the share text and "Share…". Used by the
 * popup and the shop-page panel, so it depends on nothing but its props; the only things it does are
 * commands to the background (recordShare) and opening a channel's share page.
 */
export function ShareCard({ program, links, template }: ShareCardProps) {
  const [pickedId, setPickedId] = useState<string>();
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState('');
  const [status, flash] = useFlash();
  // The last share that got no answer, with its id: pressing the same channel again for the same friend sends the
  // same id, so a share the background recorded before its worker stopped is not recorded twice.
  const unanswered = useRef<{ what: string; shareId: string }>(undefined);
  const nicknameId = useId();
  const hintId = useId();

  const link = links.find((l) => l.id === pickedId) ?? links.find((l) => l.primary === 1) ?? links[0];
  if (!link) return null;
  const message = shareMessage(template, program, link, nickname);
  const content = { ...message, link: link.url, subject: t('popupEmailSubject', program.name) };

  const fail = (text: string) => setError(text);
  const succeed = (text: string) => {
    setError('');
    flash(text);
  };
  const validate = () => {
    const check = validateNickname(nickname);
    setError(check.ok ? '' : check.message);
    return check.ok;
  };
  const record = async (channel: Channel) => {
    setError('');
    const nick = nickname.trim();
    // One id per share: if the worker stops before it answers, the client sends the same share again, and it is
    // recorded once (lib/db/invites.ts); the same goes for the person pressing again after "did not answer".
    const what = JSON.stringify([link.id, channel, nick]);
    const shareId = unanswered.current?.what === what ? unanswered.current.shareId : crypto.randomUUID();
    const reply = await sendCommand('recordShare', {
      linkId: link.id,
      channel,
      shareId,
      ...(nick ? { nickname: nick } : {}),
    });
    unanswered.current = !reply.ok && reply.error.code === 'internal' ? { what, shareId } : undefined;
    if (!reply.ok) setError(reply.error.message);
    return reply.ok;
  };

  return (
    <div className="share-card">
      <LinkPicker links={links} value={link.id} onChange={setPickedId} />
      <div className="share-top">
        <QrImage text={link.url} label={t('popupQrLabel', program.name)} />
        <div className="share-side">
          <LinkSummary link={link} showLabel={links.length < 2} />
          <CopyActions link={link.url} text={message.text} onCopied={succeed} onError={fail} />
          {/* Beside the copy buttons, where the eye is when "Copied" appears. */}
          <p role="status" className="share-status">
            {status}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={nicknameId}>{t('popupNickname')}</label>
        <p id={hintId} className="hint">
          {t('popupNicknameHint')}
        </p>
        {/* The nickname and "Share…" sit on one line: who it is for, then where it goes. */}
        <div className="share-row">
          <input
            id={nicknameId}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            maxLength={MAX_NICKNAME}
            autoComplete="off"
            aria-describedby={hintId}
          />
          <ShareMenu
            content={content}
            validate={validate}
            record={record}
            onShared={(name) => {
              setNickname('');
              succeed(t('popupShared', name));
            }}
            onError={fail}
          />
        </div>
      </div>
      {error && (
        <p role="alert" className="user-text">
          {error}
        </p>
      )}
      <div className="share-preview">
        <p className="hint">{t('popupShareText')}</p>
        <p className="share-preview-text user-text">{message.text}</p>
      </div>
      <p className="link-url user-text" dir="ltr">
        {link.url}
      </p>
      <QrDownloads text={link.url} programId={program.id} onError={fail} />
    </div>
  );
}
