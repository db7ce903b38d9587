// Treating records (MTSamples transcriptions, ACI-BENCH visit notes) annotated for this project
// (eval/gold/notes): progress notes, consults, IME/QME, operative, imaging, EMG, discharge, therapy.
import { join } from 'node:path';
import { scoreGoldSet } from '../gold-set.mjs';

export default {
  name: 'notes',
  order: 3,
  run: (ctx) => scoreGoldSet(ctx, join(ctx.repo, 'eval', 'gold', 'notes')),
};
