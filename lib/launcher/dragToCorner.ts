import { type Corner, nearestCorner } from './corner';

/** A press that moves less than this (CSS px) is a click, not a drag. */
const DRAG_THRESHOLD = 6;

/**
 * Lets the user drag the launcher to another corner: the dock follows the pointer, and on release it goes to the
 * corner nearest to where it was dropped. Returns `wasDrag()`, which the click handler asks (once per click) so a
 * drag does not also open the panel.
 */
export function dragToCorner(
  handle: HTMLElement,
  moving: HTMLElement,
  onDrop: (corner: Corner) => void,
  signal: AbortSignal,
): () => boolean {
  let start: { x: number; y: number; id: number } | null = null;
  let dragging = false;
  let dragged = false;
  const reset = () => {
    start = null;
    dragging = false;
    moving.style.transform = '';
  };
  const on = <K extends keyof HTMLElementEventMap>(type: K, listener: (e: HTMLElementEventMap[K]) => void) =>
    handle.addEventListener(type, listener, { signal });

  on('pointerdown', (e) => {
    if (e.button !== 0 || !e.isPrimary) return;
    start = { x: e.clientX, y: e.clientY, id: e.pointerId };
    dragged = false;
    // Keep receiving the moves once the pointer leaves the button (it does at once on a quick drag).
    handle.setPointerCapture?.(e.pointerId);
  });
  on('pointermove', (e) => {
    if (!start || e.pointerId !== start.id) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    dragging = true;
    moving.style.transform = `translate(${dx}px, ${dy}px)`;
  });
  on('pointerup', (e) => {
    if (dragging && start && e.pointerId === start.id) {
      dragged = true;
      onDrop(nearestCorner(e.clientX, e.clientY, innerWidth, innerHeight));
    }
    reset();
  });
  on('pointercancel', reset);
  return () => {
    const was = dragged;
    dragged = false;
    return was;
  };
}
