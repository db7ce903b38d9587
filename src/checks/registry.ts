// Every discrepancy check, in the order their flags are listed. A new check is one line here.
import type { Check } from './check.js';
import { chronologyCheck } from './chronology.js';
import { contradictionCheck } from './contradiction.js';
import { duplicateCheck } from './duplicate.js';
import { examPlanMismatchCheck } from './exam-plan-mismatch.js';
import { examSelfContradictionCheck } from './exam-self-contradiction.js';
import { gapInCareCheck } from './gap-in-care.js';

export const CHECKS: readonly Check[] = [examPlanMismatchCheck, examSelfContradictionCheck, contradictionCheck, chronologyCheck, duplicateCheck, gapInCareCheck];
