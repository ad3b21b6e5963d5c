import type { SaveState } from './useSave';

/**
 * Where a section reports its last save. The status region is always in the page (screen readers only
 * announce changes to a live region that already exists); a failure is an alert.
 */
export function SaveStatus({ state, id }: { state: SaveState; id?: string }) {
  return (
    <div className="settings-status" id={id}>
      <p role="status" className="muted">
        {state.kind === 'saved' ? state.message : ''}
      </p>
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </div>
  );
}
