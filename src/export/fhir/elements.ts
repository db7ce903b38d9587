// Small FHIR building blocks the resource mappers share: dates at the record's precision, extensions,
// codings, body sites with laterality.
import type { CodeableConcept, Coding, Extension } from '@medplum/fhirtypes';
import type { Anatomy } from '../../schema.js';
import { CS, EXT } from './namespace.js';

/**
 * A chartline date as a FHIR date: "2014-06-18", "2014-06" and "2014" pass through unchanged (FHIR's
 * date and dateTime take the same partial forms, so a month stays a month). A date that is not a
 * real calendar day ("2014-02-30") or no date gives undefined: nothing is invented.
 */
export function fhirDate(date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[2] === undefined) return date;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return date;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last ? date : undefined;
}

/**
 * FHIR strings must hold at least one non-whitespace character. Text read from records is kept as
 * written; only an empty or blank one is dropped.
 */
export function text(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && /\S/.test(value) ? value : undefined;
}

export const extension = {
  string: (url: string, value: string | null | undefined): Extension[] => {
    const v = text(value);
    return v === undefined ? [] : [{ url, valueString: v }];
  },
  code: (url: string, value: string | null | undefined): Extension[] => (value ? [{ url, valueCode: value }] : []),
  date: (url: string, value: string | null | undefined): Extension[] => {
    const v = fhirDate(value);
    return v === undefined ? [] : [{ url, valueDate: v }];
  },
  dateTime: (url: string, value: string | null | undefined): Extension[] => {
    const v = fhirDate(value);
    return v === undefined ? [] : [{ url, valueDateTime: v }];
  },
  boolean: (url: string, value: boolean): Extension[] => [{ url, valueBoolean: value }],
  /** a complex extension: sub-extensions without a value are left out; none at all gives none */
  complex: (url: string, parts: Extension[]): Extension[] => (parts.length ? [{ url, extension: parts }] : []),
};

/** drops an empty extension list, so resources carry no `"extension": []` */
export function extensions(...lists: Extension[][]): { extension?: Extension[] } {
  const all = lists.flat();
  return all.length ? { extension: all } : {};
}

export function coding(system: string, code: string, display?: string): Coding {
  return display ? { system, code, display } : { system, code };
}

export function concept(codings: Coding[], label?: string | null): CodeableConcept {
  const t = text(label);
  const cc: CodeableConcept = {};
  if (codings.length) cc.coding = codings;
  if (t !== undefined) cc.text = t;
  return cc;
}

const LATERALITY: Record<'left' | 'right' | 'bilateral', Coding> = {
  left: { system: CS.snomed, code: '7771000', display: 'Left' },
  right: { system: CS.snomed, code: '24028007', display: 'Right' },
  bilateral: { system: CS.snomed, code: '51440002', display: 'Right and left' },
};

/**
 * A body site as written ("left knee", "lumbar spine L4-L5"), its side as a SNOMED CT laterality
 * qualifier in an extension, spinal levels in another. FHIR R4 has no laterality element of its own.
 */
export function bodySite(site: string | null, side: Anatomy['side'], levels: readonly string[] = []): CodeableConcept | undefined {
  const label = [side, site, ...levels].filter((p): p is string => !!p && /\S/.test(p)).join(' ');
  if (!site && levels.length === 0) return undefined;
  return {
    ...extensions(
      side ? [{ url: EXT.laterality, valueCodeableConcept: { coding: [LATERALITY[side]], text: side } }] : [],
      levels.flatMap((l) => extension.string(EXT.spinalLevel, l)),
    ),
    text: label,
  };
}

/** every body part of a statement's anatomy, each with the statement's side and spinal levels */
export function bodySites(anatomy: Anatomy): CodeableConcept[] {
  if (anatomy.bodyParts.length === 0) {
    const levelsOnly = bodySite(null, anatomy.side, anatomy.levels);
    return levelsOnly ? [levelsOnly] : [];
  }
  return anatomy.bodyParts.map((part) => bodySite(part, anatomy.side, anatomy.levels)).filter((c): c is CodeableConcept => c !== undefined);
}

/** one body site for elements that take only one (Observation.bodySite): the parts joined */
export function singleBodySite(anatomy: Anatomy): CodeableConcept | undefined {
  const sites = bodySites(anatomy);
  if (sites.length <= 1) return sites[0];
  return bodySite(anatomy.bodyParts.join(', '), anatomy.side, anatomy.levels);
}
