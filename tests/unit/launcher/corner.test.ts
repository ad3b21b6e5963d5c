// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type Corner, cornerAfterKey, DEFAULT_CORNER, isCorner, nearestCorner } from '@/lib/launcher/corner';

describe('launcher corners', () => {
  it('starts bottom-right, away from the page’s menus and buy buttons', () => {
    expect(DEFAULT_CORNER).toBe('bottom-right');
  });

  it.each<[Corner, string, Corner | null]>([
    ['bottom-right', 'ArrowLeft', 'bottom-left'],
    ['bottom-right', 'ArrowUp', 'top-right'],
    ['bottom-right', 'ArrowRight', null],
    ['bottom-right', 'ArrowDown', null],
    ['top-left', 'ArrowRight', 'top-right'],
    ['top-left', 'ArrowDown', 'bottom-left'],
    ['top-right', 'ArrowLeft', 'top-left'],
    ['bottom-left', 'ArrowUp', 'top-left'],
    ['bottom-left', 'Enter', null],
    ['bottom-left', ' ', null],
    ['bottom-left', 'Tab', null],
  ])('from %s, %j moves to %s', (corner, key, expected) => {
    expect(cornerAfterKey(corner, key)).toBe(expected);
  });

  it.each<[number, number, Corner]>([
    [10, 10, 'top-left'],
    [990, 10, 'top-right'],
    [10, 790, 'bottom-left'],
    [990, 790, 'bottom-right'],
    // The exact middle, and anything off screen, still lands in a corner.
    [500, 400, 'bottom-right'],
    [-50, -50, 'top-left'],
    [5000, 5000, 'bottom-right'],
  ])('a drag dropped at (%d, %d) in a 1000×800 viewport goes %s', (x, y, expected) => {
    expect(nearestCorner(x, y, 1000, 800)).toBe(expected);
  });

  it('recognises only the four corners (stored places are checked before use)', () => {
    expect(['top-left', 'top-right', 'bottom-left', 'bottom-right'].every(isCorner)).toBe(true);
    expect([undefined, null, '', 'middle', 'Top-Left', 3, {}].some(isCorner)).toBe(false);
  });
});
