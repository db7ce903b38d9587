// Preloaded into the process under measurement (`node --import <this> bin/chartline.mjs ...`): at exit
// it writes the process's peak resident set size and CPU time (all threads) to BENCH_PROBE_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
