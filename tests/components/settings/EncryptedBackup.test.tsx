// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '@/components/dashboard/SettingsTab';
import { useDb as appDb } from '@/components/hooks/useDb';
import { decryptBackup, encryptBackup } from '@/lib/backup/backupCrypto.lazy';
import type { BackupFile } from '@/lib/backup/format';
import { sendCommand } from '@/lib/messaging/client';
import { validBackup } from '../../unit/backup/fixture';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();
const PASS = 'correct horse battery staple';
/** PBKDF2 at 600,000 iterations takes ~0.3 s here, more on a loaded machine. */
const SLOW = { timeout: 15_000 };

let backup: BackupFile;
beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await Promise.all(db.tables.map((table) => table.clear()));
  backup = await validBackup();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Captures what "Export backup" downloads. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:refshare-test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

const fileInput = () => screen.getByLabelText('Backup file') as HTMLInputElement;
const file = (text: string, name = 'refshare-backup-2026-11-25.encrypted.json') =>
  new File([text], name, { type: 'application/json' });

describe('Export backup with a passphrase', () => {
  it('warns that a plain export holds nicknames, until a passphrase is typed', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const field = await screen.findByLabelText('Backup passphrase');
    const button = screen.getByRole('button', { name: 'Export backup' });
    expect(button.getAttribute('aria-describedby')).toContain('settings-passphrase-hint');
    expect(screen.getByText(/Without a passphrase the file is not encrypted/).textContent).toMatch(/nicknames/);
    await user.type(field, PASS);
    expect(screen.queryByText(/Without a passphrase/)).toBeNull();
    expect(screen.getByText(/only someone who knows the passphrase can open it/)).toBeTruthy();
  });

  it('refuses a short passphrase or two that differ, and downloads nothing', async () => {
    const user = userEvent.setup();
    const files = captureDownloads();
    render(<SettingsTab />);
    await user.type(await screen.findByLabelText('Backup passphrase'), 'short');
    await user.type(screen.getByLabelText('Type it again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Export backup' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Use a passphrase of at least 8 characters.');
    expect(screen.getByLabelText('Backup passphrase').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Backup passphrase'));
    await user.type(screen.getByLabelText('Backup passphrase'), PASS);
    await user.clear(screen.getByLabelText('Type it again'));
    await user.type(screen.getByLabelText('Type it again'), `${PASS}!`);
    await user.click(screen.getByRole('button', { name: 'Export backup' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The two passphrases are not the same.');
    expect(files).toHaveLength(0);
  });

  it('downloads a file that holds no nickname and opens, with the passphrase, to the whole backup', async () => {
    const user = userEvent.setup();
    await db.links.bulkAdd(backup.data.links);
    await db.programs.bulkAdd(backup.data.programs);
    await db.invites.bulkAdd(backup.data.invites);
    const files = captureDownloads();
    render(<SettingsTab />);
    await user.type(await screen.findByLabelText('Backup passphrase'), PASS);
    await user.type(screen.getByLabelText('Type it again'), PASS);
    await user.click(screen.getByRole('button', { name: 'Export backup' }));
    await screen.findByText(/^Exported .*, encrypted with your passphrase\.$/, {}, SLOW);
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^refshare-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    const text = (await files[0]?.blob.text()) ?? '';
    expect(text).not.toContain('Ana');
    expect(text).not.toContain(backup.data.links[0]?.url ?? '-');
    const opened = await decryptBackup(text, PASS);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect((JSON.parse(opened.text) as BackupFile).data.invites).toEqual(backup.data.invites);
  });
});

describe('Import an encrypted backup', () => {
  it('asks for the passphrase; a wrong one is refused and nothing is sent; the right one previews, then imports', async () => {
    const user = userEvent.setup();
    const encrypted = await encryptBackup(JSON.stringify(backup), PASS);
    send.mockResolvedValue({
      ok: true,
      value: {
        added: { links: 4, programs: 1, invites: 3, events: 3, coupons: 2 },
        replaced: { links: 0, programs: 0, invites: 0, events: 0, coupons: 0 },
        skipped: { links: 0, coupons: 0 },
      },
    });
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), file(encrypted));
    expect(await screen.findByRole('heading', { name: 'This backup is encrypted' }, SLOW)).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    await user.type(field, 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Open backup' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toBe('This passphrase does not open the backup. Nothing was changed.');
    expect(send).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();

    await user.clear(screen.getByLabelText('Passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), PASS);
    await user.click(screen.getByRole('button', { name: 'Open backup' }));
    await screen.findByRole('heading', { name: 'Import this backup?' }, SLOW);
    expect(screen.queryByRole('heading', { name: 'This backup is encrypted' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('importBackup', { backup }));
  });

  it('refuses a file with one flipped byte as damaged, and one cut short as not a backup', async () => {
    const user = userEvent.setup();
    const encrypted = await encryptBackup(JSON.stringify(backup), PASS);
    const header = JSON.parse(encrypted);
    const bytes = Uint8Array.from(atob(header.data), (c) => c.charCodeAt(0));
    bytes[40] = (bytes[40] ?? 0) ^ 0x80;
    const flipped = JSON.stringify({ ...header, data: btoa(String.fromCharCode(...bytes)) });
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), file(flipped));
    await user.type(await screen.findByLabelText('Passphrase', {}, SLOW), PASS);
    await user.click(screen.getByRole('button', { name: 'Open backup' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toMatch(
      /^The backup cannot be opened: the file is damaged or was changed after it was exported/,
    );
    expect(alert.textContent).toMatch(/Nothing was changed\.$/);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.upload(fileInput(), file(encrypted.slice(0, encrypted.length / 2)));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toMatch(/cut short/);
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
