/** Gzipped bytes of the JavaScript an extension page loads (see bundleSize.mjs). */
export function pageJsGzip(dir: string, html: string): number;
