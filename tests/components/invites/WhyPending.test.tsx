// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhyPending } from '@/components/dashboard/invites/WhyPending';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { supportMessage } from '@/lib/referral/supportMessage';
import { HOUR } from '@/lib/referral/time';
import type { Invite, Program } from '@/lib/referral/types';
import { invite, T0 } from './fixtures';

const capped: Program = { ...aliexpress, rules: { ...aliexpress.rules, monthlyCap: 10 } };
const PAID = T0 - 30 * HOUR;
const DUE = PAID + 24 * HOUR;

/** Ana paid 30 h ago: her AliExpress coupon (due 24 h after) is 6 h late at T0. */
const overdue = (fields: Partial<Invite> = {}) =>
  invite({
    id: 'inv-ana',
    nickname: 'Ana',
    sharedAt: PAID - HOUR,
    status: 'first_purchase',
    milestones: { registered: PAID - HOUR, first_purchase: PAID },
    rewardDueAt: DUE,
    ...fields,
  });

function setup(inv: Invite, program: Program = aliexpress, now = T0) {
  const user = userEvent.setup();
  // After userEvent.setup(), which installs its own clipboard.
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  render(
    <table>
      <tbody>
        <tr>
          <WhyPending invite={inv} program={program} now={now} locale="en" timeZone="UTC" />
        </tr>
      </tbody>
    </table>,
  );
  return { user, writeText, cell: screen.getByRole('cell') };
}

afterEach(cleanup);

describe('"Why pending?" of an overdue reward', () => {
  it('lists the likely causes under "Likely causes"', async () => {
    const { user, cell } = setup(overdue());
    expect(within(cell).getByText(/^Coupon overdue since/)).toBeTruthy();
    await user.click(within(cell).getByText('Likely causes'));
    const causes = within(cell).getByRole('list', { name: 'Likely causes' });
    expect(
      within(causes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Your friend already had an account with AliExpress: only new accounts count.',
      'Your friend signed up without opening your link, or opened it in a browser but registered in the app.',
      'The first order was cancelled or refunded.',
    ]);
  });

  it('names the monthly cap as a cause only when the program has one', async () => {
    const { user, cell } = setup(overdue(), capped);
    await user.click(within(cell).getByText('Likely causes'));
    const causes = within(within(cell).getByRole('list', { name: 'Likely causes' })).getAllByRole('listitem');
    expect(causes).toHaveLength(4);
    expect(causes[3]?.textContent).toBe("You had already reached the program's monthly limit of 10 rewarded invites.");
  });

  it('"Copy support message" copies the ready message (no nickname in it) and says so', async () => {
    const { user, writeText, cell } = setup(overdue());
    await user.click(within(cell).getByText('Likely causes'));
    await user.click(within(cell).getByRole('button', { name: 'Copy support message' }));
    const expected = supportMessage(aliexpress, PAID, DUE, 'en', 'UTC');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(expected);
    expect(expected).not.toContain('Ana');
    expect(within(cell).getByRole('status').textContent).toBe(
      "Support message copied. Paste it into a chat with the program's support.",
    );
    expect(within(cell).queryByRole('alert')).toBeNull();
  });

  it('a clipboard failure is an alert, with the message shown to copy by hand', async () => {
    const { user, writeText, cell } = setup(overdue());
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    await user.click(within(cell).getByText('Likely causes'));
    await user.click(within(cell).getByRole('button', { name: 'Copy support message' }));
    expect(within(cell).getByRole('alert').textContent).toBe(
      'Could not copy to the clipboard (Document is not focused.). Select the message below and copy it by hand.',
    );
    expect(within(cell).getByRole('status').textContent).toBe('');
    const box = within(cell).getByRole('textbox', { name: 'Support message' }) as HTMLTextAreaElement;
    expect(box.value).toBe(supportMessage(aliexpress, PAID, DUE, 'en', 'UTC'));
    expect(box.readOnly).toBe(true);
  });

  it.each<[string, Invite, number]>([
    ['a reward still within its delay', overdue(), DUE - 1],
    ['a reward that arrived', overdue({ status: 'coupon_received' }), T0],
    ['a friend who has not paid yet', invite({ id: 'inv-bea', nickname: 'Bea', status: 'registered' }), T0],
  ])('offers no causes or support message for %s', (_label, inv, now) => {
    const { cell } = setup(inv, capped, now);
    expect(within(cell).queryByText('Likely causes')).toBeNull();
    expect(within(cell).queryByRole('button', { name: 'Copy support message' })).toBeNull();
  });

  it('keeps a hostile nickname isolated, as text', async () => {
    // Markup, then a right-to-left override that would reorder the rest of the sentence if it were not isolated.
    const nickname = '<img src=x onerror=alert(1)>\u202e';
    const { user, cell } = setup(overdue({ nickname }));
    await user.click(within(cell).getByText('Likely causes'));
    const isolated = within(cell).getByText(nickname);
    expect([isolated.tagName, isolated.classList.contains('user-text')]).toEqual(['BDI', true]);
    expect(cell.querySelector('img')).toBeNull();
    expect(within(cell).getByRole('list', { name: 'Likely causes' }).textContent).not.toContain(nickname);
  });
});
