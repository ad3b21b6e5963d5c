import { t } from '@/lib/i18n/t';
import { TEMPLATE_VARIABLES } from './templateDraft';

const HELP: Record<(typeof TEMPLATE_VARIABLES)[number], string> = {
  link: 'settingsVarLink',
  code: 'settingsVarCode',
  program: 'settingsVarProgram',
  perk: 'settingsVarPerk',
  nickname: 'settingsVarNickname',
  steps: 'settingsVarSteps',
  friendsJoined: 'settingsVarFriendsJoined',
  couponsEarned: 'settingsVarCouponsEarned',
};

/** What each variable stands for, each with a button that inserts it at the cursor. */
export function TemplateVariables({ onInsert }: { onInsert: (variable: string) => void }) {
  return (
    <div className="settings-variables">
      <h3 id="settings-variables-heading">{t('settingsVariables')}</h3>
      <ul aria-labelledby="settings-variables-heading">
        {TEMPLATE_VARIABLES.map((name) => (
          <li key={name}>
            <button
              type="button"
              className="settings-variable"
              aria-label={t('settingsInsertVariable', `{${name}}`)}
              onClick={() => onInsert(`{${name}}`)}
            >
              <code>{`{${name}}`}</code>
            </button>
            <span>{t(HELP[name])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
