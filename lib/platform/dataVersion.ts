import { browser } from 'wxt/browser';
import { DATA_VERSION } from '@/lib/share/popupCardKeys';

/** A new random value in storage.local: any popup card written before now is older than the data (popupCard.ts). */
export function bumpDataVersion(): Promise<void> {
  return browser.storage.local.set({ [DATA_VERSION]: crypto.randomUUID() });
}
