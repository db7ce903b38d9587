// gap_in_care: visits in the treating records more than a configurable number of days apart
// (patterns/checks.json gapInCare.minGapDays), e.g. a knee followed monthly, then nothing for nine
// months, then a request for surgery. Review letters summarise selected visits and are skipped.
import { daysBetween } from '../model/calendar.js';
import type { TimelineEvent } from '../schema.js';
import { isReviewLetter } from '../model/document-kind.js';
import { makeFlag, shortDate } from './flag.js';
import type { Check, CheckContext } from './check.js';

export const gapInCareCheck: Check = {
  name: 'gap_in_care',
  run(ctx: CheckContext) {
    const cfg = ctx.patterns.data.checks.gapInCare;
    const visits = new Map<string, TimelineEvent>();
    for (const d of ctx.documents) {
      if (isReviewLetter(d.events)) continue;
      for (const e of d.events) if (e.type === 'encounter' && e.date && e.date.length === 10 && !visits.has(e.date)) visits.set(e.date, e);
    }
    const dates = [...visits.keys()].sort();
    const flags = [];
    for (let i = 1; i < dates.length; i++) {
      const from = dates[i - 1] as string;
      const to = dates[i] as string;
      const days = daysBetween(from, to);
      if (days <= cfg.minGapDays) continue;
      const a = visits.get(from) as TimelineEvent;
      const b = visits.get(to) as TimelineEvent;
      flags.push(
        makeFlag({
          kind: 'gap_in_care',
          rule: 'gap-in-care.visits-apart',
          severity: cfg.severity,
          date: to,
          summary: `No visit is recorded for ${days} days, between ${shortDate(from)} and ${shortDate(to)}.`,
          evidence: [
            { role: 'last visit before', source: a.source },
            { role: 'next visit', source: b.source },
          ],
          eventIds: [a.id, b.id],
        }),
      );
    }
    return flags;
  },
};
