// Delivery plumbing: processed webhook events (idempotency), the outbox of domain events, and
// the realtime nodes' heartbeats.
import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { JsonObject } from '../schema/enums.ts';
import type { OutboxEvent, RealtimeNode } from '../rows.ts';

export const webhookEventsRepository = ({ db, t }: Executor) => ({
  /** Records the event id; true the first time, false for a duplicate delivery. */
  async markProcessed(id: string, source: string): Promise<boolean> {
    const rows = await db
      .insert(t.processedWebhookEvents)
      .values({ id, source })
      .onConflictDoNothing()
      .returning({ id: t.processedWebhookEvents.id });
    return rows.length > 0;
  },

  /** Whether the event id was recorded: a delivery taken before. */
  async isProcessed(id: string): Promise<boolean> {
    const [row] = await db
      .select({ id: t.processedWebhookEvents.id })
      .from(t.processedWebhookEvents)
      .where(eq(t.processedWebhookEvents.id, id))
      .limit(1);
    return row !== undefined;
  },
});

export const outboxRepository = ({ db, t, journal }: Executor) => ({
  /**
   * Appends an event to a stream (a channel) with the stream's next sequence number. Call it in
   * the transaction that makes the change: the counter row stays locked until commit, so
   * sequence order is commit order within a stream.
   */
  async append(stream: string, event: string, payload: JsonObject): Promise<OutboxEvent> {
    const [counter] = await db
      .insert(t.outboxStreams)
      .values({ stream, lastSeq: 1 })
      .onConflictDoUpdate({
        target: t.outboxStreams.stream,
        set: { lastSeq: sql`${t.outboxStreams.lastSeq} + 1` },
      })
      .returning({ seq: t.outboxStreams.lastSeq });
    const [row] = await db
      .insert(t.outboxEvents)
      .values({ stream, seq: counter!.seq, event, payload })
      .returning();
    journal.appended = true;
    return row!;
  },

  /**
   * Takes up to `limit` undelivered events, oldest first, marking them delivered in the same
   * statement: of two relays claiming at once, each event goes to one of them.
   */
  async claim(limit: number, at = new Date()): Promise<OutboxEvent[]> {
    const pending = db
      .select({ id: t.outboxEvents.id })
      .from(t.outboxEvents)
      .where(isNull(t.outboxEvents.deliveredAt))
      .orderBy(asc(t.outboxEvents.id))
      .limit(limit);
    const rows = await db
      .update(t.outboxEvents)
      .set({ deliveredAt: at })
      .where(and(inArray(t.outboxEvents.id, pending), isNull(t.outboxEvents.deliveredAt)))
      .returning();
    return rows.sort((a, b) => a.id - b.id);
  },

  /** The last sequence number of a stream (0 when it has none). */
  async lastSeq(stream: string): Promise<number> {
    const [row] = await db
      .select({ seq: t.outboxStreams.lastSeq })
      .from(t.outboxStreams)
      .where(eq(t.outboxStreams.stream, stream));
    return row?.seq ?? 0;
  },

  /** Events not yet delivered, oldest first. */
  async undelivered(limit: number): Promise<OutboxEvent[]> {
    return db
      .select()
      .from(t.outboxEvents)
      .where(isNull(t.outboxEvents.deliveredAt))
      .orderBy(asc(t.outboxEvents.id))
      .limit(limit);
  },

  async markDelivered(ids: number[], at = new Date()): Promise<void> {
    if (ids.length)
      await db
        .update(t.outboxEvents)
        .set({ deliveredAt: at })
        .where(inArray(t.outboxEvents.id, ids));
  },

  /** A stream's events after sequence number `afterSeq`, in order (a client's resync). */
  async since(stream: string, afterSeq: number, limit: number): Promise<OutboxEvent[]> {
    return db
      .select()
      .from(t.outboxEvents)
      .where(and(eq(t.outboxEvents.stream, stream), gt(t.outboxEvents.seq, afterSeq)))
      .orderBy(asc(t.outboxEvents.seq))
      .limit(limit);
  },
});

export const realtimeNodesRepository = ({ db, t }: Executor) => ({
  /** Records that the node is alive at `at` (registering it the first time). */
  async beat(id: string, at: Date): Promise<void> {
    await db
      .insert(t.realtimeNodes)
      .values({ id, heartbeatAt: at })
      .onConflictDoUpdate({ target: t.realtimeNodes.id, set: { heartbeatAt: at } });
  },

  /** Nodes whose last heartbeat is older than `before`. */
  async silentSince(before: Date): Promise<RealtimeNode[]> {
    return db
      .select()
      .from(t.realtimeNodes)
      .where(lt(t.realtimeNodes.heartbeatAt, before))
      .orderBy(asc(t.realtimeNodes.heartbeatAt));
  },

  /** Forgets the node, if its last heartbeat is still `heartbeatAt`; false when it beat since. */
  async remove(id: string, heartbeatAt?: Date): Promise<boolean> {
    const rows = await db
      .delete(t.realtimeNodes)
      .where(
        and(
          eq(t.realtimeNodes.id, id),
          heartbeatAt ? eq(t.realtimeNodes.heartbeatAt, heartbeatAt) : undefined,
        ),
      )
      .returning({ id: t.realtimeNodes.id });
    return rows.length > 0;
  },
});
