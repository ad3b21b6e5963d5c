import { t } from '@/lib/i18n/t';
import { BackupSection } from './settings/BackupSection';
import { BrowserSyncSection } from './settings/BrowserSyncSection';
import { FeedsSection } from './settings/FeedsSection';
import { LanguageSetting } from './settings/LanguageSetting';
import { MutedSites } from './settings/MutedSites';
import { NotificationSettings } from './settings/NotificationSettings';
import { TemplateEditor } from './settings/TemplateEditor';
import { ShowChangeContext, useLocalSettings } from './settings/useLocalSettings';
import './settings/settings.css';

/**
 * Settings tab: notifications, language, share-text templates, muted sites, status feeds, and backup / delete all
 * data.
 * Settings show their live values (another page may change them) and are saved as they are changed; a change
 * shows at once, before storage confirms it.
 */
export function SettingsTab() {
  const { settings, showChange } = useLocalSettings();
  if (!settings) return <p className="muted">{t('settingsLoading')}</p>;
  return (
    <ShowChangeContext value={showChange}>
      <div className="settings-tab">
        <NotificationSettings settings={settings} />
        <LanguageSetting settings={settings} />
        <TemplateEditor settings={settings} />
        <MutedSites settings={settings} />
        <FeedsSection />
        <BrowserSyncSection />
        <BackupSection />
      </div>
    </ShowChangeContext>
  );
}
