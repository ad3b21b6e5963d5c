/** Gzipped bytes of the JavaScript an extension page loads (see bundleSize.mjs). */
export function pageJsGzip(dir: string, html: string): number;
/** Gzipped bytes of the background service worker and the chunks it imports (see bundleSize.mjs). */
export function workerJsGzip(dir: string): number;
