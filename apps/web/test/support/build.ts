// Vitest's global setup: the web app is built once for all browser tests (they play what ships).
import { buildWebApp } from './server.ts';

export default function setup() {
  buildWebApp();
}
