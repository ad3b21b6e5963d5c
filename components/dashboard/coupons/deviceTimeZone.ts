/** The device's IANA time zone: what "this month" and "the end of the day" mean to the user. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
