#!/usr/bin/env node
// Profile-level, offline validation of a FHIR R5 JSON resource (the crate's Bundle)
// against the official definitions of the package hl7.fhir.r5.core 5.0.0:
//
// * structure from each StructureDefinition's snapshot: unknown elements, cardinality,
//   JSON shape (arrays only where max > 1), choice types, primitive formats (the regex
//   of each primitive type), required elements;
// * FHIR's JSON rules: no empty array, object or string, no null, anywhere;
// * every invariant (constraint) of every element, evaluated with HL7's FHIRPath
//   engine (npm `fhirpath`, with the R5 model): `error` ones as errors, `warning` ones
//   (dom-6 and the like) as warnings;
// * terminology: codes in code systems that the package defines completely must exist
//   (display checked), required bindings must hold, extensible ones warn when no coding
//   is from the value set, preferred ones inform; ISO 3166-1 codes are checked against
//   Debian's iso-codes tables, UCUM units with @lhncbc/ucum-lhc, and codes of the
//   bundle's own CodeSystems against them. Code systems that no offline source defines
//   (SNOMED CT, ICD-10-CM, ICD-11, ATC, RxNorm, UNII, ...) are reported as information
//   ("not checked"), not as errors;
// * extensions: every extension's StructureDefinition must be found (in the package or
//   in the bundle), its context must allow the place it is used, and its value must
//   have a type the definition allows;
// * references: each resolves inside the bundle to a resource of a type the element
//   allows (targetProfile);
// * narrative: well-formed XHTML, a root div in the XHTML namespace, only the elements
//   and attributes FHIR allows, some text (txt-1, txt-2).
//
// Usage: node validate.js FILE.json [--self-check]
// Prints the error, warning and information counts and each error, and exits 1 on any
// error. With --self-check it first proves that it rejects what it must.
//
// Why not the HL7 Java validator: neither Maven Central nor the HL7 package server is
// reachable from these machines; this harness uses the same definitions (from the npm
// registry) and the same FHIRPath engine HL7 publishes.

'use strict';
const fs = require('fs');
const path = require('path');
const fhirpath = require('fhirpath');
const r5model = require('fhirpath/fhir-context/r5');

const PKG = path.dirname(require.resolve('hl7.fhir.r5.core/package.json'));
const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const REGEX_EXT = 'http://hl7.org/fhir/StructureDefinition/regex';
const ISO_3166 = 'urn:iso:std:iso:3166';
const UCUM = 'http://unitsofmeasure.org';

// ---------------------------------------------------------------- definitions

const defs = { sd: new Map(), vs: new Map(), cs: new Map() };
for (const file of fs.readdirSync(PKG)) {
  const kind = file.split('-')[0];
  if (!['StructureDefinition', 'ValueSet', 'CodeSystem'].includes(kind)) continue;
  const r = JSON.parse(fs.readFileSync(path.join(PKG, file), 'utf8'));
  const map = { StructureDefinition: defs.sd, ValueSet: defs.vs, CodeSystem: defs.cs }[kind];
  if (r.url) map.set(r.url, r);
}
const sdOfType = (type) =>
  defs.sd.get(type.includes('/') ? type : `http://hl7.org/fhir/StructureDefinition/${type}`);

const JSON_NUMBER = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal']);
const PRIMITIVES = new Set();
const primitiveRegex = new Map();
for (const sd of defs.sd.values()) {
  if (sd.kind !== 'primitive-type' || !sd.snapshot) continue;
  PRIMITIVES.add(sd.type);
  const value = sd.snapshot.element.find((e) => e.path === `${sd.type}.value`);
  const ext = value && value.type && (value.type[0].extension || []).find((x) => x.url === REGEX_EXT);
  if (!ext || JSON_NUMBER.has(sd.type)) continue; // numbers are checked as JSON numbers
  try {
    primitiveRegex.set(sd.type, new RegExp(`^(?:${ext.valueString.replace(/^\^|\$$/g, '')})$`, 'u'));
  } catch (e) {
    console.error(`information: the regex of ${sd.type} does not compile; its format is not checked`);
  }
}

