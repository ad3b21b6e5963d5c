import { type FormEvent, useState } from 'react';
import { MAX_MUTED_SITES } from '@/lib/backup/settingsCheck';
import { t } from '@/lib/i18n/t';
import { normaliseHostname } from '@/lib/referral/hostname';
import type { AppSettings } from '@/lib/settings';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

/**
 * The host name the user means: a bare host ("shop.example.com") or one taken from a pasted address
 * ("https://shop.example.com/item/1"). Undefined when it is neither.
 */
function siteFromInput(input: string): string | undefined {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return normaliseHostname(new URL(text).hostname);
    } catch {
      return undefined;
    }
  }
  return normaliseHostname(text);
}

/** Sites where the shop-page button stays hidden: a list with remove buttons and a field to add one. */
export function MutedSites({ settings }: { settings: AppSettings }) {
  const { state, save, setState } = useSave();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const sites = settings.mutedSites;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const site = siteFromInput(draft);
    if (!site) return setError(t('settingsMutedInvalid'));
    if (sites.includes(site)) return setError(t('settingsMutedDuplicate', site));
    if (sites.length >= MAX_MUTED_SITES) return setError(t('settingsMutedTooMany', MAX_MUTED_SITES));
    setError(undefined);
    const added = (current: AppSettings) => ({ mutedSites: [...new Set([...current.mutedSites, site])].sort() });
    if (await save(added, t('settingsMutedAdded', site))) setDraft('');
  };

  const remove = (site: string) => {
    setState({ kind: 'idle' });
    save((current) => ({ mutedSites: current.mutedSites.filter((s) => s !== site) }), t('settingsMutedRemoved', site));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-muted-heading">
      <h2 id="settings-muted-heading">{t('settingsMutedHeading')}</h2>
      <p className="muted">{t('settingsMutedIntro')}</p>
      {sites.length === 0 ? (
        <p className="muted">{t('settingsMutedNone')}</p>
      ) : (
        <ul className="settings-sites" aria-label={t('settingsMutedList')}>
          {sites.map((site) => (
            <li key={site}>
              <span className="user-text">{site}</span>
              <button type="button" aria-label={t('settingsMutedRemove', site)} onClick={() => remove(site)}>
                {t('settingsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings-row" onSubmit={add} noValidate>
        <div className="settings-field">
          <label htmlFor="settings-muted-input">{t('settingsMutedInput')}</label>
          <input
            id="settings-muted-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="shop.example.com"
            value={draft}
            aria-invalid={error !== undefined}
            aria-describedby={error ? 'settings-muted-error' : undefined}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
        </div>
        <button type="submit">{t('settingsMutedAdd')}</button>
      </form>
      {error && (
        <p role="alert" id="settings-muted-error">
          {error}
        </p>
      )}
      <SaveStatus state={state} />
    </section>
  );
}
