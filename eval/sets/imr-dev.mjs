// The IMR development set that ships with the scorer: ../shared/eval/docs with ../shared/eval/gold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreGoldSet } from '../gold-set.mjs';

export default {
  name: 'imr-dev',
  order: 1,
  run: (ctx) => scoreGoldSet(ctx, join(ctx.shared, 'eval', 'gold'), (g) => readFileSync(join(ctx.shared, 'eval', 'docs', g.document))),
};