// Children of each element path in a StructureDefinition, by name.
const childCache = new WeakMap();
function childrenOf(sd, elPath) {
  let bySd = childCache.get(sd);
  if (!bySd) {
    bySd = new Map();
    for (const e of sd.snapshot.element) {
      if (e.sliceName) continue;
      const i = e.path.lastIndexOf('.');
      if (i < 0) continue;
      const parent = e.path.slice(0, i);
      if (!bySd.has(parent)) bySd.set(parent, []);
      bySd.get(parent).push(e);
    }
    childCache.set(sd, bySd);
  }
  return bySd.get(elPath) || [];
}
const elementAt = (sd, p) => sd.snapshot.element.find((e) => e.path === p && !e.sliceName);

function typeCode(t) {
  if (t.code.startsWith('http://hl7.org/fhirpath/System.')) {
    const ext = (t.extension || []).find((x) => x.url === FHIR_TYPE_EXT);
    return ext ? ext.valueUrl : 'string';
  }
  return t.code;
}

// ---------------------------------------------------------------- terminology

const iso3166 = (() => {
  const codes = new Set();
  try {
    const t = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'));
    for (const c of t['3166-1']) [c.alpha_2, c.alpha_3, c.numeric].forEach((x) => x && codes.add(x));
  } catch (e) {
    return null;
  }
  return codes;
})();
let ucum = null;
try {
  ucum = require('@lhncbc/ucum-lhc').UcumLhcUtils.getInstance();
} catch (e) {
  ucum = null;
}

const bundleCs = new Map(); // url -> CodeSystem, from the instance being validated
const bundleVs = new Map(); // url -> ValueSet, likewise

function conceptsOf(cs) {
  const out = new Map();
  const walk = (list, parents) => {
    for (const c of list || []) {
      out.set(c.code, { display: c.display, parents, designation: c.designation || [] });
      walk(c.concept, parents.concat([c.code]));
    }
  };
  walk(cs.concept, []);
  return out;
}
const conceptCache = new Map();
function codeSystem(url) {
  const cs = bundleCs.get(url) || defs.cs.get(url);
  if (!cs || !['complete', undefined].includes(cs.content) || !cs.concept) return null;
  if (!conceptCache.has(cs)) conceptCache.set(cs, conceptsOf(cs));
  return conceptCache.get(cs);
}

/** 'known' | 'unknown-code' | 'unchecked' for a (system, code). */
function checkCode(system, code) {
  if (system === ISO_3166) {
    if (!iso3166) return 'unchecked';
    return iso3166.has(code) ? 'known' : 'unknown-code';
  }
  if (system === UCUM) {
    if (!ucum) return 'unchecked';
    return ucum.validateUnitString(code).status === 'valid' ? 'known' : 'unknown-code';
  }
  const concepts = codeSystem(system);
  if (!concepts) return 'unchecked';
  return concepts.has(code) ? 'known' : 'unknown-code';
}

/** A value set's expansion as a Set of 'system|code', or null if it cannot be expanded here. */
const vsCache = new Map();
function expand(url) {
  const bare = url.split('|')[0];
  if (vsCache.has(bare)) return vsCache.get(bare);
  vsCache.set(bare, null); // cycles
  const vs = bundleVs.get(bare) || defs.vs.get(bare);
  let result = null;
  if (vs && vs.compose) {
    result = new Set();
    const add = (inc, sink) => {
      if (inc.valueSet) {
        for (const v of inc.valueSet) {
          const sub = expand(v);
          if (!sub) return false;
          sub.forEach((x) => sink.add(x));
        }
        if (!inc.system) return true;
      }
      if (inc.concept) {
        inc.concept.forEach((c) => sink.add(`${inc.system}|${c.code}`));
        return true;
      }
      const concepts = codeSystem(inc.system);
      if (!concepts) return false;
      for (const [code, c] of concepts) {
        const ok = (inc.filter || []).every((f) => {
          if (f.op === 'is-a') return code === f.value || c.parents.includes(f.value);
          if (f.op === 'descendent-of') return c.parents.includes(f.value);
          if (f.op === 'is-not-a') return !(code === f.value || c.parents.includes(f.value));
          return false;
        });
        if (ok) sink.add(`${inc.system}|${code}`);
      }
      return true;
    };
    for (const inc of vs.compose.include || []) if (!add(inc, result)) result = null;
    if (result) {
      for (const exc of vs.compose.exclude || []) {
        const drop = new Set();
        if (!add(exc, drop)) result = null;
        else drop.forEach((x) => result.delete(x));
      }
    }
  }
  vsCache.set(bare, result);
  return result;
}

