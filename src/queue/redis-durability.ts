// BullMQ keeps every job in Redis and nowhere else. A Redis that evicts keys under memory pressure
// (any maxmemory-policy but noeviction) drops jobs mid-bundle; one with neither AOF nor RDB snapshots
// loses them all on a restart — the bundle then sits at "processing 4/20" for ever (the reconciler,
// reconcile-bundles.ts, re-queues it from the stored originals, but only what the store knows).
// `chartline worker` says so when it starts.
import { Redis } from 'ioredis';

export interface RedisDurabilitySettings {
  'maxmemory-policy'?: string;
  appendonly?: string;
  /** RDB snapshot rules, e.g. "3600 1 300 100"; "" when snapshots are off */
  save?: string;
}

/** What is wrong with these settings for a queue, one sentence each; empty when nothing is. */
export function durabilityWarnings(settings: RedisDurabilitySettings): string[] {
  const out: string[] = [];
  const policy = settings['maxmemory-policy'];
  if (policy !== undefined && policy !== 'noeviction') {
    out.push(`Redis maxmemory-policy is ${policy}, not noeviction: under memory pressure Redis deletes queued jobs and bundles stall (set maxmemory-policy noeviction)`);
  }
  if (settings.appendonly === 'no' && (settings.save ?? '').trim() === '') {
    out.push(
      'Redis persistence is off (appendonly no, no save rules): a Redis restart loses every queued job; bundles are re-queued from stored originals only when the store knows them (set appendonly yes)',
    );
  }
  return out;
}

/** The settings of the Redis at `redisUrl`, or a warning when it does not let us read them (CONFIG is often disabled on hosted Redis). */
export async function checkRedisDurability(redisUrl: string): Promise<string[]> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const settings: RedisDurabilitySettings = {};
    for (const key of ['maxmemory-policy', 'appendonly', 'save'] as const) {
      const [, value] = (await client.config('GET', key)) as [string?, string?];
      if (value !== undefined) settings[key] = value;
    }
    return durabilityWarnings(settings);
  } catch (err) {
    return [`could not read Redis's persistence and eviction settings (${(err as Error).message}): make sure it runs with appendonly yes and maxmemory-policy noeviction`];
  } finally {
    client.disconnect();
  }
}
