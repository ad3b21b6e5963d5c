import { dayPhrase, delayPhrase, momentPhrase } from './dates';
import type { CouponInput, Invite, Locale, Program, Settings } from './types';
import { capitalise, friend, friendsOf, kindWord, money } from './words';

/** Titles and messages of the notifications the engine asks for, in the user's locale. */
interface Notice {
  title: string;
  message: string;
}

/** Reminds the user (never the friend) that an invite is still only shared. */
export function followUpNotice(invite: Invite, program: Program, settings: Settings, now: number): Notice {
  const { locale, timeZone } = settings;
  const when = dayPhrase(invite.sharedAt, now, locale, timeZone);
  const who = friend(invite.nickname, locale);
  if (locale === 'es') {
    return {
      title: invite.nickname ? `¿Se registró ${who}?` : '¿Se registró la persona invitada?',
      message:
        `Compartiste tu invitación de ${program.name} con ${who} ${when} y aún no hay registro. Si todavía quiere ` +
        'unirse, recuérdaselo tú: RefShare nunca contacta a las personas que invitas.',
    };
  }
  if (locale === 'pt') {
    return {
      title: invite.nickname ? `${who} já se cadastrou?` : 'A pessoa convidada já se cadastrou?',
      message:
        `Você compartilhou seu convite (${program.name}) com ${who} ${when} e ainda não houve cadastro. Se ainda ` +
        'quiser entrar, lembre você mesmo: o RefShare nunca entra em contato com quem você convida.',
    };
  }
  return {
    title: invite.nickname ? `Did ${who} sign up?` : 'Did your friend sign up?',
    message:
      `You shared your ${program.name} invite with ${who} ${when}, and they haven't registered yet. If they still ` +
      'want to join, remind them yourself: RefShare never contacts the people you invite.',
  };
}

/** Tells the user a reward is late; the support message itself comes from supportMessage(). */
export function overdueNotice(
  invite: Invite,
  program: Program,
  firstPaymentAt: number,
  dueAt: number,
  settings: Settings,
  now: number,
): Notice {
  const { locale, timeZone } = settings;
  const kind = kindWord(program.rules.rewardKind, locale);
  const paid = momentPhrase(firstPaymentAt, now, locale, timeZone);
  const due = momentPhrase(dueAt, now, locale, timeZone);
  const delay = delayPhrase(program.rules.rewardDelayMs, locale);
  const whose = friendsOf(invite.nickname, locale);
  if (locale === 'es') {
    return {
      title: `${capitalise(kind)} con retraso (${program.name})`,
      message: `El primer pago ${whose} fue ${paid}; la recompensa (${kind}) debía llegar en ${delay}, ${due}. Puedes escribir al soporte de ${program.name}.`,
    };
  }
  if (locale === 'pt') {
    return {
      title: `${capitalise(kind)} em atraso (${program.name})`,
      message: `O primeiro pagamento ${whose} foi ${paid}; a recompensa (${kind}) deveria chegar em até ${delay}, ${due}. Você pode falar com o suporte ${program.name}.`,
    };
  }
  return {
    title: `${program.name} ${kind} overdue`,
    message: `${capitalise(whose)} first payment was at ${paid}; the ${kind} was due within ${delay}, by ${due}. You can ask ${program.name} support.`,
  };
}

function couponDetails(coupon: CouponInput, locale: Locale): string {
  return `${money(coupon.value, coupon.currency, locale)} — ${coupon.title}`;
}

/** A reward arrived; `program` and `nickname` are known when it came through an invite. */
export function couponArrivedNotice(
  locale: Locale,
  coupon: CouponInput | undefined,
  invite?: { program: Program; nickname?: string },
): Notice {
  const details = coupon ? `: ${couponDetails(coupon, locale)}` : '';
  const kind = kindWord(invite?.program.rules.rewardKind ?? 'coupon', locale);
  if (locale === 'es') {
    const why = invite ? ` de ${invite.program.name} por invitar a ${friend(invite.nickname, locale)}` : '';
    return { title: `Llegó tu ${kind}`, message: `Llegó tu ${kind}${why}${details}.` };
  }
  if (locale === 'pt') {
    const why = invite ? ` (${invite.program.name}) por convidar ${friend(invite.nickname, locale)}` : '';
    return { title: `Seu ${kind} chegou`, message: `Seu ${kind}${why} chegou${details}.` };
  }
  const why = invite ? ` ${invite.program.name} ${kind} for inviting ${friend(invite.nickname, locale)}` : ` ${kind}`;
  return { title: `${capitalise(kind)} arrived`, message: `Your${why} has arrived${details}.` };
}

/** A coupon in the wallet expires soon. */
export function couponExpiringNotice(
  coupon: CouponInput & { expiresAt: number },
  settings: Settings,
  now: number,
): Notice {
  const { locale, timeZone } = settings;
  const when = momentPhrase(coupon.expiresAt, now, locale, timeZone);
  const details = couponDetails(coupon, locale);
  if (locale === 'es') return { title: 'Un cupón vence pronto', message: `${details} vence ${when}.` };
  if (locale === 'pt') return { title: 'Um cupom vence em breve', message: `${details} vence ${when}.` };
  return { title: 'Coupon expiring soon', message: `${details} expires ${when}.` };
}
