/** TODO(2026-11-24): placeholder until the popup is built. */
export function Popup() {
  return <h1>RefShare</h1>;
}
