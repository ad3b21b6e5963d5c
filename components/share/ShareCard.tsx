import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { type FollowUpStage, followUpStage } from '@/lib/referral/followUp';
import { validateNickname } from '@/lib/referral/nickname';
import { friendStepsFor } from '@/lib/referral/programs/friendSteps';
import type { ShareFacts } from '@/lib/referral/shareFacts';
import type { Channel, Invite, Program, ReferralLink } from '@/lib/referral/types';
import { shareMessage, stepsText } from '@/lib/share/shareMessage';
import { proofVars } from '@/lib/share/socialProof';
import { CopyActions } from './CopyActions';
import { FriendSteps } from './FriendSteps';
import { LinkPicker } from './LinkPicker';
import { LinkSummary } from './LinkSummary';
import { OpenInviteChoice } from './OpenInviteChoice';
import { QrDownloads } from './QrDownloads';
import { QrImage } from './QrImage';
import { ShareImage } from './ShareImage';
import { ShareMenu } from './ShareMenu';
import { useFlash } from './useFlash';
import { WebsiteSnippets } from './WebsiteSnippets';
import './share.css';

/** The longest nickname the engine accepts (lib/referral/nickname.ts). */
const MAX_NICKNAME = 40;
/** The nickname is looked up once typing pauses this long. */
const LOOKUP_DELAY_MS = 200;

/** The reminder for where the friend stands, with and without the link (as shareMessage gives the share text). */
function reminderMessage(stage: Exclude<FollowUpStage, 'ordered'>, nickname: string, program: Program, url: string) {
  const key = stage === 'not_registered' ? 'followUpTextNotRegistered' : 'followUpTextRegistered';
  const withoutLink = t(key, nickname, program.name, '')
    .replace(/[\s:：-]+$/u, '')
    .trim();
  return {
    text: t(key, nickname, program.name, url),
    textWithoutLink: withoutLink,
    textWithoutLinkOrSteps: withoutLink,
  };
}

/**
 * The newest open invite of this program for the nickname being typed (null when none), asked of the background
 * once typing pauses: the popup and the shop panel (which cannot read the database) ask the same way.
 */
