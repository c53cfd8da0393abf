// The session's polls: the list (attendees only, so once someone is signed in) kept current by
// the feed. A poll's opening waits for the playhead, like chat; results and closing show at once.
// The fan-out events carry no one's own choice: the viewer's is kept from what they had.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PollResponse } from '@vidinfra/domain';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from './api-context.ts';
import { useEngage, useFeedEvents } from './engage-context.ts';
import { usePlayheadGate } from './use-playhead-gate.ts';

interface Known {
  poll: PollResponse;
  /** When it opened (server time), for the playhead gate. */
  openedAt: string;
}

export function usePolls() {
  const { session, me, banned } = useEngage();
  const api = useApi();
  const queryClient = useQueryClient();
  const [known, setKnown] = useState<ReadonlyMap<string, Known>>(new Map());
  const [holding, setHolding] = useState(false);
  const due = usePlayheadGate(holding);
  const listKey = ['polls', 'list', session.id, me?.id];

  const list = useQuery({
    queryKey: listKey,
    enabled: Boolean(me) && !banned,
    queryFn: () => api.polls.list.query({ id: session.id, limit: 20 }),
  });

  const remember = (poll: PollResponse, openedAt?: string) =>
    setKnown((all) => {
      const before = all.get(poll.id);
      const mine = poll.my_option_ids ?? before?.poll.my_option_ids;
      const next = new Map(all);
      next.set(poll.id, {
        poll: { ...poll, ...(mine && { my_option_ids: mine }) },
        openedAt: before?.openedAt ?? openedAt ?? poll.created_at,
      });
      return next;
    });

  useEffect(() => {
    for (const poll of list.data?.items ?? []) remember(poll, poll.created_at);
  }, [list.data]);

  useFeedEvents((event) => {
    if (event.event === 'poll.created') remember(event.payload, event.at);
    if (event.event === 'poll.updated' || event.event === 'poll.closed') remember(event.payload);
  });

  const { polls, heldCount } = useMemo(() => {
    const fromList = new Set(list.data?.items.map((p) => p.id));
    const all = [...known.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    const shown = all.filter(({ poll, openedAt }) => fromList.has(poll.id) || due(openedAt));
    return { polls: shown.map((k) => k.poll), heldCount: all.length - shown.length };
  }, [known, list.data, due]);

  useEffect(() => setHolding(heldCount > 0), [heldCount]);

  return {
    polls,
    /** The viewer's vote went through: the answer carries their choice and the new counts. */
    voted: (poll: PollResponse) => {
      remember(poll);
      void queryClient.invalidateQueries({ queryKey: ['polls', 'list', session.id] });
    },
  };
}
