import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { setMessages } from '@/lib/i18n/t';
import { setLinkWording } from '@/lib/referral/linkRefusal';

/**
 * Unit and component tests speak English, from the same locales/ files the build merges, so a test that
 * finds a button by its name also proves the string exists.
 */
const messages = mergeLocales(localesDir(process.cwd()));

// The engine words its link refusals with the extension's English messages (the background uses t(), which reads
// the same files): fixtures built when a test file loads, before any beforeEach, get the same words.
setLinkWording((key, subs) =>
  (messages.en?.[key]?.message ?? key).replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m),
);

beforeEach(() => {
  setMessages(messages.en ?? null);
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
});
