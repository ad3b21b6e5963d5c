import { dayPhrase, delayPhrase, momentPhrase } from './dates';
import type { Invite, Locale, Program } from './types';
import { capitalise, friend, friendsOf, kindWord } from './words';

interface PendingOptions {
  locale: Locale;
  timeZone: string;
}

function waitingForRegistration(invite: Invite, locale: Locale): string {
  const who = friend(invite.nickname, locale);
  if (locale === 'es') return `Esperando a que ${who} se registre con tu enlace`;
  if (locale === 'pt') return `Aguardando ${who} se cadastrar pelo seu link`;
  return `Waiting for ${who} to register through your link`;
}

function expiresPart(invite: Invite, program: Program, now: number, { locale, timeZone }: PendingOptions): string {
  const validity = program.rules.linkValidityMs;
  if (validity === undefined) return '';
  const when = momentPhrase(invite.sharedAt + validity, now, locale, timeZone);
  return locale === 'es' ? ` — caduca ${when}` : locale === 'pt' ? ` — expira ${when}` : ` — expires ${when}`;
}

function registered(invite: Invite, now: number, { locale, timeZone }: PendingOptions): string {
  const at = invite.milestones.registered;
  const day = at === undefined ? '' : ` ${dayPhrase(at, now, locale, timeZone)}`;
  const whose = friendsOf(invite.nickname, locale);
  if (locale === 'es') return `Se registró${day}; esperando el primer pago ${whose}`;
  if (locale === 'pt') return `Cadastrou-se${day}; aguardando o primeiro pagamento ${whose}`;
  return `Registered${day}; waiting for ${whose} first payment`;
}

function rewardAwaited(invite: Invite, program: Program, now: number, { locale, timeZone }: PendingOptions): string {
  const kind = capitalise(kindWord(program.rules.rewardKind, locale));
  const due = invite.rewardDueAt;
  if (due === undefined) {
    return locale === 'es' ? `${kind}: pendiente` : locale === 'pt' ? `${kind}: pendente` : `${kind} pending`;
  }
  // Portuguese "até"/"desde" already place the date: no "em" before it.
  const when = momentPhrase(due, now, locale, timeZone, locale === 'pt' ? '' : undefined);
  const delay = delayPhrase(program.rules.rewardDelayMs, locale);
  const whose = friendsOf(invite.nickname, locale);
  const late = rewardOverdue(invite, now);
  if (locale === 'es') {
    const why = `${delay} después del primer pago ${whose}`;
    return late
      ? `${kind}: con retraso desde ${when} — ${why}; contacta con el soporte`
      : `${kind}: llega a más tardar ${when} — ${why}`;
  }
  if (locale === 'pt') {
    const why = `${delay} após o primeiro pagamento ${whose}`;
    return late
      ? `${kind}: em atraso desde ${when} — ${why}; fale com o suporte`
      : `${kind}: chega até ${when} — ${why}`;
  }
  const why = `${delay} after ${whose} first payment`;
  return late ? `${kind} overdue since ${when} — ${why}; contact support` : `${kind} due by ${when} — ${why}`;
}

/**
 * Plain-language answer to "why is this invite still pending?" for open invites, in the user's locale and
 * time zone; null for closed ones (coupon received, ineligible, expired, clawed back).
 */
export function explainPending(invite: Invite, program: Program, now: number, opts: PendingOptions): string | null {
  switch (invite.status) {
    case 'shared':
      return waitingForRegistration(invite, opts.locale) + expiresPart(invite, program, now, opts);
    case 'registered':
      return registered(invite, now, opts) + expiresPart(invite, program, now, opts);
    case 'first_purchase':
    case 'reward_pending':
      return rewardAwaited(invite, program, now, opts);
    default:
      return null;
  }
}

/** Whether the invite's reward is overdue at `now`: one is awaited (a first purchase was made) and its due time has passed. */
export function rewardOverdue(invite: Invite, now: number): boolean {
  const due = invite.rewardDueAt;
  return (invite.status === 'first_purchase' || invite.status === 'reward_pending') && due !== undefined && now >= due;
}
