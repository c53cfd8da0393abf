// The chat's messages: the history (newest first from the API, older pages on demand; attendees
// only, so once someone is signed in) and the live ones from the feed. Other people's live
// messages wait for the playhead (usePlayheadGate); one's own show at once; deleted ones go.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ChatMessageResponse } from '@vidinfra/domain';
import type { ChatListMessage } from '../chat/ChatList.tsx';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from './api-context.ts';
import { useEngage, useFeedEvents } from './engage-context.ts';
import { usePlayheadGate } from './use-playhead-gate.ts';

interface LiveMessage {
  message: ChatMessageResponse;
  /** When the server committed it: shown once the playhead gets there. */
  at: string;
  own: boolean;
}

const PAGE = 30;

export function useChatMessages() {
  const { session, me, banned } = useEngage();
  const api = useApi();
  const [live, setLive] = useState<LiveMessage[]>([]);
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [holding, setHolding] = useState(false);
  const due = usePlayheadGate(holding);

  const history = useInfiniteQuery({
    queryKey: ['chat', 'list', session.id, me?.id],
    enabled: Boolean(me) && !banned,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.chat.list.query({ id: session.id, limit: PAGE, ...(pageParam && { before: pageParam }) }),
    getNextPageParam: (page) => (page.has_more ? page.next_before : undefined),
    staleTime: Infinity,
  });

  useFeedEvents((event) => {
    if (event.event === 'chat.message_created') {
      const message = event.payload;
      setLive((all) =>
        all.some((m) => m.message.id === message.id)
          ? all
          : [...all, { message, at: event.at, own: message.user_id === me?.id }],
      );
    }
    if (event.event === 'chat.message_deleted') {
      setDeleted((ids) => new Set(ids).add(event.payload.message_id));
    }
  });

  const { shown, heldCount } = useMemo(() => {
    const older = (history.data?.pages ?? []).flatMap((page) => page.items).reverse();
    const seen = new Set(older.map((m) => m.id));
    let held = 0;
    const fresh: ChatListMessage[] = [];
    for (const item of live) {
      if (seen.has(item.message.id)) continue;
      if (item.own || due(item.at)) fresh.push(item.message);
      else held++;
    }
    const all = [...older, ...fresh].filter((m) => !deleted.has(m.id));
    return { shown: all, heldCount: held };
  }, [history.data, live, deleted, due]);

  useEffect(() => setHolding(heldCount > 0), [heldCount]);

  return {
    messages: shown,
    heldCount,
    history,
    /** One's own message, shown at once (its realtime copy is then skipped). */
    addOwn: (message: ChatMessageResponse) =>
      setLive((all) =>
        all.some((m) => m.message.id === message.id)
          ? all
          : [...all, { message, at: message.created_at, own: true }],
      ),
  };
}
