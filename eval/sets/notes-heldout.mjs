// Held-out treating notes (eval/gold/notes-heldout): ten notes annotated blind by a second annotator
// (IME, progress, consults, operative, EMG, discharge, ACI-BENCH visits), none of them in the
// development notes or cases; scored once before any rule was looked at against them.
import { join } from 'node:path';
import { scoreGoldSet } from '../gold-set.mjs';

export default {
  name: 'notes-heldout',
  order: 5,
  run: (ctx) => scoreGoldSet(ctx, join(ctx.repo, 'eval', 'gold', 'notes-heldout')),
};
