// A `datetime-local` input speaks the browser's local time without a zone; the contract speaks
// ISO 8601 in UTC. These convert between the two.

/** "2026-12-03T18:30" in local time for an ISO time ('' for none). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  return new Date(time.getTime() - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The ISO time of a `datetime-local` value ('' when it is empty or not a time). */
export function fromLocalInput(local: string): string {
  const time = new Date(local);
  return local && !Number.isNaN(time.getTime()) ? time.toISOString() : '';
}

/** A sensible first proposal for a new session: the next full hour after the coming one. */
export function nextFullHour(): string {
  const time = new Date(Date.now() + 3600_000);
  time.setMinutes(0, 0, 0);
  time.setHours(time.getHours() + 1);
  return time.toISOString();
}