// ---------------------------------------------------------------- reporting

const issues = [];
const report = (severity, loc, message) => issues.push({ severity, loc, message });

// ---------------------------------------------------------------- narrative

const XHTML_ELEMENTS = new Set(
  ('a abbr acronym b big blockquote br caption cite code col colgroup dd dfn div dl dt em ' +
    'h1 h2 h3 h4 h5 h6 hr i img li ol p pre q samp small span strong sub sup table tbody td ' +
    'tfoot th thead tr tt ul var').split(' '),
);
const XHTML_ATTRS = new Set(
  ('abbr accesskey align alt axis bgcolor border cellhalign cellpadding cellspacing cellvalign char ' +
    'charoff charset cite class colspan compact coords dir frame headers height href hreflang hspace ' +
    'id lang longdesc name nowrap rel rev rowspan rules scope shape span src start style summary ' +
    'tabindex title type valign value vspace width xml:lang xmlns').split(' '),
);

function checkXhtml(div, loc) {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9:]*)((?:\s+[A-Za-z:][A-Za-z0-9:_-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  const stack = [];
  let last = 0;
  let text = '';
  let m;
  let first = true;
  while ((m = tag.exec(div))) {
    text += div.slice(last, m.index);
    if (/[<>]/.test(div.slice(last, m.index))) return report('error', loc, 'narrative: malformed XHTML');
    last = tag.lastIndex;
    const [, close, name, attrs, selfClose] = m;
    if (first) {
      first = false;
      if (m.index !== 0 || name !== 'div' || !/xmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/1999\/xhtml\1/.test(attrs))
        report('error', loc, 'narrative: the root must be a div in the XHTML namespace (txt-1)');
    }
    if (!XHTML_ELEMENTS.has(name)) report('error', loc, `narrative: element <${name}> is not allowed (txt-1)`);
    for (const a of attrs.matchAll(/([A-Za-z:][A-Za-z0-9:_-]*)\s*=/g))
      if (!XHTML_ATTRS.has(a[1])) report('error', loc, `narrative: attribute ${a[1]} is not allowed (txt-1)`);
    if (close) {
      if (stack.pop() !== name) return report('error', loc, `narrative: </${name}> does not close the open element`);
    } else if (!selfClose) stack.push(name);
    if (stack.length === 0 && last !== div.length && !close) continue;
  }
  text += div.slice(last);
  if (stack.length) return report('error', loc, 'narrative: unclosed elements');
  if (/[<>]/.test(div.slice(last))) return report('error', loc, 'narrative: malformed XHTML');
  for (const e of text.matchAll(/&([^;\s]*);?/g))
    if (!/^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);$/.test(e[0]))
      report('error', loc, `narrative: entity ${e[0]} is not XML`);
  if (!text.replace(/&[^;]+;/g, 'x').trim()) report('error', loc, 'narrative: no text content (txt-2)');
}

// ---------------------------------------------------------------- invariants

const compiled = new Map();
let notEvaluated = 0;
// resolve() inside the bundle, synchronously (the engine's own resolve() is async and
// fetches): references are resolved against the entries' fullUrls.
let currentResolve = () => null;
const userInvocationTable = {
  resolve: {
    fn: (inputs) =>
      inputs.flatMap((i) => {
        const v = i && i.data !== undefined ? i.data : i;
        const ref = typeof v === 'string' ? v : v && v.reference;
        const target = typeof ref === 'string' ? currentResolve(ref) : null;
        return target ? [target] : [];
      }),
    arity: { 0: [] },
  },
};
function invariants(el, node, base, loc, ctx) {
  for (const c of el.constraint || []) {
    // Checked natively: ele-1 (no empty object), ext-1, txt-1/txt-2 (the XHTML check),
    // rng-2 (the engine does not compare UCUM quantities).
    if (['ele-1', 'ext-1', 'txt-1', 'txt-2'].includes(c.key) || (c.key === 'rng-2' && base === 'Range')) continue;
    const key = `${base}\u0000${c.expression}`;
    let fn = compiled.get(key);
    if (fn === undefined) {
      try {
        fn = fhirpath.compile({ base, expression: c.expression }, r5model, { userInvocationTable, traceFn: () => {} });
      } catch (e) {
        fn = null;
      }
      compiled.set(key, fn);
    }
    if (!fn) {
      notEvaluated++;
      if (process.env.DEBUG_FHIRPATH) console.error(`${c.key} on ${base}: does not compile`);
      continue;
    }
    let ok;
    try {
      const r = fn(node, { resource: ctx.resource, rootResource: ctx.root });
      ok = !(r.length === 1 && r[0] === false);
    } catch (e) {
      notEvaluated++;
      if (process.env.DEBUG_FHIRPATH) console.error(`${c.key} on ${base}: ${e.message}`);
      continue;
    }
    if (!ok) report(c.severity === 'error' ? 'error' : 'warning', loc, `${c.key}: ${c.human}`);
  }
}

// ---------------------------------------------------------------- the walk

function checkPrimitive(type, value, loc) {
  if (value === null) return report('error', loc, 'null is not a FHIR value');
  if (type === 'boolean') {
    if (typeof value !== 'boolean') report('error', loc, `a boolean must be true or false, not ${JSON.stringify(value)}`);
    return;
  }
  if (JSON_NUMBER.has(type)) {
    if (typeof value !== 'number') return report('error', loc, `${type} must be a JSON number`);
    if (type !== 'decimal' && !Number.isInteger(value)) report('error', loc, `${type} must be an integer`);
    if (type === 'positiveInt' && value < 1) report('error', loc, 'positiveInt must be > 0');
    if (type === 'unsignedInt' && value < 0) report('error', loc, 'unsignedInt must be >= 0');
    return;
  }
  if (typeof value !== 'string') return report('error', loc, `${type} must be a JSON string`);
  if (value === '') return report('error', loc, 'empty string (FHIR JSON never allows one)');
  const re = primitiveRegex.get(type);
  if (re && !re.test(value)) report('error', loc, `${JSON.stringify(value.slice(0, 80))} is not a valid ${type}`);
  if (type !== 'markdown' && type !== 'xhtml' && value.trim() !== value)
    report('warning', loc, 'value starts or ends with whitespace');
}

/** The element definition and type for a JSON property name among `kids`. */
function resolveProperty(kids, name) {
  for (const e of kids) {
    const last = e.path.slice(e.path.lastIndexOf('.') + 1);
    if (last === name) return { el: e, type: e.type && e.type.length === 1 ? typeCode(e.type[0]) : null };
    if (last.endsWith('[x]') && name.startsWith(last.slice(0, -3))) {
      const suffix = name.slice(last.length - 3);
      const t = (e.type || []).find((t) => {
        const c = typeCode(t);
        return c[0].toUpperCase() + c.slice(1) === suffix;
      });
      if (t) return { el: e, type: typeCode(t), choice: true };
    }
  }
  return null;
}

function checkCoding(coding, loc, ctx) {
  if (!coding.system || !coding.code) return;
  const status = checkCode(coding.system, coding.code);
  if (status === 'unknown-code') report('error', loc, `${coding.system}|${coding.code} is not a code of that system`);
  else if (status === 'unchecked') ctx.unchecked.add(coding.system);
  else if (coding.display) {
    const concepts = codeSystem(coding.system);
    const c = concepts && concepts.get(coding.code);
    if (c && c.display && c.display !== coding.display && !c.designation.some((d) => d.value === coding.display))
      report('warning', loc, `display ${JSON.stringify(coding.display)} is not the display of ${coding.system}|${coding.code} (${JSON.stringify(c.display)})`);
  }
}

function checkBinding(el, type, value, loc) {
  const b = el.binding;
  if (!b || !b.valueSet || b.strength === 'example') return;
  let codings;
  if (type === 'code') codings = null;
  else if (type === 'Coding') codings = [value];
  else if (type === 'CodeableConcept') codings = value.coding || [];
  else if (type === 'CodeableReference') codings = value.concept ? value.concept.coding || [] : undefined;
  else if (type === 'Quantity') codings = value.system && value.code ? [{ system: value.system, code: value.code }] : [];
  else return;
  if (codings === undefined) return;
  const vs = expand(b.valueSet);
  if (!vs) return report('information', loc, `value set ${b.valueSet} cannot be expanded offline; binding not checked`);
  if (codings === null) {
    // A code: the value set's codes, whatever their system.
    const ok = [...vs].some((x) => x.slice(x.lastIndexOf('|') + 1) === value);
    if (!ok) report(b.strength === 'required' ? 'error' : 'warning', loc, `code ${value} is not in ${b.valueSet} (${b.strength})`);
    return;
  }
  const inVs = codings.some((c) => vs.has(`${c.system}|${c.code}`));
  if (inVs) return;
  const what = codings.length ? 'no coding is' : 'no code is given (text only), and none is';
  if (b.strength === 'required') report('error', loc, `${what} from ${b.valueSet} (required)`);
  else if (b.strength === 'extensible') report('warning', loc, `${what} from ${b.valueSet} (extensible)`);
  else report('information', loc, `${what} from ${b.valueSet} (preferred)`);
}

function checkReference(el, value, loc, ctx) {
  if (typeof value.reference !== 'string') return;
  const target = ctx.resolve(value.reference);
  if (!target) return report('error', loc, `reference ${value.reference} does not resolve inside the bundle`);
  const allowed = (el.type || [])
    .filter((t) => t.code === 'Reference')
    .flatMap((t) => t.targetProfile || [])
    .map((p) => p.slice(p.lastIndexOf('/') + 1));
  if (allowed.length && !allowed.includes('Resource') && !allowed.includes(target.resourceType))
    report('error', loc, `reference to a ${target.resourceType}; ${el.path} allows ${allowed.join(', ')}`);
}

function checkExtension(ext, parentPath, parentType, loc, ctx) {
  const sd = defs.sd.get(ext.url) || ctx.extensions.get(ext.url);
  if (!sd) return report('warning', loc, `no StructureDefinition for the extension ${ext.url}`);
  const contexts = sd.context || [];
  const places = new Set([parentPath, parentType, 'Element', 'Base']);
  if (parentPath === parentType && sdOfType(parentType) && sdOfType(parentType).kind === 'resource')
    ['Resource', 'DomainResource'].forEach((x) => places.add(x));
  if (!contexts.some((c) => c.type === 'element' && places.has(c.expression)))
    report('error', loc, `extension ${ext.url} is not allowed on ${parentPath} (context: ${contexts.map((c) => c.expression).join(', ')})`);
  const elements = (sd.snapshot || sd.differential || { element: [] }).element;
  const valueEl = elements.find((e) => e.path === 'Extension.value[x]');
  const key = Object.keys(ext).find((k) => k.startsWith('value'));
  if (valueEl && valueEl.max === '0') {
    if (key) report('error', loc, `extension ${ext.url} takes no value`);
  } else if (valueEl && key) {
    const types = (valueEl.type || []).map(typeCode);
    const t = types.find((c) => `value${c[0].toUpperCase()}${c.slice(1)}` === key);
    if (!t) report('error', loc, `extension ${ext.url} allows ${types.join(', ')}, not ${key}`);
    else if (valueEl.binding) checkBinding(valueEl, t, ext[key], `${loc}.${key}`);
    if (t === 'Reference') checkReference(valueEl, ext[key], `${loc}.${key}`, ctx);
  } else if (valueEl && valueEl.min > 0 && !key) report('error', loc, `extension ${ext.url} needs a value`);
}

function walk(node, sd, elPath, loc, fhirType, ctx) {
  if (node === null || typeof node !== 'object' || Array.isArray(node))
    return report('error', loc, `${fhirType} must be a JSON object`);
  if (Object.keys(node).length === 0) return report('error', loc, 'empty object (FHIR JSON never allows one)');
  // Children come from the element's own backbone in this SD, else from its type's SD.
  let kids = childrenOf(sd, elPath);
  if (!kids.length) {
    const tsd = sdOfType(fhirType);
    if (!tsd || !tsd.snapshot) return report('error', loc, `no definition for type ${fhirType}`);
    sd = tsd;
    elPath = tsd.type;
    kids = childrenOf(sd, elPath);
  }
  const el = elementAt(sd, elPath);
  const present = new Map();
  for (const [key, value] of Object.entries(node)) {
    if (key === 'resourceType' && elPath === sd.type && sd.kind === 'resource') continue;
    const name = key.startsWith('_') ? key.slice(1) : key;
    const r = resolveProperty(kids, name);
    const here = `${loc}.${key}`;
    if (!r) {
      report('error', here, `unknown element ${key} in ${elPath}`);
      continue;
    }
    present.set(r.el.path, (present.get(r.el.path) || 0) + (Array.isArray(value) ? value.length : 1));
    const many = r.el.max !== '1';
    if (value === null) {
      report('error', here, 'null (FHIR JSON never allows one)');
      continue;
    }
    if (many !== Array.isArray(value)) {
      report('error', here, many ? `${r.el.path} repeats: it must be an array` : `${r.el.path} does not repeat: it must not be an array`);
      continue;
    }
    if (Array.isArray(value) && value.length === 0) {
      report('error', here, 'empty array (FHIR JSON never allows one)');
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const at = many ? `${here}[${i}]` : here;
      if (item === null) return report('error', at, 'null (FHIR JSON never allows one)');
      let type = r.type || (r.el.type && r.el.type.length ? typeCode(r.el.type[0]) : 'Element');
      // Element.id is a string (R5's base definition); derived snapshots of R5 repeat
      // it as `id`, which would reject element ids such as `Extension.value[x]`. Only a
      // resource's own id is an id.
      if (key === 'id' && type === 'id' && !(sd.kind === 'resource' && elPath === sd.type)) type = 'string';
      if (key.startsWith('_')) return walk(item, sdOfType('Element'), 'Element', at, 'Element', ctx);
      if (PRIMITIVES.has(type)) {
        if (type === 'xhtml') {
          if (typeof item !== 'string') return report('error', at, 'xhtml must be a JSON string');
          return checkXhtml(item, at);
        }
        checkPrimitive(type, item, at);
        checkBinding(r.el, type, item, at);
        return;
      }
      if (type === 'Resource' || (sdOfType(type) && sdOfType(type).kind === 'resource')) {
        return validateResource(item, at, ctx);
      }
      const childPath = r.el.contentReference ? r.el.contentReference.slice(r.el.contentReference.indexOf('#') + 1) : r.el.path;
      walk(item, sd, childPath, at, type, ctx);
      if (!item || typeof item !== 'object') return;
      if (type === 'Coding') checkCoding(item, at, ctx);
      if (type === 'Quantity' && item.system === UCUM && item.code) checkCoding(item, at, ctx);
      checkBinding(r.el, type, item, at);
      if (type === 'Reference') checkReference(r.el, item, at, ctx);
      if (type === 'Extension') checkExtension(item, elPath, fhirType, at, ctx);
    });
  }
  for (const k of kids) {
    if (k.min > 0 && !present.has(k.path)) report('error', loc, `${k.path} is required (min ${k.min})`);
    const n = present.get(k.path) || 0;
    if (k.max !== '*' && n > Number(k.max)) report('error', loc, `${k.path}: ${n} values, max ${k.max}`);
  }
  if (el) invariants(el, node, elPath, loc, ctx);
  if (fhirType === 'Range' && node.low && node.high && node.low.code === node.high.code) {
    // rng-2, which the engine cannot compare for UCUM quantities.
    if (node.low.value > node.high.value) report('error', loc, 'rng-2: If present, low SHALL have a lower value than high');
  }
  if (fhirType === 'Extension' || (node.extension && !node.url)) {
    // ext-1: an extension has either extensions or a value, not both.
    if (node.url && !!node.extension === Object.keys(node).some((k) => k.startsWith('value')))
      report('error', loc, 'ext-1: Must have either extensions or value[x], not both');
  }
}

