// The server the studio talks to: asked on first run, validated, remembered in a JSON file in the
// app's userData folder (the file system is passed in, so tests use a fake).
import { z } from 'zod';

export type ServerCheck = { ok: true; origin: string } | { ok: false; reason: string };

const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/** An https origin (http only on localhost, for development); no path, query, or credentials. */
export function checkServerUrl(input: string): ServerCheck {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'enter the server address' };
  if (text.length > 2048) return { ok: false, reason: 'the address is too long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not a URL (it starts with https://)' };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname)) {
    return { ok: false, reason: 'the server must use https (http only for localhost)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'the server must use https' };
  }
  if (url.username || url.password) return { ok: false, reason: 'the address has credentials' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, reason: 'enter the server origin only, without a path or query' };
  }
  return { ok: true, origin: url.origin };
}

/** The few file operations the store needs (node:fs/promises fits). */
export interface StoreFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

const StoredChoice = z.object({ server: z.string() });

export interface ServerStore {
  /** The remembered server, or null on first run (or when the file is unreadable or invalid). */
  load(): Promise<string | null>;
  /** Validates the input and remembers its origin. */
  choose(input: string): Promise<ServerCheck>;
}

export function createServerStore(options: {
  fs: StoreFs;
  userDataDir: string;
  fileName?: string;
}): ServerStore {
  const { fs, userDataDir } = options;
  const file = `${userDataDir}/${options.fileName ?? 'server.json'}`;
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return null; // first run
      }
      try {
        const stored = StoredChoice.safeParse(JSON.parse(text));
        if (!stored.success) return null;
        const check = checkServerUrl(stored.data.server);
        return check.ok ? check.origin : null;
      } catch {
        return null; // a damaged file: ask again
      }
    },
    async choose(input) {
      const check = checkServerUrl(input);
      if (!check.ok) return check;
      await fs.mkdir(userDataDir, { recursive: true });
      await fs.writeFile(file, `${JSON.stringify({ server: check.origin })}\n`, 'utf8');
      return check;
    },
  };
}
