import { describe, expect, it } from 'vitest';
import { pickExtensionApi } from '@/lib/launcher/extensionApi';

const chrome = { runtime: { id: 'abc' } };
const firefox = { runtime: { id: 'refshare@refshare.example' } };

describe('the launcher’s extension API', () => {
  it.each(['firefox', 'safari'])('is `browser` in a %s build', (name) => {
    expect(pickExtensionApi({ browser: firefox, chrome }, name)).toBe(firefox);
  });

  it.each(['chrome', 'edge', 'opera'])('is `chrome` in a %s build, whatever the page calls "browser"', (name) => {
    // A page element with id="browser" is window.browser in the content script too.
    expect(pickExtensionApi({ browser: { id: 'browser', tagName: 'DIV' }, chrome }, name)).toBe(chrome);
    expect(pickExtensionApi({ chrome }, name)).toBe(chrome);
  });
});
