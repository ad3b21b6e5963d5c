import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup, PBKDF2_ITERATIONS } from '@/lib/backup/backupCrypto.lazy';
import type { BackupFile } from '@/lib/backup/format';
import { parseBackupText } from '@/lib/backup/validate';
import { importBackup, readBackupData } from '@/lib/db/backup';
import { freshDb, testCtx } from '../db/testDb';
import { exportText, seededDb, validBackup } from './fixture';

const PASS = 'correct horse battery staple';

/** A valid backup holding `n` invites: the seeded one's first invite, copied under new ids and times. */
async function backupWithInvites(n: number): Promise<BackupFile> {
  const backup = await validBackup();
  const model = backup.data.invites[0];
  if (!model) throw new Error('the seeded backup has invites');
  backup.data.invites = Array.from({ length: n }, (_, i) => ({
    ...model,
    id: `bulk-${String(i).padStart(6, '0')}`,
    nickname: `Friend ${i}`,
    sharedAt: model.sharedAt + i,
  }));
  backup.counts.invites = n;
  return backup;
}

describe('encrypted backups', () => {
  it('round-trip 10,000 invites: encrypted, opened, checked and imported into a new database, every row equal', async () => {
    const backup = await backupWithInvites(10_000);
    const text = JSON.stringify(backup);
    const file = await encryptBackup(text, PASS);
    // Nothing readable is left: no nickname, no link, no program name.
    expect(file).not.toContain('Friend 1');
    expect(file).not.toContain('aliexpress');
    // gzip before AES: the file is far smaller than the plain backup even in base64.
    expect(file.length).toBeLessThan(text.length / 4);
    const opened = await decryptBackup(file, PASS);
    expect(opened).toEqual({ ok: true, text });
    if (!opened.ok) return;
    const checked = parseBackupText(opened.text);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const db = freshDb();
    const imported = await importBackup(db, checked.backup, testCtx());
    expect(imported).toMatchObject({ ok: true, value: { added: { invites: 10_000 } } });
    expect((await readBackupData(db)).invites).toEqual(backup.data.invites);
  }, 60_000);

  it('writes a versioned header with PBKDF2-SHA-256 at 600,000 iterations, a 16-byte salt and a 12-byte IV, fresh each time', async () => {
    const text = await exportText(await seededDb());
    const [a, b] = await Promise.all([encryptBackup(text, PASS), encryptBackup(text, PASS)]);
    const header = JSON.parse(a);
    expect(header).toMatchObject({
      format: 'refshare-encrypted-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM' },
      compression: 'gzip',
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(header.kdf.salt)).toHaveLength(16);
    expect(atob(header.cipher.iv)).toHaveLength(12);
    const other = JSON.parse(b);
    expect(other.kdf.salt).not.toBe(header.kdf.salt);
    expect(other.cipher.iv).not.toBe(header.cipher.iv);
    expect(other.data).not.toBe(header.data);
  });

  it('refuses a wrong passphrase as such, and treats the passphrase as characters (NFC), not bytes', async () => {
    const text = await exportText(await seededDb());
    const file = await encryptBackup(text, 'caf\u00e9 au lait');
    expect(await decryptBackup(file, 'cafe au lait')).toEqual({ ok: false, reason: 'wrong_passphrase', detail: '' });
    expect(await decryptBackup(file, '')).toMatchObject({ ok: false, reason: 'wrong_passphrase' });
    // "é" as e + combining accent (how some keyboards send it) is the same passphrase.
    expect(await decryptBackup(file, 'cafe\u0301 au lait')).toEqual({ ok: true, text });
  });

  describe('a damaged file is refused as damaged, never opened half-way', () => {
    let file: string;
    const setup = async () => {
      file ??= await encryptBackup(await exportText(await seededDb()), PASS);
      return file;
    };

    it('cut short anywhere', async () => {
      const f = await setup();
      for (const at of [0, 10, Math.floor(f.length / 2), f.length - 3]) {
        expect(await decryptBackup(f.slice(0, at), PASS)).toMatchObject({ ok: false, reason: 'damaged' });
      }
    });

    it('one byte of the ciphertext flipped (the GCM tag catches it)', async () => {
      const f = await setup();
      const header = JSON.parse(f);
      const bytes = Uint8Array.from(atob(header.data), (c) => c.charCodeAt(0));
      for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
        const copy = bytes.slice();
        copy[at] = (copy[at] ?? 0) ^ 0x01;
        const edited = JSON.stringify({ ...header, data: btoa(String.fromCharCode(...copy)) });
        expect(await decryptBackup(edited, PASS)).toMatchObject({ ok: false, reason: 'damaged' });
      }
    });

    it('a header field changed: salt, IV, iterations, check value, version', async () => {
      const f = await setup();
      const h = JSON.parse(f);
      const otherB64 = (b64: string) =>
        btoa(String.fromCharCode(...Uint8Array.from(atob(b64), (c) => c.charCodeAt(0) ^ 1)));
      // A changed salt or count gives another key, whose check value no longer matches: nothing tells that apart
      // from another passphrase. A changed IV keeps the key and breaks the tag.
      const edits: [object, string][] = [
        [{ ...h, kdf: { ...h.kdf, salt: otherB64(h.kdf.salt) } }, 'wrong_passphrase'],
        [{ ...h, kdf: { ...h.kdf, iterations: 600_001 } }, 'wrong_passphrase'],
        [{ ...h, cipher: { ...h.cipher, iv: otherB64(h.cipher.iv) } }, 'damaged'],
        [{ ...h, check: otherB64(h.check) }, 'wrong_passphrase'],
      ];
      for (const [edited, reason] of edits) {
        expect(await decryptBackup(JSON.stringify(edited), PASS)).toMatchObject({ ok: false, reason });
      }
      expect(await decryptBackup(JSON.stringify({ ...h, kdf: { ...h.kdf, iterations: 1000 } }), PASS)).toMatchObject({
        reason: 'damaged',
        detail: 'iterations 1000',
      });
      expect(await decryptBackup(JSON.stringify({ ...h, kdf: { ...h.kdf, iterations: 1e12 } }), PASS)).toMatchObject({
        reason: 'damaged',
      });
      expect(await decryptBackup(JSON.stringify({ ...h, version: 2 }), PASS)).toMatchObject({
        reason: 'unsupported_version',
      });
      expect(await decryptBackup(JSON.stringify({ ...h, data: `${h.data} ` }), PASS)).toMatchObject({
        reason: 'damaged',
      });
      expect(await decryptBackup(JSON.stringify({ ...h, format: 'refshare-backup' }), PASS)).toMatchObject({
        reason: 'damaged',
      });
    });

    it('hostile envelopes (wrong types, prototype keys, not an object) are refused without throwing', async () => {
      for (const text of [
        'null',
        '[]',
        '"x"',
        '{"__proto__":{"format":"refshare-encrypted-backup"}}',
        '{"format":1}',
      ]) {
        expect(await decryptBackup(text, PASS)).toMatchObject({ ok: false, reason: 'damaged' });
      }
    });
  });

  it('a plain backup names the encrypted format as its own refusal, so the import knows to ask for a passphrase', async () => {
    const file = await encryptBackup(await exportText(await seededDb()), PASS);
    expect(parseBackupText(file)).toMatchObject({ ok: false, reason: 'encrypted' });
  });
});
