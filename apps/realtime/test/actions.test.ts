import { sessionChannel, staffChannel } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { collect, dialect, request, useRealtime, waitFor } from './harness.ts';

const rt = useRealtime();

describe(`client actions go through the services (${dialect})`, () => {
  it('sends chat with an ack, delivers it to the session, and refuses with the REST codes', async () => {
    const { sessionId, roomId } = await rt.liveSession();
    const [author, listener, banned] = await Promise.all([
      rt.account('viewer'),
      rt.account('viewer'),
      rt.account('viewer'),
    ]);
    const socket = await rt.connected(rt.node.url, author.token);
    const other = await rt.connected(rt.node.url, listener.token);
    const events = collect(other);
    await request(other, 'subscribe', { channel: sessionChannel(sessionId) });

    const sent = await request(socket, 'chat:send', {
      session_id: sessionId,
      text: '  hello there  ',
    });
    expect(sent).toMatchObject({
      ok: true,
      data: { text: 'hello there', session_id: sessionId, user_id: author.id },
    });
    await waitFor(() => events.some((e) => e.event === 'chat.message_created'));
    expect(events.find((e) => e.event === 'chat.message_created')?.payload).toMatchObject({
      id: sent.data.id,
    });
    expect((await rt.db.repos.chat.page(sessionId, { limit: 10 })).items).toHaveLength(1);

    expect(await request(socket, 'chat:send', { session_id: sessionId, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    expect(
      await request(socket, 'chat:send', { session_id: sessionId, text: 'x', extra: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });

    await rt.db.repos.bans.create({ roomId, sessionId, userId: banned.id, scope: 'session' });
    const bannedSocket = await rt.connected(rt.node.url, banned.token);
    expect(
      await request(bannedSocket, 'chat:send', { session_id: sessionId, text: 'let me in' }),
    ).toMatchObject({ ok: false, error: { code: 'BANNED' } });

    await rt.db.repos.sessions.update(sessionId, { settings: { chat_enabled: false } });
    expect(
      await request(socket, 'chat:send', { session_id: sessionId, text: 'anyone?' }),
    ).toMatchObject({ ok: false, error: { code: 'CHAT_DISABLED' } });
    expect((await rt.db.repos.chat.page(sessionId, { limit: 10 })).items).toHaveLength(1);
  });

  it('votes, raises and lowers a hand, and asks to join the stage', async () => {
    const { sessionId, ownerId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const poll = await rt.db.repos.polls.create({
      sessionId,
      question: 'Tea?',
      multipleChoice: false,
      createdBy: ownerId,
      options: ['yes', 'no'],
    });
    const socket = await rt.connected(rt.node.url, viewer.token);
    const vote = await request(socket, 'poll:vote', {
      poll_id: poll.id,
      option_ids: [poll.options[0]!.id],
    });
    expect(vote).toMatchObject({ ok: true });
    expect(await rt.db.repos.polls.ballotOf(poll.id, viewer.id)).toEqual([poll.options[0]!.id]);

    const hand = await request(socket, 'hand:raise', {
      session_id: sessionId,
      message: 'question',
    });
    expect(hand).toMatchObject({ ok: true, data: { user_id: viewer.id } });
    expect(await request(socket, 'hand:raise', { session_id: sessionId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await request(socket, 'hand:lower', { session_id: sessionId })).toMatchObject({
      ok: true,
    });
    expect(await rt.db.repos.handRaises.findPending(sessionId, viewer.id)).toBeNull();

    expect(await request(socket, 'join_request:create', { session_id: sessionId })).toMatchObject({
      ok: true,
    });
    const staffEvents = await rt.db.repos.outbox.since(staffChannel(sessionId), 0, 10);
    expect(staffEvents.map((e) => e.event)).toEqual([
      'hand.raised',
      'hand.lowered',
      'join_request.created',
    ]);
  });

  it("takes a watching player's playback report with a typed ack; stores nothing it refuses", async () => {
    const { sessionId } = await rt.liveSession();
    const figures = {
      latency_ms: 4000,
      stalls: 1,
      stall_ms: 500,
      bitrate_bps: 2e6,
      period_ms: 1e4,
    };
    const quality = () => rt.services.viewerReports.quality(sessionId);
    // An anonymous player of a public session: watching is following the session's channel.
    const player = await rt.connected(rt.node.url, null);
    expect(await request(player, 'playback:report', { session_id: sessionId, ...figures })).toEqual(
      { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) },
    );
    await request(player, 'subscribe', { channel: sessionChannel(sessionId) });
    for (const bad of [
      { session_id: sessionId, ...figures, stall_ms: 20_000 },
      { session_id: sessionId, ...figures, latency_ms: 'slow' },
      { session_id: sessionId },
      'not an object',
    ]) {
      expect(await request(player, 'playback:report', bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_ERROR' },
      });
    }
    expect((await quality()).reporting_players).toBe(0);

    const sent = await request(player, 'playback:report', { session_id: sessionId, ...figures });
    expect(sent).toEqual({
      ok: true,
      data: { session_id: sessionId, received_at: expect.any(String) },
    });
    const second = await rt.connected(rt.node.url, (await rt.account('viewer')).token);
    await request(second, 'subscribe', { channel: sessionChannel(sessionId) });
    await request(second, 'playback:report', {
      session_id: sessionId,
      ...figures,
      latency_ms: 8000,
      stalls: 0,
      stall_ms: 0,
    });
    expect(await quality()).toEqual({
      reporting_players: 2,
      viewer_latency_p50_ms: 4000,
      viewer_latency_p95_ms: 8000,
      rebuffer_ratio: 0.025,
    });
  });
});
