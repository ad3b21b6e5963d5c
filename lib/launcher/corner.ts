/** Where the launcher sits: one of the viewport's corners, away from the middle where pages put their controls. */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Bottom-right: where shops put the least (their menus, search and buy buttons sit at the top and in the middle). */
export const DEFAULT_CORNER: Corner = 'bottom-right';

const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export function isCorner(value: unknown): value is Corner {
  return CORNERS.includes(value as Corner);
}

const join = (vertical: string, horizontal: string) => `${vertical}-${horizontal}` as Corner;

/**
 * The corner an arrow key moves the launcher to: ← and → change the side, ↑ and ↓ the edge; null for any
 * other key (and for a key that points where it already is, so the caller can let it be).
 */
export function cornerAfterKey(corner: Corner, key: string): Corner | null {
  const [vertical = 'bottom', horizontal = 'right'] = corner.split('-');
  const next =
    key === 'ArrowLeft'
      ? join(vertical, 'left')
      : key === 'ArrowRight'
        ? join(vertical, 'right')
        : key === 'ArrowUp'
          ? join('top', horizontal)
          : key === 'ArrowDown'
            ? join('bottom', horizontal)
            : null;
  return next === corner ? null : next;
}

/** The corner nearest to where a drag ended (viewport coordinates, CSS px); the middle goes to bottom-right. */
export function nearestCorner(x: number, y: number, width: number, height: number): Corner {
  return join(y < height / 2 ? 'top' : 'bottom', x < width / 2 ? 'left' : 'right');
}
