import { describe, expect, it } from 'vitest';
import { DOTS_CLIP, LAUNCHER_CSS, MARK_CLIP } from '@/lib/launcher/launcherStyles';

type Point = [number, number];

/** 3 decimals, as the styles write them. */
const n = (x: number) => String(+x.toFixed(3));

/**
 * The outline of a stroke with round ends, as closed shapes wound one way (so that, overlapping, they add up): a
 * capsule per straight line, and half a ring for a half-circle arc (its ends are the lines' round ends).
 */
function strokeOutline(width: number, scale: number) {
  const r = width / 2;
  const p = ([x, y]: Point) => `${n(x * scale)} ${n(y * scale)}`;
  const arc = (radius: number, sweep: 0 | 1, to: Point) =>
    `A${n(radius * scale)} ${n(radius * scale)} 0 0 ${sweep} ${p(to)}`;
  const line = ([ax, ay]: Point, [bx, by]: Point) => {
    const length = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [(-(by - ay) / length) * r, ((bx - ax) / length) * r];
    const a1: Point = [ax + nx, ay + ny];
    const b1: Point = [bx + nx, by + ny];
    const b2: Point = [bx - nx, by - ny];
    const a2: Point = [ax - nx, ay - ny];
    return `M${p(a1)}L${p(b1)}${arc(r, 0, b2)}L${p(a2)}${arc(r, 0, a1)}Z`;
  };
  /** The right half of a circle, from its top to its bottom. */
  const rightHalf = ([cx, cy]: Point, radius: number) => {
    const [outer, inner] = [radius + r, radius - r];
    return `M${p([cx, cy + outer])}${arc(outer, 0, [cx, cy - outer])}L${p([cx, cy - inner])}${arc(inner, 1, [cx, cy + inner])}Z`;
  };
  return { line, rightHalf };
}

describe('launcher styles', () => {
  it('draw the RefShare "R" as its SVG path stroked 2.2 wide, round, in 16 units shown at 26 px', () => {
    // M5 12.5V3.6h3.2a2.4 2.4 0 0 1 0 4.8H5M8 8.4l3 4.1
    const { line, rightHalf } = strokeOutline(2.2, 26 / 16);
    const outline = [
      line([5, 12.5], [5, 3.6]),
      line([5, 3.6], [8.2, 3.6]),
      rightHalf([8.2, 6], 2.4),
      line([8.2, 8.4], [5, 8.4]),
      line([8, 8.4], [11, 12.5]),
    ].join('');
    expect(MARK_CLIP).toBe(outline);
  });

  it('draw the three dots: r 1.6 at x 2 and y 3, 8, 13', () => {
    const dot = (y: number) => `M2 ${n(y - 1.6)}a1.6 1.6 0 1 0 0 3.2a1.6 1.6 0 1 0 0-3.2`;
    expect(DOTS_CLIP).toBe([3, 8, 13].map(dot).join(''));
  });

  it('use both, as clip paths', () => {
    expect(LAUNCHER_CSS).toContain(`clip-path:path("${MARK_CLIP}")`);
    expect(LAUNCHER_CSS).toContain(`clip-path:path("${DOTS_CLIP}")`);
  });
});
