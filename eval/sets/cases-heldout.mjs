// Held-out discrepancy cases (eval/cases-heldout): written blind by a second annotator from notes
// no development case or gold uses, scored once before any rule was looked at against them (the
// first look is in README.md's evaluation table). Same format and scoring as eval/cases.
import { join } from 'node:path';
import { scoreCases } from './cases.mjs';

export default {
  name: 'cases-heldout',
  order: 6,
  run: (ctx) => scoreCases(ctx, join(ctx.repo, 'eval', 'cases-heldout')),
};
