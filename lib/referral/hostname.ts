const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Normalises a hostname the way the URL parser does (lower case, IDN to punycode) and checks it is a real
 * domain name: at least two labels, each 1–63 letters, digits or inner hyphens, not an IP address.
 * Returns the normalised name, or undefined when it is not a valid hostname.
 */
export function normaliseHostname(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || /[\s/?#@:\\%]/.test(text)) return undefined;
  let host: string;
  try {
    host = new URL(`https://${text}/`).hostname;
  } catch {
    return undefined;
  }
  if (host.length > 253) return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  // An all-numeric last label means an IP address, which no shopping program uses.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return undefined;
  return host;
}
