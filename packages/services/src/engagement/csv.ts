// CSV as RFC 4180 writes it: CRLF line ends; a field holding a comma, a quote or a line break is
// quoted, with its quotes doubled.
type Field = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Field): string {
  const text = value === null || value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF included. */
export const csvRecord = (fields: readonly Field[]): string =>
  `${fields.map(csvField).join(',')}\r\n`;
