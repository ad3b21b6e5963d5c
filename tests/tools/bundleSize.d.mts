/** Gzipped bytes of the JavaScript an extension page loads when it opens (see bundleSize.mjs). */
export function pageJsGzip(dir: string, html: string): number;
/** Gzipped bytes of the background service worker and the chunks it imports (see bundleSize.mjs). */
export function workerJsGzip(dir: string): number;
/** The chunks of features that load on first use (`*.lazy.ts` modules), with their gzipped bytes (see bundleSize.mjs). */
export function onDemandChunks(dir: string): { file: string; gzip: number }[];
