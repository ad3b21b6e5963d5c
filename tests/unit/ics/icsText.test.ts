import { describe, expect, it } from 'vitest';
import { dateValue, escapeText, foldLine, utcDateTime } from '@/lib/ics/icsText';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak', 'line\\nbreak'],
    ['crlf\r\nbreak', 'crlf\\nbreak'],
    ['cr\rbreak', 'cr\\nbreak'],
    ['\\,', '\\\\\\,'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\u0007gone\u007f', 'bellgone'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets, continuation lines starting with one space', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    expect(physical[0]).toHaveLength(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    // 3-byte (€), 2-byte (é) and 4-byte (emoji, a surrogate pair in JS) characters around the fold points.
    const line = `SUMMARY:${'€é😀'.repeat(30)}`;
    const physical = foldLine(line).split('\r\n');
    for (const p of physical) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      const bytes = new TextEncoder().encode(p);
      // A split sequence would not decode strictly on its own.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(physical.join('\r\n').replace(/\r\n /g, '')).toBe(line);
  });
});

describe('date values', () => {
  it('writes UTC date-times and dates', () => {
    expect(utcDateTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('20260102T030405Z');
    expect(dateValue(2026, 11, 26)).toBe('20261126');
  });
});