function useOpenInvite(programId: string, nickname: string): Invite | null {
  const [open, setOpen] = useState<Invite | null>(null);
  useEffect(() => {
    const name = nickname.trim();
    if (name === '' || !validateNickname(name).ok) {
      setOpen(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void sendCommand('openInvite', { programId, nickname: name }).then((reply) => {
        if (live) setOpen(reply.ok ? reply.value : null);
      });
    }, LOOKUP_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [programId, nickname]);
  return open;
}

/**
 * What the background knows of this program's invites (monthly cap, friends joined, coupons earned), asked when the
 * card opens and again after each share (`ask`); undefined until it answers: sharing does not wait for it.
 */
function useShareFacts(programId: string): [ShareFacts | undefined, () => void] {
  const [facts, setFacts] = useState<ShareFacts>();
  const ask = useCallback(() => {
    void sendCommand('shareFacts', { programId }).then((reply) => {
      // Extra words for the card, never a reason for it to fail: an answer without the facts is ignored.
      if (reply.ok && reply.value?.cap) setFacts(reply.value);
    });
  }, [programId]);
  useEffect(ask, [ask]);
  return [facts, ask];
}

export interface ShareCardProps {
  program: Program;
  /** The program's saved links; the primary one is shown unless the user picks another. */
  links: ReferralLink[];
  /** Share-text template, already chosen for the user's language (lib/settings.ts templateFor). */
  template: string;
  /** The friend to start with (a follow-up notification opens the card on them), typed into the nickname field. */
  friend?: string;
  /** Told when the QR code of the link shown is drawn (the popup keeps its card). */
  onQrDrawn?: (qr: { src: string; px: number; label: string }) => void;
}

/**
 * One program's link, ready to share: QR code, copy buttons, the share text and "Share…". Used by the
 * popup and the shop-page panel, so it depends on nothing but its props; the only things it does are
 * commands to the background (recordShare) and opening a channel's share page.
 */
export function ShareCard({ program, links, template, friend, onQrDrawn }: ShareCardProps) {
  const [pickedId, setPickedId] = useState<string>();
  const [nickname, setNickname] = useState(friend ?? '');
  const [error, setError] = useState('');
  const [status, flash] = useFlash();
  // The last share that got no answer, with its id: pressing the same channel again for the same friend sends the
  // same id, so a share the background recorded before its worker stopped is not recorded twice.
  const unanswered = useRef<{ what: string; shareId: string }>(undefined);
  const nicknameId = useId();
  const hintId = useId();

  const open = useOpenInvite(program.id, nickname);
  // "Send a reminder" is the default for a friend with an open invite; "New invite" is for someone else of that name.
  const [newInviteFor, setNewInviteFor] = useState<string>();
  const stage = open ? followUpStage(open) : undefined;
  const reminderFor = open && stage !== 'ordered' && newInviteFor !== open.id ? open : undefined;
  // What the last share was, for its confirmation.
  const lastKind = useRef<'invite' | 'reminder'>('invite');
  // "<nickname> already has a <Program> account": shared anyway, the invite is recorded as ineligible.
  const [alreadyMember, setAlreadyMember] = useState(false);
  const memberId = useId();
  const [facts, askFacts] = useShareFacts(program.id);

  const link = links.find((l) => l.id === pickedId) ?? links.find((l) => l.primary === 1) ?? links[0];
  if (!link) return null;
  // What the friend must do for the coupons, in the UI's language (null for a custom program without steps).
  const steps = friendStepsFor(program);
  const message =
    reminderFor && stage && stage !== 'ordered'
      ? reminderMessage(stage, nickname.trim(), program, link.url)
      : shareMessage(template, program, link, nickname, steps ? stepsText(steps) : undefined, proofVars(facts));
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
    if (reminderFor) {
      // A reminder is recorded on the invite it is about: no second invite, no second count in the stats.
      const what = JSON.stringify(['reminder', reminderFor.id, channel]);
      const reminderId = unanswered.current?.what === what ? unanswered.current.shareId : crypto.randomUUID();
      const reply = await sendCommand('recordReminder', { inviteId: reminderFor.id, channel, reminderId });
      unanswered.current = !reply.ok && reply.error.code === 'internal' ? { what, shareId: reminderId } : undefined;
      if (!reply.ok) setError(reply.error.message);
      lastKind.current = 'reminder';
      return reply.ok;
    }
    lastKind.current = 'invite';
    // One id per share: if the worker stops before it answers, the client sends the same share again, and it is
    // recorded once (lib/db/invites.ts); the same goes for the person pressing again after "did not answer".
    const what = JSON.stringify([link.id, channel, nick]);
    const shareId = unanswered.current?.what === what ? unanswered.current.shareId : crypto.randomUUID();
    const reply = await sendCommand('recordShare', {
      linkId: link.id,
      channel,
      shareId,
      ...(nick ? { nickname: nick } : {}),
      ...(nick && alreadyMember ? { alreadyMember: true } : {}),
    });
    unanswered.current = !reply.ok && reply.error.code === 'internal' ? { what, shareId } : undefined;
    if (!reply.ok) setError(reply.error.message);
    return reply.ok;
  };

  return (
    <div className="share-card">
      <LinkPicker links={links} value={link.id} onChange={setPickedId} />
      <div className="share-top">
        <QrImage text={link.url} label={t('popupQrLabel', program.name)} onDrawn={onQrDrawn} />
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
              setNewInviteFor(undefined);
              setAlreadyMember(false);
              askFacts();
              succeed(t(lastKind.current === 'reminder' ? 'followUpReminderRecorded' : 'popupShared', name));
            }}
            onError={fail}
          />
        </div>
      </div>
      {facts?.cap.reached && !reminderFor && (
        // Before the share, what would make it not count for the sharer (the friend still gets their offers).
        <p className="hint share-cap">{t('shareCapReached', program.name, facts.cap.limit ?? facts.cap.used)}</p>
      )}
      {open && stage && (
        <OpenInviteChoice
          nickname={open.nickname ?? nickname.trim()}
          programName={program.name}
          stage={stage}
          reminder={reminderFor !== undefined}
          onChoose={(reminder) => setNewInviteFor(reminder ? undefined : open.id)}
        />
      )}
      {nickname.trim() !== '' && !reminderFor && (
        <div className="share-member">
          <input
            id={memberId}
            type="checkbox"
            checked={alreadyMember}
            onChange={(e) => setAlreadyMember(e.target.checked)}
          />
          <label htmlFor={memberId} className="user-text">
            {t('shareAlreadyMember', nickname.trim(), program.name)}
          </label>
          {alreadyMember && <p className="hint">{t('shareAlreadyMemberNote', program.name)}</p>}
        </div>
      )}
      {error && (
        <p role="alert" className="user-text">
          {error}
        </p>
      )}
      {steps && <FriendSteps steps={steps} nickname={reminderFor?.nickname ?? nickname} />}
      <div className="share-preview">
        <p className="hint">{t('popupShareText')}</p>
        <p className="share-preview-text user-text">{message.text}</p>
      </div>
      <p className="link-url user-text" dir="ltr">
        {link.url}
      </p>
      <QrDownloads text={link.url} programId={program.id} onError={fail} />
      <ShareImage
        programName={program.name}
        link={link.url}
        gets={steps?.gets ?? program.rules.perkText}
        steps={steps?.steps ?? []}
        nickname={nickname}
        onDone={succeed}
        onError={fail}
      />
      <WebsiteSnippets
        link={link.url}
        text={message.textWithoutLinkOrSteps}
        programName={program.name}
        steps={steps?.steps}
        onCopied={succeed}
        onError={fail}
      />
    </div>
  );
}
