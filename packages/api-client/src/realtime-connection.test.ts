import { describe, expect, it, vi } from 'vitest';
import { createAuthSession, memoryTokenStore } from './auth-session.ts';
import { openRealtimeConnection } from './realtime-connection.ts';

describe('a shared realtime connection', () => {
  it('connects for its first user and disconnects after its last', () => {
    const authSession = createAuthSession({
      apiUrl: 'http://api.test/api',
      store: memoryTokenStore(),
    });
    const connection = openRealtimeConnection({ url: 'http://api.test', authSession });
    const connect = vi.spyOn(connection.socket, 'connect').mockReturnValue(connection.socket);
    const disconnect = vi.spyOn(connection.socket, 'disconnect').mockReturnValue(connection.socket);

    connection.open();
    connection.open();
    expect(connect).toHaveBeenCalledOnce();
    connection.close();
    expect(disconnect).not.toHaveBeenCalled();
    connection.close();
    expect(disconnect).toHaveBeenCalledOnce();
    connection.close(); // more closes than opens change nothing
    expect(disconnect).toHaveBeenCalledOnce();
    connection.open();
    expect(connect).toHaveBeenCalledTimes(2);
  });
});
