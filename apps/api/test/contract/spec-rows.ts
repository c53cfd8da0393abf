// The contract's operation tables, read from the spec itself at run time, so a row added to the
// spec shows up here (and fails until a case covers it).
import { readFileSync } from 'node:fs';

export const SPEC_URL = new URL('../../../../docs/api-contract.md', import.meta.url);

export interface SpecRow {
  section: string;
  name: string;
  method: string;
  /** The spec's path with its parameters in our snake_case (`{userId}` → `{user_id}`). */
  path: string;
  callerLabel: string;
  notes: string;
}

const spec = (): string => readFileSync(SPEC_URL, 'utf8');

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** `/sessions/{id}/cohosts/{userId}` → `/sessions/{id}/cohosts/{user_id}`. */
export const normalisePath = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => `{${snakeCase(name)}}`);

/** The `## <title>` sections of the spec, title → body. */
function sections(): Map<string, string> {
  const found = new Map<string, string>();
  for (const chunk of spec().split(/^## /m).slice(1)) {
    const newline = chunk.indexOf('\n');
    found.set(chunk.slice(0, newline).trim(), chunk.slice(newline + 1));
  }
  return found;
}

/** The section whose title starts with `prefix` (titles may carry a parenthesised remark). */
function sectionBody(prefix: string): { title: string; body: string } {
  for (const [title, body] of sections()) {
    if (title === prefix || title.startsWith(`${prefix} (`)) return { title, body };
  }
  throw new Error(`the spec has no section "${prefix}"`);
}

function tableRows(section: string, body: string): SpecRow[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| Name') && !line.startsWith('|-'))
    .map((line) => {
      const [name, method, path, callerLabel, notes] = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      if (!name || !method || !path || !callerLabel) {
        throw new Error(`malformed row in section "${section}": ${line}`);
      }
      return { section, name, method, path: normalisePath(path), callerLabel, notes: notes ?? '' };
    });
}

/** Every operation row of the given sections (section titles as prefixes). */
export function specRows(sectionPrefixes: readonly string[]): SpecRow[] {
  return sectionPrefixes.flatMap((prefix) => {
    const { title, body } = sectionBody(prefix);
    return tableRows(title, body);
  });
}

/**
 * The "Library-scoped" section's list, one phrase per comma outside parentheses:
 * `rooms (6 rows)`, `session get`, `and auth code generation (…)` → `auth code generation (…)`.
 */
export function libraryScopedPhrases(): string[] {
  const { body } = sectionBody('Library-scoped');
  const list = body
    .slice(body.indexOf('):') + 2)
    .trim()
    .replace(/\.\s*$/, '');
  const phrases: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      phrases.push(current);
      current = '';
    } else current += char;
  }
  phrases.push(current);
  return phrases.map((phrase) => phrase.replace(/\s+/g, ' ').trim().replace(/^and /, ''));
}

/** Every operation row of the spec, whatever its section. */
export function allSpecRows(): SpecRow[] {
  return [...sections()].flatMap(([title, body]) => tableRows(title, body));
}
