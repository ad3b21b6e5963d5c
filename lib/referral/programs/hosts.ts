/**
 * The built-in programs' shopping sites (match patterns), data only: the shop-page launcher's content script
 * lists them as its `matches` and is bundled with whatever it imports, so it imports these rather than the
 * programs themselves (rules, share texts, link recognisers). The programs take their `shoppingHosts` from here.
 */
export const ALIEXPRESS_SHOPPING_HOSTS = ['*://*.aliexpress.com/*', '*://*.aliexpress.us/*'];
export const TEMU_SHOPPING_HOSTS = ['*://*.temu.com/*'];
