import { clockTime, delayPhrase, fullDate } from './dates';
import type { Locale, Program } from './types';
import { kindWord } from './words';

/**
 * A polite, ready-to-send message to the program's support about an overdue reward. It states the facts the
 * support agent needs (first payment date and time, the program's delay, when the reward was due) and
 * nothing about the friend: their nickname is private to the user.
 */
export function supportMessage(
  program: Program,
  firstPaymentAt: number,
  dueAt: number,
  locale: Locale,
  timeZone: string,
): string {
  const paid = { date: fullDate(firstPaymentAt, locale, timeZone), time: clockTime(firstPaymentAt, timeZone) };
  const due = { date: fullDate(dueAt, locale, timeZone), time: clockTime(dueAt, timeZone) };
  const delay = delayPhrase(program.rules.rewardDelayMs, locale);
  const kind = kindWord(program.rules.rewardKind, locale);
  const name = program.name;
  if (locale === 'es') {
    return [
      `Hola, equipo de soporte de ${name}:`,
      `Una persona a la que invité con mi enlace de referido hizo su primer pago el ${paid.date} a las ${paid.time} ` +
        `(${timeZone}). Según el programa de referidos, la recompensa (${kind}) llega en un plazo de ${delay} desde ` +
        `el primer pago, así que debía recibirla antes del ${due.date} a las ${due.time} (${timeZone}), pero todavía ` +
        'no la he recibido.',
      '¿Podrían revisar la recompensa de esta invitación, por favor?',
      'Gracias.',
    ].join('\n\n');
  }
  if (locale === 'pt') {
    return [
      `Olá, equipe de suporte ${name},`,
      `Uma pessoa que convidei com o meu link de indicação fez o primeiro pagamento em ${paid.date} às ${paid.time} ` +
        `(${timeZone}). Pelas regras do programa de indicação, a recompensa (${kind}) chega em até ${delay} após o ` +
        `primeiro pagamento, então deveria ter chegado até ${due.date} às ${due.time} (${timeZone}), mas ainda não a ` +
        'recebi.',
      'Vocês poderiam verificar a recompensa deste convite, por favor?',
      'Obrigado.',
    ].join('\n\n');
  }
  return [
    `Hello ${name} support team,`,
    `A friend I invited with my referral link made their first payment on ${paid.date} at ${paid.time} ` +
      `(${timeZone}). According to the referral program, the inviter's ${kind} arrives within ${delay} of the first ` +
      `payment, so it was due by ${due.date} at ${due.time} (${timeZone}), but I have not received it yet.`,
    'Could you please check the referral reward for this invite?',
    'Thank you.',
  ].join('\n\n');
}
