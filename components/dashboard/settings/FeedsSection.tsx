import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { useDb } from '@/components/hooks/useDb';
import type { FeedRecord } from '@/lib/db/schema';
import { activeLocale, t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { feedOrigin, feedUrlError } from '@/lib/statusSources/feed';
import { originsFor, releaseHostAccess, requestHostAccess } from '../links/hostAccess';

type Status = { kind: 'idle' } | { kind: 'ok' | 'error'; message: string };

/** One feed and its health: when it last answered, its last error, what it refused, when it is asked next. */
function FeedItem({ feed, when, onRemove }: { feed: FeedRecord; when: (at: number) => string; onRemove: () => void }) {
  const rejected = feed.rejected ?? [];
  return (
    <li className="settings-feed">
      <span className="user-text">{feed.url}</span>
      <dl className="settings-feed-health">
        <dt>{t('settingsFeedLastSuccess')}</dt>
        <dd>{feed.lastSuccessAt === undefined ? t('settingsFeedNever') : when(feed.lastSuccessAt)}</dd>
        {feed.lastError !== undefined && feed.lastErrorAt !== undefined && (
          <>
            <dt>{t('settingsFeedLastError')}</dt>
            <dd>
              <span className="user-text">{feed.lastError}</span> ({when(feed.lastErrorAt)})
            </dd>
          </>
        )}
        {feed.lastSuccessAt !== undefined && (
          <>
            <dt>{t('settingsFeedLastEvents')}</dt>
            <dd>{t('settingsFeedEventCount', feed.lastEventCount ?? 0, rejected.length)}</dd>
          </>
        )}
        <dt>{t('settingsFeedNext')}</dt>
        <dd>{when(feed.nextAttemptAt)}</dd>
      </dl>
      {rejected.length > 0 && (
        <details>
          <summary>{t('settingsFeedRejected', rejected.length)}</summary>
          <ul>
            {rejected.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: refusals have no identity of their own (the id may be missing).
              <li key={i} className="user-text">
                {r.id ? `${r.id}: ${r.reason}` : r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" aria-label={t('settingsFeedRemove', feed.url)} onClick={onRemove}>
        {t('settingsRemove')}
      </button>
    </li>
  );
}

/**
 * Status feeds: JSON feeds of invite statuses from the user's own tracking service, polled by the background.
 * Access to a feed's site is asked for when it is added (the click is the user gesture the prompt needs), for
 * that origin only, and given back when the last feed there is removed.
 */
export function FeedsSection() {
  const db = useDb();
  const feeds = useLiveQuery(() => db.feeds.orderBy('url').toArray(), [db]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const when = useMemo(() => {
    const format = new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium', timeStyle: 'short' });
    return (at: number) => format.format(at);
  }, []);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const url = draft.trim();
    const problem = feedUrlError(url);
    if (problem) return setError(problem);
    if (feeds?.some((f) => f.url === url)) return setError(t('settingsFeedDuplicate'));
    setError(undefined);
    setStatus({ kind: 'idle' });
    const origin = feedOrigin(url);
    // Asked synchronously inside the submit: any await before it would lose the user gesture.
    void requestHostAccess([origin]).then(async (granted) => {
      if (granted === false) return setError(t('settingsFeedNoAccess', origin));
      const reply = await sendCommand('addFeed', { url });
      if (!reply.ok) return setError(reply.error.message);
      setDraft('');
      setStatus({ kind: 'ok', message: t('settingsFeedAdded') });
      // Read it now rather than at the next alarm, so its health shows at once.
      void sendCommand('syncNow', {});
    });
  };

  const remove = async (feed: FeedRecord) => {
    const reply = await sendCommand('removeFeed', { id: feed.id });
    if (!reply.ok) return setStatus({ kind: 'error', message: reply.error.message });
    setStatus({ kind: 'ok', message: t('settingsFeedRemoved', feed.url) });
    const origin = feedOrigin(feed.url);
    const stillUsed = (feeds ?? []).some((f) => f.id !== feed.id && feedOrigin(f.url) === origin);
    const customSites = originsFor((await db.programs.toArray()).flatMap((p) => p.shoppingHosts));
    if (!stillUsed && !customSites.includes(origin)) await releaseHostAccess([origin]);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-feeds-heading">
      <h2 id="settings-feeds-heading">{t('settingsFeedsHeading')}</h2>
      <p className="muted">{t('settingsFeedsIntro')}</p>
      {feeds !== undefined && feeds.length === 0 && <p className="muted">{t('settingsFeedsNone')}</p>}
      {feeds !== undefined && feeds.length > 0 && (
        <ul className="settings-feeds" aria-label={t('settingsFeedsList')}>
          {feeds.map((feed) => (
            <FeedItem key={feed.id} feed={feed} when={when} onRemove={() => void remove(feed)} />
          ))}
        </ul>
      )}
      <form className="settings-row" onSubmit={add} noValidate>
        <div className="settings-field">
          <label htmlFor="settings-feed-input">{t('settingsFeedInput')}</label>
          <input
            id="settings-feed-input"
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://tracker.example.com/refshare.json"
            value={draft}
            aria-invalid={error !== undefined}
            aria-describedby={error ? 'settings-feed-error' : undefined}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
        </div>
        <button type="submit">{t('settingsFeedAdd')}</button>
      </form>
      {error && (
        <p role="alert" id="settings-feed-error">
          {error}
        </p>
      )}
      {status.kind === 'ok' && <p role="status">{status.message}</p>}
      {status.kind === 'error' && <p role="alert">{status.message}</p>}
    </section>
  );
}
