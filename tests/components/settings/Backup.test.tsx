// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '@/components/dashboard/SettingsTab';
import { useDb as appDb } from '@/components/hooks/useDb';
import type { BackupFile } from '@/lib/backup/format';
import { sendCommand } from '@/lib/messaging/client';
import { loadSettings } from '@/lib/settings';
import { validBackup } from '../../unit/backup/fixture';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();

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

/** Puts the backup's rows in the database the page reads, as if the background had written them. */
async function seed(b: BackupFile) {
  await db.links.bulkAdd(b.data.links);
  await db.programs.bulkAdd(b.data.programs);
  await db.invites.bulkAdd(b.data.invites);
  await db.events.bulkAdd(b.data.events);
  await db.coupons.bulkAdd(b.data.coupons);
}

/** Reading, parsing and checking a file, then reading the database, can take a while on a busy machine. */
const SLOW = { timeout: 5000 };
const fileInput = () => screen.getByLabelText('Backup file') as HTMLInputElement;
const jsonFile = (text: string, name = 'refshare-backup-2026-11-25.json') =>
  new File([text], name, { type: 'application/json' });

describe('Export backup', () => {
  it('downloads the whole database and the settings as dated JSON, and says what it exported', async () => {
    const user = userEvent.setup();
    await seed(backup);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:refshare-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Export backup' }));

    const status = await screen.findByText(/^Exported /, {}, SLOW);
    expect(status.textContent).toBe('Exported 4 links, 1 custom program, 3 invites, 2 coupons, and 3 status updates.');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/^refshare-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]?.href).toBe('blob:refshare-test');
    expect(blob?.type).toBe('application/json');
    const file = JSON.parse((await blob?.text()) ?? '') as BackupFile;
    expect(file).toMatchObject({ format: 'refshare-backup', version: 1, counts: backup.counts });
    expect(file.data).toEqual(backup.data);
    expect(file.settings).toEqual(await loadSettings());
    expect(Object.keys(file.data)).not.toContain('outbox');
  });
});

describe('Import backup', () => {
  it.each([
    ['a file that is not JSON', 'hello', /not a backup file/],
    ['another app’s JSON', '{"version":1,"items":[]}', /not a RefShare backup/],
  ])('refuses %s with the reason in an alert and sends nothing', async (_name, text, reason) => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), jsonFile(text));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toMatch(reason);
    expect(alert.textContent).toMatch(/Nothing was changed/);
    expect(send).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('refuses a backup with an edited link, naming where, and sends nothing', async () => {
    const user = userEvent.setup();
    const edited = structuredClone(backup);
    (edited.data.links[2] as { url: string }).url = 'https://evil.example.com/s/abc';
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), jsonFile(JSON.stringify(edited)));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toMatch(/does not belong to its program/);
    expect(alert.textContent).toMatch(/data\.links\[2\]/);
    expect(send).not.toHaveBeenCalled();
  });

  it('previews what a valid file adds and replaces, then sends importBackup and applies its settings', async () => {
    const user = userEvent.setup();
    // This device already has the first link (same id): it will be replaced.
    await db.links.add(backup.data.links[0] as never);
    backup.settings = { ...backup.settings, followUpDays: 9, language: 'en' };
    send.mockResolvedValue({
      ok: true,
      value: {
        added: { links: 3, programs: 1, invites: 3, events: 3, coupons: 2 },
        replaced: { links: 1, programs: 0, invites: 0, events: 0, coupons: 0 },
        skipped: { links: 0, coupons: 0 },
      },
    });
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Import backup' }));
    await user.upload(fileInput(), jsonFile(JSON.stringify(backup)));

    const preview = await screen.findByRole('group', { name: 'Import this backup?' }, SLOW);
    const text = preview.textContent ?? '';
    expect(text).toContain('Adds 3 links, 1 custom program, 3 invites, 2 coupons, and 3 status updates.');
    expect(text).toContain('Replaces 1 link with the backup');
    expect(text).toContain('Nothing is deleted');
    expect(text).toContain('refshare-backup-2026-11-25.json');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Import this backup?'));
    expect(send).not.toHaveBeenCalled();

    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('importBackup', { backup });
    expect(await screen.findByText(/^Backup imported\./, {}, SLOW)).toBeTruthy();
    expect((await loadSettings()).followUpDays).toBe(9);
    expect(screen.queryByRole('group', { name: 'Import this backup?' })).toBeNull();
  });

  it('Cancel closes the preview without sending anything', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), jsonFile(JSON.stringify(backup)));
    const preview = await screen.findByRole('group', { name: 'Import this backup?' }, SLOW);
    await user.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Import this backup?' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import backup' })));
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the background’s refusal and keeps the settings', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'invalid_input', message: 'The backup has an invalid entry.' },
    });
    backup.settings = { ...backup.settings, followUpDays: 9 };
    render(<SettingsTab />);
    await screen.findByRole('button', { name: 'Import backup' });
    await user.upload(fileInput(), jsonFile(JSON.stringify(backup)));
    await user.click(await screen.findByRole('button', { name: 'Import' }, SLOW));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe(
      'The backup was not imported: The backup has an invalid entry.',
    );
    expect((await loadSettings()).followUpDays).toBe(3);
  });
});

describe('Delete all data', () => {
  it('asks first, and only "Yes, delete everything" sends deleteAllData', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({
      ok: true,
      value: { links: 4, programs: 1, invites: 3, events: 3, coupons: 2, outbox: 0, feeds: 0 },
    });
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Delete all data' }));
    expect(send).not.toHaveBeenCalled();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    await user.click(cancel);
    expect(screen.queryByRole('button', { name: 'Yes, delete everything' })).toBeNull();
    expect(send).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete all data' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect(send).toHaveBeenCalledWith('deleteAllData', { confirm: 'DELETE' });
    expect(await screen.findByText('All data was deleted and the settings were reset.')).toBeTruthy();
  });

  it('reports a failure as an alert', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong; nothing was changed.' },
    });
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Delete all data' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toMatch(
      /^Nothing was deleted: Something went wrong/,
    );
  });
});
