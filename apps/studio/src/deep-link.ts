// `vidinfra-studio://join?server=https://host&session=<uuid>&code=<uuid>`: the one link shape the
// desktop studio accepts. Anything else is refused with a reason; a link naming another server
// than the remembered one needs the host's confirmation before the studio switches to it.
import { Id, STUDIO_DEEP_LINK_PROTOCOL, type StudioJoinLink } from '@vidinfra/domain';
import { checkServerUrl } from './server-choice.ts';

export type ParsedLink = { ok: true; link: StudioJoinLink } | { ok: false; reason: string };

const PREFIX = `${STUDIO_DEEP_LINK_PROTOCOL}://`;
const EXPECTED_KEYS = ['code', 'server', 'session'];
/** Longer than any link of the expected shape can be. */
const MAX_LENGTH = 2048;

export function parseJoinLink(raw: string): ParsedLink {
  if (raw.length > MAX_LENGTH) return refuse('the link is too long');
  if (!raw.toLowerCase().startsWith(PREFIX)) return refuse(`not a ${PREFIX} link`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the link is not a valid URL');
  }
  if (url.username || url.password || url.port || url.hash) {
    return refuse('the link has parts a studio link never has');
  }
  if (url.hostname !== 'join' || (url.pathname !== '' && url.pathname !== '/')) {
    return refuse('the link is not a join link');
  }
  const keys = [...url.searchParams.keys()];
  if (keys.length !== EXPECTED_KEYS.length || [...keys].sort().join() !== EXPECTED_KEYS.join()) {
    return refuse('the link must carry exactly server, session and code');
  }
  const server = checkServerUrl(url.searchParams.get('server') ?? '');
  if (!server.ok) return refuse(`the link's server: ${server.reason}`);
  const session = Id.safeParse(url.searchParams.get('session'));
  if (!session.success) return refuse("the link's session is not a session id");
  const code = Id.safeParse(url.searchParams.get('code'));
  if (!code.success) return refuse("the link's code is not a studio code");
  return { ok: true, link: { server: server.origin, session_id: session.data, code: code.data } };
}

/** The first studio link among a launch's arguments (Windows and Linux pass it there). */
export function findLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(PREFIX)) ?? null;
}

/**
 * What the main process does with a well-formed link: join on the server the host chose, or ask
 * before switching to the server the link names (also when no server was chosen yet).
 */
export type JoinDecision =
  | { action: 'confirm-join'; link: StudioJoinLink }
  | { action: 'confirm-switch'; link: StudioJoinLink; from: string | null };

export function decideJoin(link: StudioJoinLink, rememberedServer: string | null): JoinDecision {
  return link.server === rememberedServer
    ? { action: 'confirm-join', link }
    : { action: 'confirm-switch', link, from: rememberedServer };
}

/** The question the host answers before the studio acts on a link. */
export function confirmationText(decision: JoinDecision): { message: string; detail: string } {
  const { link } = decision;
  if (decision.action === 'confirm-join') {
    return {
      message: 'Open this session in the studio?',
      detail: `Session ${link.session_id} on ${link.server}.`,
    };
  }
  return {
    message: `Switch the studio to ${link.server}?`,
    detail:
      (decision.from
        ? `The studio is set up for ${decision.from}. This link points at another server. `
        : 'This link points at a server the studio has not used yet. ') +
      'Only switch if you trust that server and expected this link.',
  };
}

function refuse(reason: string): ParsedLink {
  return { ok: false, reason };
}
