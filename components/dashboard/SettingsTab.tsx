/** TODO(2026-11-24): placeholder until this tab is built. */
export function SettingsTab() {
  return <p>Settings</p>;
}
