/** storage.local keys of the popup's first-paint card (lib/share/popupCard.ts), apart so the worker imports only these. */
export const POPUP_CARD = 'popupCard';
/** Replaced with a new random value around every change of links or programs (lib/platform/dataVersion.ts). */
export const DATA_VERSION = 'dataVersion';
