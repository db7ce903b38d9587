// Redis connections for BullMQ, and a quick check that Redis answers at all: BullMQ itself retries a
// missing Redis forever, which at a terminal looks like a hang. `chartline enqueue` with Redis down
// prints one line instead:
//   chartline: cannot reach Redis at redis://127.0.0.1:6379 (ECONNREFUSED): start Redis or set REDIS_URL
import { Redis } from 'ioredis';
import { redactUrl } from '../store/store-config.js';

export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** Options BullMQ builds its connections from (workers need maxRetriesPerRequest: null). */
export function bullConnection(redisUrl: string): { url: string; maxRetriesPerRequest: null } {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

export async function assertRedisReachable(redisUrl: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // the socket's own error (ECONNREFUSED, ENOTFOUND) arrives as an event; connect() then rejects
  // with only "Connection is closed."
  let socketError: NodeJS.ErrnoException | undefined;
  client.on('error', (err: NodeJS.ErrnoException) => {
    socketError ??= err;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const e = socketError ?? (err as NodeJS.ErrnoException);
    const reason = e.code ?? (e.message || 'no answer');
    throw new RedisUnavailableError(`cannot reach Redis at ${redactUrl(redisUrl)} (${reason}): start Redis or set REDIS_URL`);
  } finally {
    client.disconnect();
  }
}
