// IMR letters of ../shared/data/imr-determinations annotated for this project (eval/gold/imr-letters).
import { join } from 'node:path';
import { scoreGoldSet } from '../gold-set.mjs';

export default {
  name: 'imr-letters',
  order: 2,
  run: (ctx) => scoreGoldSet(ctx, join(ctx.repo, 'eval', 'gold', 'imr-letters')),
};