function validateResource(res, loc, ctx) {
  if (!res || typeof res !== 'object' || typeof res.resourceType !== 'string')
    return report('error', loc, 'a resource must be an object with a resourceType');
  const sd = sdOfType(res.resourceType);
  if (!sd || sd.kind !== 'resource') return report('error', loc, `unknown resource type ${res.resourceType}`);
  const inner = { ...ctx, resource: res, root: ctx.root || res };
  const at = `${loc}(${res.resourceType}/${res.id || '?'})`;
  walk(res, sd, sd.type, at, sd.type, inner);
  // Some snapshots (Citation, CodeSystem, ...) omit the invariants of their bases
  // (dom-2 to dom-6); evaluate those that the resource's own root does not repeat.
  const own = new Set(((sd.snapshot.element[0] || {}).constraint || []).map((c) => c.key));
  for (let b = sdOfType(sd.baseDefinition || ''); b; b = sdOfType(b.baseDefinition || '')) {
    const root = b.snapshot.element[0];
    const missing = (root.constraint || []).filter((c) => !own.has(c.key));
    missing.forEach((c) => own.add(c.key));
    if (missing.length) invariants({ constraint: missing }, res, sd.type, at, inner);
    if (!b.baseDefinition) break;
  }
  const domain = sd.baseDefinition && sd.baseDefinition.endsWith('/DomainResource');
  if (domain && res.text && res.text.status !== 'generated' && res.text.status !== 'extensions' && res.text.status !== 'additional')
    report('warning', at, `narrative status ${res.text.status}`);
}

