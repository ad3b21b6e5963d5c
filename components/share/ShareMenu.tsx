import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import type { Channel } from '@/lib/referral/types';
import {
  CHANNEL_NAMES,
  channelText,
  channelUrl,
  SHARE_CHANNELS,
  type ShareChannel,
  type ShareContent,
} from '@/lib/share/channelUrls';
import { channelHint } from './channelHint';

interface ShareMenuProps {
  content: ShareContent;
  /** Checks what can be checked before the OS share sheet opens (it cannot be taken back); false = don't share. */
  validate: () => boolean;
  /** Records the invite; false when the background refused it (the card shows why). */
  record: (channel: Channel) => Promise<boolean>;
  onShared: (channelName: string) => void;
  onError: (message: string) => void;
}

const isAbort = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * "Share…": the OS share sheet (Web Share API) where the browser has one, else — and whenever the sheet
 * fails for another reason than the user cancelling — a menu of channels, each opening that channel's own
 * share page in a new tab. An invite is recorded only for a share the user actually started.
 */
export function ShareMenu({ content, validate, record, onShared, onError }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const openMenu = () => {
    setActive(0);
    setOpen(true);
  };

  const onButton = async () => {
    if (open) return close();
    const data = { text: content.text };
    if (typeof navigator.share !== 'function' || !navigator.canShare?.(data)) return openMenu();
    if (!validate()) return;
    try {
      await navigator.share(data);
    } catch (e) {
      // Cancelling the sheet is not an error; anything else (no share target, policy) falls back to the menu.
      if (!isAbort(e)) openMenu();
      return;
    }
    if (await record('webshare')) onShared(t('popupShareSheet'));
  };

  const choose = async (channel: ShareChannel) => {
    const url = channelUrl(channel, content);
    if (url === null || !(await record(channel))) return;
    close();
    try {
      await browser.tabs.create({ url });
      onShared(CHANNEL_NAMES[channel]);
    } catch (e) {
      onError(t('popupShareFailed', CHANNEL_NAMES[channel], errorText(e)));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const last = SHARE_CHANNELS.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowRight: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      ArrowLeft: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key] ?? 0);
    }
  };

  return (
    <div className="share-menu-wrap">
      <button
        ref={button}
        type="button"
        className="primary share-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => void onButton()}
      >
        {t('popupShare')}
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={t('popupShareTo')} className="share-menu" onKeyDown={onKeyDown}>
          {SHARE_CHANNELS.map((channel, i) => {
            const usable = channelUrl(channel, content) !== null;
            const hint = usable
              ? channelHint(channel, channelText(channel, content))
              : { text: t('popupNeedsWebLink'), warn: false };
            const hintId = `${menuId}-${channel}`;
            return (
              <button
                key={channel}
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                aria-label={CHANNEL_NAMES[channel]}
                aria-describedby={hint ? hintId : undefined}
                aria-disabled={!usable || undefined}
                className={`share-item share-item-${channel}`}
                onClick={() => void choose(channel)}
                onFocus={() => setActive(i)}
              >
                <span aria-hidden="true">{CHANNEL_NAMES[channel]}</span>
                {hint && (
                  <span id={hintId} className={hint.warn ? 'share-hint warn' : 'share-hint'}>
                    {hint.text}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
