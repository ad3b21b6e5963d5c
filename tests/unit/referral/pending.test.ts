import { describe, expect, it } from 'vitest';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { explainPending } from '@/lib/referral/pending';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { DAY } from '@/lib/referral/time';
import type { Invite, Locale, ObservedStatus, Program } from '@/lib/referral/types';

const SHARED = Date.parse('2025-03-12T10:00:00Z');
const PAID = Date.parse('2025-03-12T14:05:00Z');

function at(
  status: ObservedStatus | 'shared',
  when: number,
  program: Program = aliexpress,
  nickname?: string,
  sharedAt = SHARED,
): Invite {
  const inv = newInvite(
    { id: 'i', programId: program.id, linkId: 'l', channel: 'whatsapp', now: sharedAt, nickname },
    program,
  );
  if (status === 'shared') return inv;
  const e = { key: 'k', inviteId: 'i', status, at: when, source: 'manual' as const };
  return applyEvent(inv, e, program, DEFAULT_SETTINGS, when).invite;
}

const utc = (locale: Locale = 'en') => ({ locale, timeZone: 'UTC' });

describe('explainPending', () => {
  it.each<[string, Invite, Program, string, { locale: Locale; timeZone: string }, string]>([
    [
      'reward due tomorrow',
      at('first_purchase', PAID, aliexpress, 'Ana'),
      aliexpress,
      '2025-03-12T20:00:00Z',
      utc(),
      "Coupon due by 14:05 tomorrow — 24 h after Ana's first payment",
    ],
    [
      'reward overdue',
      at('first_purchase', PAID, aliexpress, 'Ana'),
      aliexpress,
      '2025-03-14T09:00:00Z',
      utc(),
      "Coupon overdue since 14:05 yesterday — 24 h after Ana's first payment; contact support",
    ],
    [
      'no nickname',
      at('reward_pending', PAID),
      aliexpress,
      '2025-03-13T10:00:00Z',
      utc(),
      "Coupon due by 14:05 today — 24 h after your friend's first payment",
    ],
    [
      'far ahead: a date, and the program reward kind',
      at('first_purchase', PAID, temu),
      temu,
      '2025-03-12T15:00:00Z',
      utc(),
      "Credit due by 14:05 on March 15 — 3 days after your friend's first payment",
    ],
    [
      'Spanish',
      at('first_purchase', PAID, aliexpress, 'Ana'),
      aliexpress,
      '2025-03-12T20:00:00Z',
      utc('es'),
      'Cupón: llega a más tardar mañana a las 14:05 — 24 h después del primer pago de Ana',
    ],
    [
      'Spanish, overdue',
      at('first_purchase', PAID),
      aliexpress,
      '2025-03-20T20:00:00Z',
      utc('es'),
      'Cupón: con retraso desde el 13 de marzo a las 14:05 — 24 h después del primer pago de la persona invitada; contacta con el soporte',
    ],
    [
      'Portuguese',
      at('first_purchase', PAID),
      aliexpress,
      '2025-03-12T20:00:00Z',
      utc('pt'),
      'Cupom: chega até amanhã às 14:05 — 24 h após o primeiro pagamento da pessoa convidada',
    ],
    [
      'Portuguese, far date',
      at('first_purchase', PAID, temu, 'Bia'),
      temu,
      '2025-03-12T20:00:00Z',
      utc('pt'),
      'Crédito: chega até 15 de março às 14:05 — 3 dias após o primeiro pagamento de Bia',
    ],
    [
      'shared',
      at('shared', 0, aliexpress, 'Ana'),
      aliexpress,
      '2025-03-13T00:00:00Z',
      utc(),
      'Waiting for Ana to register through your link',
    ],
    [
      'shared, with a link validity',
      at('shared', 0),
      { ...aliexpress, rules: { ...aliexpress.rules, linkValidityMs: 7 * DAY } },
      '2025-03-13T00:00:00Z',
      utc(),
      'Waiting for your friend to register through your link — expires 10:00 on March 19',
    ],
    [
      'shared, Spanish',
      at('shared', 0),
      aliexpress,
      '2025-03-13T00:00:00Z',
      utc('es'),
      'Esperando a que la persona invitada se registre con tu enlace',
    ],
    [
      'shared, Portuguese',
      at('shared', 0, aliexpress, 'Bia'),
      aliexpress,
      '2025-03-13T00:00:00Z',
      utc('pt'),
      'Aguardando Bia se cadastrar pelo seu link',
    ],
    [
      'registered',
      at('registered', PAID, aliexpress, 'Ana'),
      aliexpress,
      '2025-03-13T09:00:00Z',
      utc(),
      "Registered yesterday; waiting for Ana's first payment",
    ],
    [
      'registered, Spanish',
      at('registered', PAID),
      aliexpress,
      '2025-03-20T09:00:00Z',
      utc('es'),
      'Se registró el 12 de marzo; esperando el primer pago de la persona invitada',
    ],
    [
      'registered, Portuguese',
      at('registered', PAID),
      aliexpress,
      '2025-03-12T19:00:00Z',
      utc('pt'),
      'Cadastrou-se hoje; aguardando o primeiro pagamento da pessoa convidada',
    ],
  ])('%s', (_label, invite, program, now, opts, expected) => {
    expect(explainPending(invite, program, Date.parse(now), opts)).toBe(expected);
  });

  it('counts days in the given time zone', () => {
    // Paid at 23:30 on March 11 in São Paulo (02:30 UTC on the 12th); due 24 h later.
    const paid = Date.parse('2025-03-12T02:30:00Z');
    const invite = at('first_purchase', paid, aliexpress, undefined, paid - DAY);
    expect(invite.status).toBe('first_purchase');
    const now = Date.parse('2025-03-12T03:00:00Z');
    expect(explainPending(invite, aliexpress, now, { locale: 'en', timeZone: 'UTC' })).toBe(
      "Coupon due by 02:30 tomorrow — 24 h after your friend's first payment",
    );
    expect(explainPending(invite, aliexpress, now, { locale: 'en', timeZone: 'America/Sao_Paulo' })).toBe(
      "Coupon due by 23:30 today — 24 h after your friend's first payment",
    );
  });

  it.each<ObservedStatus>(['coupon_received', 'ineligible', 'expired', 'clawed_back'])('is null for %s', (status) => {
    expect(explainPending(at(status, PAID), aliexpress, PAID + DAY, utc())).toBeNull();
  });

  it.each<[ObservedStatus | 'shared', Locale]>(
    (['shared', 'registered', 'first_purchase', 'reward_pending'] as const).flatMap((s) =>
      (['en', 'es', 'pt'] as const).map((l): [ObservedStatus | 'shared', Locale] => [s, l]),
    ),
  )('explains %s in %s', (status, locale) => {
    const text = explainPending(at(status, PAID), aliexpress, PAID + DAY, { locale, timeZone: 'America/Sao_Paulo' });
    expect(text).toMatch(/\S/);
    expect(text).not.toMatch(/undefined|NaN|\{/);
  });
});