// ---------------------------------------------------------------- driver

function validate(doc) {
  issues.length = 0;
  notEvaluated = 0;
  bundleCs.clear();
  bundleVs.clear();
  const extensions = new Map();
  const byUrl = new Map();
  const base = (u) => u.slice(0, u.lastIndexOf('/', u.lastIndexOf('/') - 1) + 1);
  for (const e of (doc.resourceType === 'Bundle' && doc.entry) || []) {
    const r = e && e.resource;
    if (!r) continue;
    if (e.fullUrl) byUrl.set(e.fullUrl, r);
    if (r.resourceType === 'CodeSystem' && r.url) bundleCs.set(r.url, r);
    if (r.resourceType === 'ValueSet' && r.url) bundleVs.set(r.url, r);
    if (r.resourceType === 'StructureDefinition' && r.url) extensions.set(r.url, r);
  }
  conceptCache.clear();
  vsCache.clear();
  const firstBase = (() => {
    const e = ((doc.entry || [])[0] || {}).fullUrl;
    return e ? base(e) : '';
  })();
  const resolve = (ref) => byUrl.get(ref) || byUrl.get(firstBase + ref) || null;
  const ctx = { resolve, extensions, unchecked: new Set(), root: null };
  currentResolve = resolve;
  validateResource(doc, doc.resourceType || 'resource', ctx);
  return { issues: issues.slice(), unchecked: ctx.unchecked, notEvaluated };
}

