// Small stand-ins for the Electron objects the studio's modules take as parameters. They record
// what the modules registered so a test can call it the way Electron would.
import { EventEmitter } from 'node:events';

/** An event with preventDefault, as Electron passes to its listeners. */
export function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeApp extends EventEmitter {
  lock = true;
  quitCalled = false;
  protocolClients: unknown[][] = [];
  requestSingleInstanceLock() {
    return this.lock;
  }
  quit() {
    this.quitCalled = true;
  }
  setAsDefaultProtocolClient(...args: unknown[]) {
    this.protocolClients.push(args);
    return true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  constructor(public url = 'app://studio/index.html') {
    super();
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

type Handler = (...args: any[]) => any;

export class FakeSession {
  requestHandler: Handler | null = null;
  checkHandler: Handler | null = null;
  displayMediaHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null) {
    this.checkHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Handler | null) {
    this.displayMediaHandler = handler;
  }
}

export class FakeIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  }
  /** Calls a handler as a renderer's ipcRenderer.invoke would reach it. */
  invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  }
}

/** An ipcMain event sent by a frame at `url` (top-level unless a parent is given). */
export function senderAt(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } };
}

export class FakeIpcRenderer extends EventEmitter {
  invoked: { channel: string; args: unknown[] }[] = [];
  answers = new Map<string, unknown>();
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return this.answers.get(channel);
  }
  /** A message from the main process. */
  deliver(channel: string, payload: unknown) {
    this.emit(channel, { sender: this, ports: [] }, payload);
  }
}

/** A desktopCapturer source as Electron returns it. */
export function fakeSource(id: string, name = id) {
  return { id, name, thumbnail: { toDataURL: () => 'data:image/png;base64,AAAA' } };
}

/** A fake passed where a module expects the Electron object it imitates. */
export function asElectron<T>(fake: unknown): T {
  return fake as T;
}
