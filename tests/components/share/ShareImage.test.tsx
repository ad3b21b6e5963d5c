// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareImage } from '@/components/share/ShareImage';
import { renderShareImage, shareImageFileName } from '@/lib/share/shareImage.lazy';
import { ALI_URL } from './fixtures';

// happy-dom has no canvas: the renderer is replaced, and tests/e2e/shareImage.test.ts draws the real PNG.
vi.mock('@/lib/share/shareImage.lazy', async (original) => ({
  ...(await original<typeof import('@/lib/share/shareImage.lazy')>()),
  renderShareImage: vi.fn(),
}));
const render$ = vi.mocked(renderShareImage);
const PNG = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

const STEPS = ['Open the link', 'Sign up', 'Pay for your first order'];

function setup(props: Partial<Parameters<typeof ShareImage>[0]> = {}) {
  const onDone = vi.fn();
  const onError = vi.fn();
  render(
    <ShareImage
      programName="AliExpress"
      link={ALI_URL}
      gets="New-user coupons on your first order"
      steps={STEPS}
      nickname="Ana"
      onDone={onDone}
      onError={onError}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onDone, onError };
}

/** Captures what a click on the hidden download link would save. */
function captureDownloads() {
  const saved: { name: string; href: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:share-image';
  });
  return { saved, blobs };
}

/** Web Share level 2, as on a phone: files can be shared. */
function stubShare(share: (data: ShareData) => Promise<void>) {
  Object.defineProperty(navigator, 'canShare', {
    configurable: true,
    value: (data: ShareData) => (data.files?.length ?? 0) > 0,
  });
  Object.defineProperty(navigator, 'share', { configurable: true, value: vi.fn(share) });
  return navigator.share as ReturnType<typeof vi.fn>;
}

beforeEach(() => {
  render$.mockReset();
  render$.mockResolvedValue(PNG);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'canShare');
  Reflect.deleteProperty(navigator, 'share');
});

describe('ShareImage', () => {
  it('offers the two sizes as a radio group "Image size", feed chosen', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Image size' });
    const feed = within(group).getByRole('radio', { name: 'Feed (1080×1350)' }) as HTMLInputElement;
    const story = within(group).getByRole('radio', { name: 'Story (1080×1920)' }) as HTMLInputElement;
    expect([feed.checked, story.checked]).toEqual([true, false]);
    expect(feed.name).toBe(story.name);
  });

  it('"Download share image" draws the feed image from the props and saves refshare-<program>-feed.png', async () => {
    const { saved, blobs } = captureDownloads();
    const { user, onDone, onError } = setup();
    await user.click(screen.getByRole('button', { name: 'Download share image' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'refshare-aliexpress-feed.png', href: 'blob:share-image' }]));
    expect(render$).toHaveBeenCalledExactlyOnceWith(
      {
        programName: 'AliExpress',
        gets: 'New-user coupons on your first order',
        steps: STEPS,
        nickname: 'Ana',
        link: ALI_URL,
        locale: 'en',
        labels: { forNickname: 'For $1', scan: 'Scan to open my invite link' },
      },
      'feed',
    );
    expect(blobs[0]?.type).toBe('image/png');
    expect(onDone).toHaveBeenCalledWith('Share image saved (refshare-aliexpress-feed.png)');
    expect(onError).not.toHaveBeenCalled();
    // The download link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('the story size saves refshare-<program>-story.png', async () => {
    const { saved } = captureDownloads();
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Story (1080×1920)' }));
    await user.click(screen.getByRole('button', { name: 'Download share image' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['refshare-aliexpress-story.png']));
    expect(render$.mock.calls[0]?.[1]).toBe('story');
  });

  it('hides "Share image…" where the browser cannot share files', () => {
    setup();
    expect(screen.queryByRole('button', { name: 'Share image…' })).toBeNull();
  });

  it('"Share image…" hands the PNG to the share sheet where files can be shared', async () => {
    const share = stubShare(async () => {});
    const { user, onDone } = setup();
    await user.click(screen.getByRole('button', { name: 'Share image…' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Share image sent'));
    const data = share.mock.calls[0]?.[0] as ShareData;
    expect(data.title).toBe('AliExpress');
    expect(data.files?.map((f) => [f.name, f.type])).toEqual([['refshare-aliexpress-feed.png', 'image/png']]);
  });

  it('closing the share sheet is no error', async () => {
    stubShare(async () => {
      throw new DOMException('Share canceled', 'AbortError');
    });
    const { user, onDone, onError } = setup();
    await user.click(screen.getByRole('button', { name: 'Share image…' }));
    await waitFor(() => expect(render$).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(onDone).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('a failure is reported through onError, not thrown', async () => {
    render$.mockRejectedValue(new Error('The amount of data is too big to be stored in a QR Code'));
    const { user, onError } = setup();
    await user.click(screen.getByRole('button', { name: 'Download share image' }));
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith(
        'Could not create the share image: The amount of data is too big to be stored in a QR Code',
      ),
    );
  });
});

describe('shareImageFileName', () => {
  it.each([
    ['AliExpress', 'feed', 'refshare-aliexpress-feed.png'],
    ['Temu', 'story', 'refshare-temu-story.png'],
    ['My shop / 2025', 'feed', 'refshare-my-shop-2025-feed.png'],
    ['Магазин', 'story', 'refshare-магазин-story.png'],
    ['<script>', 'feed', 'refshare-script-feed.png'],
    ['../../', 'feed', 'refshare-link-feed.png'],
  ] as const)('%j (%s) → %s', (name, size, file) => {
    expect(shareImageFileName(name, size)).toBe(file);
  });
});
