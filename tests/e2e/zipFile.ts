/**
 * Reads files out of a .zip (stored or deflated entries, no zip64): enough to look inside the packages
 * `npm run zip` makes without another dependency.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** Every entry of the archive: name → bytes. */
export function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  // The end-of-central-directory record sits in the last 22 bytes plus up to 64 kB of comment.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    if (!name.endsWith('/')) {
      if (method !== 0 && method !== 8) throw new Error(`${file}: ${name} uses compression method ${method}`);
      entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
