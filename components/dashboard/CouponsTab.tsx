/** TODO(2026-11-24): placeholder until this tab is built. */
export function CouponsTab() {
  return <p>Coupons</p>;
}
