/**
 * The envelope of an encrypted backup, as far as code that never decrypts needs to know it: the import reads a
 * file, sees this format and asks for the passphrase; the cryptography itself (backupCrypto.lazy.ts) loads only
 * when a passphrase is used.
 */
export const ENCRYPTED_BACKUP_FORMAT = 'refshare-encrypted-backup';

/** `refshare-backup-YYYY-MM-DD.encrypted.json`: the same day rule as a plain backup, and says what it is. */
export function encryptedFileName(plainName: string): string {
  return plainName.replace(/\.json$/, '.encrypted.json');
}

/** Shortest passphrase accepted: the file may sit on a cloud drive for years, open to guessing offline. */
export const MIN_PASSPHRASE_LENGTH = 8;
