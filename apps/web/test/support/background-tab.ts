// A real background tab. Playwright keeps every page it drives visible and active, so this drives
// Chromium over the DevTools protocol itself: a page, then another tab opened in front of it in
// the same window — the page becomes hidden as for a person who switched tabs (no animation
// frames, main-thread timers throttled).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { WebSocket } from 'ws';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; [key: string]: unknown };
  error?: { message: string };
}

export async function launchTabbedChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'vidinfra-tabs-'));
  const chrome = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group: /usr/bin/chromium is a script that starts the browser.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  // Chromium names its DevTools socket on stderr.
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    chrome.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    chrome.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${output}`)));
  });
  const socket = new WebSocket(endpoint);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
    if (reply.id !== undefined) pending.delete(reply.id);
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Reply['result']>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (reply) =>
        reply.error
          ? reject(new Error(`${method}: ${reply.error.message}`))
          : resolve(reply.result),
      );
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });

  const [first] = (
    (await send('Target.getTargets'))!.targetInfos as { targetId: string; type: string }[]
  ).filter((target) => target.type === 'page');
  const sessionId = (await send('Target.attachToTarget', {
    targetId: first!.targetId,
    flatten: true,
  }))!.sessionId as string;

  const evaluate = async <T>(expression: string): Promise<T> =>
    (await send(
      'Runtime.evaluate',
      { expression, returnByValue: true, awaitPromise: true },
      sessionId,
    ))!.result!.value as T;

  return {
    /** The first tab goes to `url`. */
    async goto(url: string) {
      await send('Page.navigate', { url }, sessionId);
    },
    evaluate,
    /** Clicks the button named `name` once it is there and enabled. */
    async click(name: string) {
      await vi.waitUntil(
        () =>
          evaluate<boolean>(`(() => {
            const button = [...document.querySelectorAll('button')].find(
              (b) => b.textContent.trim() === ${JSON.stringify(name)} && !b.disabled);
            button?.click();
            return Boolean(button);
          })()`),
        { timeout: 30_000, interval: 250 },
      );
    },
    /** Opens another tab in front of the first, in the same window. */
    async openTabInFront() {
      await send('Target.createTarget', {
        url: 'about:blank',
        newWindow: false,
        background: false,
      });
    },
    async close() {
      socket.close();
      if (chrome.exitCode === null) {
        const exited = new Promise((resolve) => chrome.once('exit', resolve));
        process.kill(-chrome.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