function summary(result) {
  const count = (s) => result.issues.filter((i) => i.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), information: count('information') };
}

function selfCheck(doc) {
  // Each mutation must give at least one error: the harness rejects what it must.
  const entries = doc.entry || [];
  const find = (t) => entries.findIndex((e) => e.resource && e.resource.resourceType === t);
  const cases = [
    ['an empty array', (d) => { d.entry[0].resource.identifier = []; }],
    ['an empty string', (d) => { d.entry[0].resource.id = ''; }],
    ['a null', (d) => { d.entry[0].resource.meta = null; }],
    ['an unknown element', (d) => { d.entry[0].resource.notAnElement = true; }],
    ['a missing required element', (d) => { delete d.entry[find('Provenance')].resource.agent; }],
    ['EU as an ISO 3166 code', (d) => {
      d.entry[find('RegulatedAuthorization')].resource.region = [{ coding: [{ system: ISO_3166, code: 'EU' }] }];
    }],
    ['a code outside a required value set', (d) => { d.entry[find('ClinicalUseDefinition')].resource.type = 'benefit'; }],
    ['a reference that does not resolve', (d) => {
      d.entry[find('Provenance')].resource.target = [{ reference: 'Citation/not-there' }];
    }],
    ['a broken narrative', (d) => { d.entry[0].resource.text = { status: 'generated', div: '<div>no namespace</div>' }; }],
    ['a duplicate fullUrl (invariant bdl-7)', (d) => { d.entry.push(JSON.parse(JSON.stringify(d.entry[0]))); }],
    ['an extension value of a type its definition does not allow', (d) => {
      const r = d.entry.find((e) => (e.resource.extension || []).length).resource;
      r.extension[0] = { url: r.extension[0].url, valueString: 'x' };
    }],
    ['a repeating element as a single value', (d) => {
      const r = d.entry[find('Provenance')].resource;
      r.target = r.target[0];
    }],
  ];
  for (const [what, mutate] of cases) {
    const copy = JSON.parse(JSON.stringify(doc));
    try {
      mutate(copy);
    } catch (e) {
      console.error(`self-check: cannot build the case "${what}" on this document (${e.message})`);
      process.exit(2);
    }
    if (summary(validate(copy)).errors === 0) {
      console.error(`self-check failed: ${what} was accepted`);
      process.exit(2);
    }
  }
  console.log(`self-check: ${cases.length} broken copies rejected`);
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node validate.js FILE.json [--self-check]');
    process.exit(2);
  }
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (args.includes('--self-check')) selfCheck(doc);
  const started = Date.now();
  const result = validate(doc);
  const s = summary(result);
  const byMessage = (sev) => {
    const m = new Map();
    for (const i of result.issues.filter((x) => x.severity === sev)) {
      const k = i.message.replace(/\b(?:Citation|ClinicalUseDefinition|RegulatedAuthorization)\/[A-Za-z0-9.-]+/g, '…');
      m.set(k, (m.get(k) || 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  for (const i of result.issues.filter((x) => x.severity === 'error')) console.log(`ERROR ${i.loc}: ${i.message}`);
  for (const [msg, n] of byMessage('warning')) console.log(`warning x${n}: ${msg}`);
  for (const [msg, n] of byMessage('information')) console.log(`information x${n}: ${msg}`);
  if (result.unchecked.size)
    console.log(`information: codes of ${[...result.unchecked].sort().join(', ')} not checked (no offline definition; not an error)`);
  if (result.notEvaluated) console.log(`information: ${result.notEvaluated} invariant evaluations not supported by the FHIRPath engine`);
  const n = doc.resourceType === 'Bundle' ? (doc.entry || []).length : 1;
  console.log(
    `${path.basename(file)}: ${n} resources, ${s.errors} errors, ${s.warnings} warnings, ${s.information} information ` +
      `(hl7.fhir.r5.core 5.0.0, fhirpath ${require('fhirpath/package.json').version}; ${Date.now() - started} ms)`,
  );
  process.exit(s.errors ? 1 : 0);
}

main();
