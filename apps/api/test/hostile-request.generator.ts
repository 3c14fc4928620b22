import { SeededRandom } from './seeded-random';

/*
 * Generated hostile requests for the API fuzz test (issue #9/#17). Every request carries at least
 * one defect that must make the API refuse it (a bad value, an unknown key, a missing thing, a
 * wrong method or media type), so the test can demand a 4xx for every single one: a 2xx means
 * something invalid went through, a 5xx that it reached a place that could not cope.
 */

export interface THostileRequest {
  /** The defect(s) that make this request invalid; shown when the answer is not a 4xx. */
  why: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, percent-encoded (lone surrogates as their WTF-8 bytes). */
  url: string;
  /** undefined: no content-type header at all. */
  contentType?: string;
  body?: string | Uint8Array;
}

/** Rows that exist, so that some requests get past "not found" into deeper validation. */
export interface TFuzzTargets {
  /** A queued LeNet-5 run (no snapshots). */
  lenetRunId: string;
  /** A queued LSTM run. */
  lstmRunId: string;
}

/** JSON text spliced in as is: numbers JSON.stringify cannot write (1e309 parses to Infinity). */
class RawJson {
  constructor(readonly text: string) {}
}

const UNSAFE_TEXT = ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uDC00\uD800', 'run\u0000; DROP TABLE "Run"; --'];
const SQLISH = ['\'; DROP TABLE "Run"; --', "1' OR '1'='1", '" OR ""="', '1; SELECT pg_sleep(10)', '$where', '{"$gt":""}', "%' OR 1=1 --"];
const ODD_VALUES: unknown[] = [true, false, null, [], ['a'], {}, { $ne: null }, { $gt: '' }, 1, -1, 0];
const UNKNOWN_KEYS = [
  'learning_rate',
  '$where',
  'unknownField',
  'constructor',
  '__proto__',
  'hidden_size',
  'prototype',
  'toString',
  'hasOwnProperty',
  'Name',
  'name ',
  ' model',
  '',
  '\u0000',
  'k\u0000',
  '\uD800',
  'a.b',
  '$ne',
  'id',
  'status',
  'sweepId',
  'createdAt',
  '\'; DROP TABLE "Run"; --',
  'x'.repeat(300),
];
const INVALID_NAMES: unknown[] = [
  ...UNSAFE_TEXT,
  '',
  '   ',
  'x'.repeat(121),
  'y'.repeat(100_000),
  42,
  true,
  null,
  [],
  ['a'],
  {},
  { $ne: null },
];
/** A run config's blank name is no defect (the API generates one); a sweep's still is. */
const INVALID_RUN_NAMES = INVALID_NAMES.filter((name) => typeof name !== 'string' || name.trim() !== '');
/** Wrong for every number field of a run config: all have a minimum ≥ 0 and a maximum ≤ 1e6. */
const INVALID_NUMBERS: unknown[] = [
  '1',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  true,
  false,
  null,
  [],
  [1],
  {},
  { $gt: 0 },
  -1e9,
  1e12,
  -1,
  new RawJson('1e309'),
  new RawJson('-1e309'),
];
const COMMON_NUMBER_FIELDS = [
  'learningRate',
  'batchSize',
  'epochs',
  'evalInterval',
  'logInterval',
  'seed',
  'statsInterval',
  'snapshotsPerEpoch',
  'probeImages',
  'histogramBins',
  'snapshotLimit',
  'snapshotKeepEvery',
  'gradClipNorm',
  'trainSubset',
  'evalSubset',
];
const INT_FIELDS = COMMON_NUMBER_FIELDS.filter((f) => !['learningRate', 'gradClipNorm'].includes(f));
const INVALID_ENUM_VALUES: unknown[] = [...SQLISH, ...UNSAFE_TEXT, 'ADAM', '', ' adam', 'auto ', 1, null, true, [], {}];

/** Custom networks each refused before queueing: [why, network, dataset?]. */
const BAD_NETWORKS: ReadonlyArray<readonly [string, unknown, string?]> = [
  ['no layers', { layers: [] }],
  ['kernel larger than the image', { layers: [{ type: 'conv2d', filters: 4, kernelSize: 40 }] }],
  ['unknown layer type', { layers: [{ type: 'conv3d', filters: 4 }] }],
  ['recurrent layer after flatten', { layers: [{ type: 'flatten' }, { type: 'lstm', units: 4 }] }],
  [
    'kernel larger than a strided input',
    {
      layers: [
        { type: 'conv2d', filters: 2, kernelSize: 3, strides: 9 },
        { type: 'conv2d', filters: 2, kernelSize: 4 },
      ],
    },
  ],
  ['layer field of another type', { layers: [{ type: 'dense', units: 4, filters: 3 }] }],
  ['both layers and keras', { layers: [{ type: 'flatten' }], keras: {} }],
  ['keras that is not JSON', { keras: '{"class_name": ' }],
  ['keras of a functional model', { keras: { class_name: 'Functional', config: { layers: [] } } }],
  ['network that is a string', 'conv-relu-pool'],
  ['dataset not in the catalogue', { layers: [{ type: 'flatten' }] }, '0b5f1a2e-1111-4222-8333-944455556666'],
  ['dataset id that is SQL', { layers: [{ type: 'flatten' }] }, "mnist' OR '1'='1"],
];

const INVALID_MODELS: unknown[] = ['resnet', 'LSTM', '', 'lenet', ...SQLISH, ...UNSAFE_TEXT, null, 1, [], {}];
const INVALID_JSON_TEXTS = [
  '{',
  '{"name":',
  "{'name':'x','model':'lstm'}",
  '{"name":"x","model":"lstm",}',
  '{"name":NaN,"model":"lstm"}',
  '{"learningRate":Infinity}',
  '{"name":"x"}{"model":"lstm"}',
  '{"name":"a\u0000b","model":"lstm"}',
  '{"name":"\\ud800',
  '{"name":"\\uZZZZ"}',
  '\u0000',
  '{"name":undefined}',
  '{"__proto__":',
  'null',
  '"just a string"',
  '12',
  'true',
  '[',
  ']',
  '{"a":1]',
];
/** Media types a JSON parser must not read. */
const NON_JSON_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/merge-patch+json',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin-9',
];

/** A lone surrogate cannot be sent as UTF-8; its WTF-8 bytes are what a hostile client would send. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

/** JSON text with RawJson spliced in; own `__proto__` keys are kept (JSON.stringify writes own keys). */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return v;
  });
  return raws.reduce((t, raw, i) => t.replace(`"@@raw${i}@@"`, raw), text);
}

/** A copy with `key` set as an own, enumerable property, `__proto__` included (`{...o, [k]: v}` would set the prototype). */
function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object))
    Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const query = (params: [string, string][]): string =>
  params.length === 0 ? '' : `?${params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`;

export class HostileRequestGenerator {
  private readonly r: SeededRandom;

  constructor(
    seed: number,
    private readonly targets: TFuzzTargets,
  ) {
    this.r = new SeededRandom(seed);
  }

  next(): THostileRequest {
    const r = this.r;
    const kind = r.int(0, 99);
    if (kind < 18) return this.jsonPost('/api/runs', () => this.runConfigBody());
    if (kind < 30) return this.jsonPost('/api/sweeps', () => this.sweepBody());
    if (kind < 40) return this.visualizationPost();
    if (kind < 86) return this.get();
    if (kind < 93) return this.runUpdate();
    return this.wrongRoute();
  }

  // ── bodies ──────────────────────────────────────────────────────────────────

  /** A POST whose body is a broken valid one, or broken at the transport level (JSON, media type, size). */
  private jsonPost(url: string, body: () => { why: string; value: unknown }, method: THostileRequest['method'] = 'POST'): THostileRequest {
    const r = this.r;
    const roll = r.int(0, 99);
    if (roll < 8) {
      const text = r.pick(INVALID_JSON_TEXTS);
      return { why: `invalid JSON ${JSON.stringify(text.slice(0, 40))}`, method, url, contentType: 'application/json', body: text };
    }
    if (roll < 14) {
      const { value } = this.validBodyFor(url);
      const depth = r.int(2_000, 50_000);
      const nested = r.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const replacements = [[], [value], 'string', 123, true, new RawJson(nested)];
      const pickIndex = r.int(0, replacements.length - 1);
      return {
        why: `body is not an object (#${pickIndex})`,
        method,
        url,
        contentType: 'application/json',
        body: toJsonText(replacements[pickIndex]),
      };
    }
    if (roll < 20) {
      const { value } = this.validBodyFor(url);
      const type = r.pick([...NON_JSON_TYPES, undefined]);
      const text = type === 'application/x-www-form-urlencoded' ? 'name=fuzz&model=lstm' : toJsonText(value);
      // A Uint8Array body makes fetch send no content-type of its own.
      return { why: `media type ${type ?? '(none)'}`, method, url, contentType: type, body: type ? text : new TextEncoder().encode(text) };
    }
    if (roll < 21) {
      const padding = ' '.repeat(1024 * 1024 + r.int(1, 100_000));
      return {
        why: 'body over 1 MB',
        method,
        url,
        contentType: 'application/json',
        body: `${toJsonText(this.validBodyFor(url).value)}${padding}`,
      };
    }
    const { why, value } = body();
    return { why, method, url, contentType: 'application/json', body: toJsonText(value) };
  }

  private validBodyFor(url: string): { value: unknown } {
    if (url.endsWith('/sweeps')) return { value: this.validSweep() };
    if (url.includes('/visualizations')) return { value: { kind: 'top9', layer: 'conv1' } };
    return { value: this.validRunConfig() };
  }

  private validRunConfig(): Record<string, unknown> {
    const pick = this.r.int(0, 2);
    if (pick === 0) return { name: 'fuzz', model: 'lenet5', variant: 'mnist', epochs: 1, trainSubset: 64, evalSubset: 64 };
    if (pick === 1)
      return { name: 'fuzz', model: this.r.pick(['rnn', 'lstm', 'gru']), hiddenSize: 16, epochs: 1, trainSubset: 64, evalSubset: 64 };
    return {
      name: 'fuzz',
      model: 'custom',
      dataset: 'mnist',
      network: { layers: [{ type: 'flatten' }, { type: 'dense', units: 8 }] },
      epochs: 1,
    };
  }

  /** One to three defects, each of which alone makes the config invalid. */
  private runConfigBody(): { why: string; value: unknown } {
    const r = this.r;
    let config = this.validRunConfig();
    const whys: string[] = [];
    for (let i = r.int(1, 3); i > 0; i--) {
      const defect = r.int(0, 6);
      if (defect === 0) {
        const name = r.pick(INVALID_RUN_NAMES);
        config = withKey(config, 'name', name);
        whys.push(`name ${show(name)}`);
      } else if (defect === 1) {
        const field = r.pick(COMMON_NUMBER_FIELDS);
        const value = r.chance(0.2) && INT_FIELDS.includes(field) ? 2.5 : r.pick(INVALID_NUMBERS);
        config = withKey(config, field, value);
        whys.push(`${field} ${show(value)}`);
      } else if (defect === 2) {
        const field = r.pick(config.model === 'lenet5' ? ['optimizer', 'backend', 'variant'] : ['optimizer', 'backend']);
        const value = r.pick(INVALID_ENUM_VALUES);
        config = withKey(config, field, value);
        whys.push(`${field} ${show(value)}`);
      } else if (defect === 3) {
        const key = r.pick(UNKNOWN_KEYS);
        const value = r.pick([...ODD_VALUES, ...SQLISH, ...UNSAFE_TEXT, 0.1]);
        config = withKey(config, key, value);
        whys.push(`unknown key ${show(key)}`);
      } else if (defect === 6) {
        // A custom network that cannot train or cannot be read (on a preset's body: it becomes custom).
        const [why, network, dataset] = r.pick(BAD_NETWORKS);
        const { hiddenSize: _h, layers: _l, dropout: _d, variant: _v, ...rest } = config;
        config = { ...rest, model: 'custom', dataset: dataset ?? 'mnist', network };
        whys.push(why);
      } else if (defect === 4) {
        const [field, value] =
          config.model === 'custom'
            ? (['hiddenSize', 64] as const)
            : config.model === 'lenet5'
              ? r.pick([
                  ['hiddenSize', 64],
                  ['layers', 2],
                  ['dropout', 0.1],
                ] as const)
              : (['variant', 'mnist'] as const);
        config = withKey(config, field, value);
        whys.push(`${field} on ${String(config.model)}`);
      } else {
        const model = r.pick(INVALID_MODELS);
        config = withKey(config, 'model', model);
        whys.push(`model ${show(model)}`);
      }
    }
    return { why: `run config: ${whys.join(', ')}`, value: config };
  }

  private validSweep(): Record<string, unknown> {
    return {
      name: 'fuzz sweep',
      base: { model: 'lstm', epochs: 1, trainSubset: 64, evalSubset: 64 },
      axes: [{ field: 'seed', values: [1, 2] }],
    };
  }

  private sweepBody(): { why: string; value: unknown } {
    const r = this.r;
    const sweep = this.validSweep();
    const base = sweep.base as Record<string, unknown>;
    const defect = r.int(0, 6);
    if (defect === 0) {
      const name = r.pick([...INVALID_NAMES, 'x'.repeat(81)]);
      return { why: `sweep name ${show(name)}`, value: withKey(sweep, 'name', name) };
    }
    if (defect === 1) {
      const key = r.pick([...UNKNOWN_KEYS, 'name', 'variant']);
      return { why: `base key ${show(key)}`, value: { ...sweep, base: withKey(base, key, r.pick([1, 'mnist', ...SQLISH])) } };
    }
    if (defect === 2) {
      const field = r.pick([...COMMON_NUMBER_FIELDS, 'optimizer', 'backend', 'hiddenSize', 'model']);
      const value = r.pick([...ODD_VALUES.filter((v) => typeof v !== 'number'), ...UNSAFE_TEXT, new RawJson('1e309'), -1e9, 1e12]);
      return { why: `base.${field} ${show(value)}`, value: { ...sweep, base: withKey(base, field, value) } };
    }
    if (defect === 3) {
      const replacement = r.pick<unknown>([[], 'lstm', null, 1, [base]]);
      return { why: `base ${show(replacement)}`, value: { ...sweep, base: replacement } };
    }
    if (defect === 4) {
      const axes = r.pick<unknown>([
        [],
        'seed',
        {},
        [{}],
        null,
        [null],
        [{ field: 'learning_rate', values: [1, 2] }],
        [{ field: 'seed', values: [] }],
        [{ field: 'seed', values: [1, 1] }],
        [{ field: 'seed', values: Array.from({ length: 51 }, (_, i) => i) }],
        [{ field: 'seed', values: [1, 2], extra: 1 }],
        [{ field: 'seed', values: [null, 2] }],
        [{ field: 'seed', values: [{}, 2] }],
        [
          { field: 'seed', values: [1, 2] },
          { field: 'seed', values: [3, 4] },
        ],
        Array.from({ length: 7 }, (_, i) => ({
          field: ['seed', 'epochs', 'batchSize', 'optimizer', 'backend', 'dropout', 'layers'][i],
          values: [1, 2],
        })),
        [
          { field: 'seed', values: Array.from({ length: 50 }, (_, i) => i) },
          { field: 'batchSize', values: [8, 16, 32] },
        ],
        [{ field: 'name', values: ['a', 'b'] }],
        [{ field: 'hiddenSize', values: [16, 4096] }],
        [{ field: 'variant', values: ['mnist', 'cifar-rgb32'] }],
        [{ field: 'optimizer', values: ['adam', '\u0000'] }],
        [{ field: 'optimizer', values: ['adam', '\uD800'] }],
        [{ field: 'optimizer', values: ['adam', '\'; DROP TABLE "Sweep"; --'] }],
        [{ field: 'seed', values: [1, new RawJson('1e309')] }],
      ]);
      return { why: `axes ${toJsonText(axes).slice(0, 80)}`, value: { ...sweep, axes } };
    }
    if (defect === 5) {
      const key = r.pick(UNKNOWN_KEYS.filter((k) => !['id', 'status'].includes(k)));
      return { why: `sweep key ${show(key)}`, value: withKey(sweep, key, r.pick(ODD_VALUES)) };
    }
    return { why: 'base.learningRate -1', value: { ...sweep, base: { ...base, learningRate: -1 } } };
  }

  private visualizationPost(): THostileRequest {
    const r = this.r;
    const { id, why: idWhy } = this.runId({ allowExisting: true });
    const url = `/api/runs/${percentEncode(id)}/visualizations`;
    return this.jsonPost(url, () => {
      let body: Record<string, unknown> = r.chance(0.5) ? { kind: 'top9', layer: 'conv1' } : { kind: 'image', layer: 'conv1', image: 3 };
      const defect = r.int(0, 7);
      const set = (key: string, values: unknown[]) => {
        const value = r.pick(values);
        body = withKey(body, key, value);
        return `${key} ${show(value)}`;
      };
      const why =
        defect === 0
          ? set(r.pick(UNKNOWN_KEYS), [1, 'x', null])
          : defect === 1
            ? set('kind', ['top10', '', null, 1, ...SQLISH, ...UNSAFE_TEXT])
            : defect === 2
              ? set('layer', ['', 'x'.repeat(65), 'conv 1', ...SQLISH, ...UNSAFE_TEXT, 1, null])
              : defect === 3
                ? set('step', [-1, 2 ** 31, 1.5, '1', null, new RawJson('1e309'), {}])
                : defect === 4
                  ? set('recompute', ['yes', 1, null, 'true'])
                  : defect === 5
                    ? set('image', [-1, 10_000, 1.5, '3', null])
                    : defect === 6
                      ? set(body.kind === 'top9' ? 'occlusionSize' : 'subset', [4, 100])
                      : set('subset', [8, 10_001, 0.5, '100']);
      // An existing run with a valid body is still refused (no snapshot; not a CNN): the defect decides anyway.
      return { why: `visualization ${idWhy}: ${why}`, value: body };
    });
  }

  /** PATCH /api/runs/:id (rename, notes, tags, archive) with one bad field. */
  private runUpdate(): THostileRequest {
    const r = this.r;
    const { id, why: idWhy } = this.runId({ allowExisting: true });
    const url = `/api/runs/${percentEncode(id)}`;
    return this.jsonPost(
      url,
      () => {
        const body: Record<string, unknown> = { name: 'fuzz renamed', notes: '**fuzz**', tags: ['fuzz'] };
        const [key, values] = r.pick<[string, unknown[]]>([
          ['name', [...INVALID_NAMES, '  ']],
          ['notes', [...UNSAFE_TEXT, 'n'.repeat(20_001), 42, null, [], {}]],
          [
            'tags',
            [
              'fuzz',
              [1],
              [''],
              ['<b>x</b>'],
              ['a', 'A'],
              ['x'.repeat(33)],
              ['line\nbreak'],
              Array.from({ length: 21 }, (_, i) => `t${i}`),
              ...UNSAFE_TEXT.map((t) => [t]),
              null,
            ],
          ],
          ['archived', ['yes', 1, null, 'true']],
          [r.pick(UNKNOWN_KEYS), [1, 'x', null]],
        ]);
        const value = r.pick(values);
        return { why: `run update ${idWhy}: ${key} ${show(value)}`, value: withKey(body, key, value) };
      },
      'PATCH',
    );
  }

  // ── GETs (and the one body-less POST) ───────────────────────────────────────

  /** An existing run (only where something else is invalid), a missing one, or no id at all. */
  private runId({ allowExisting }: { allowExisting: boolean }): { id: string; why: string; existing: boolean } {
    const r = this.r;
    const roll = r.int(0, 9);
    if (allowExisting && roll < 4)
      return { id: r.chance(0.5) ? this.targets.lenetRunId : this.targets.lstmRunId, why: 'existing run', existing: true };
    if (roll < 6) return { id: r.uuid(), why: 'missing run', existing: false };
    const bad = r.pick([
      'not-a-uuid',
      '\u0000',
      '\uD800',
      "1' OR '1'='1",
      'x'.repeat(3000),
      '7b0c3a52-7f5e-4a43-9f4c-6f0d2c1f2a1',
      `${r.uuid()}\u0000`,
      '{{id}}',
      '../runs',
      '-1',
      'null',
      `${r.uuid()}'--`,
      ' ',
    ]);
    return { id: bad, why: `id ${show(bad)}`, existing: false };
  }

  /** A query with one invalid parameter (plus, sometimes, valid ones). */
  private badQuery(valid: [string, string][], invalid: Record<string, readonly string[]>): { q: string; why: string } {
    const r = this.r;
    const params = [...valid];
    const roll = r.int(0, 9);
    let why: string;
    if (roll < 2) {
      const key = r.pick(UNKNOWN_KEYS.filter((k) => k !== ''));
      params.push([key, r.pick(['1', 'x', ...SQLISH])]);
      why = `unknown param ${show(key)}`;
    } else if (roll < 3 && valid.length > 0) {
      const [key, value] = r.pick(valid);
      params.push([key, value]);
      why = `${key} given twice`;
    } else {
      const key = r.pick(Object.keys(invalid));
      const value = r.pick(invalid[key]!);
      const at = params.findIndex(([k]) => k === key);
      if (at >= 0) params.splice(at, 1, [key, value]);
      else params.push([key, value]);
      why = `${key}=${show(value)}`;
    }
    return { q: query(r.chance(0.5) ? params : [...params].reverse()), why };
  }

  private get(): THostileRequest {
    const r = this.r;
    const steps = [
      'NaN',
      'Infinity',
      '-Infinity',
      '1e309',
      'abc',
      '1.5',
      '2147483648',
      '-2147483649',
      '9007199254740993',
      '1e21',
      '\u0000',
      '\uD800',
    ];
    const tags = [
      '',
      'a//b',
      '.hidden',
      '/lead',
      'trail/',
      'a b',
      "train/loss' OR '1'='1",
      'x'.repeat(201),
      '\u0000',
      'train/\u0000loss',
      '\uD800',
      '../../etc',
      'train/loss;DROP',
    ];
    const uuids = [
      'not-a-uuid',
      '\u0000',
      '\uD800',
      "1' OR '1'='1",
      '',
      `${this.targets.lenetRunId}\u0000`,
      `${this.targets.lenetRunId},x`,
    ];
    const scalarInvalid = {
      tag: tags,
      afterStep: steps,
      fromStep: steps,
      toStep: steps,
      smoothing: ['-0.1', '1', '0.9991', 'abc', 'Infinity', 'NaN'],
      smoother: ['EMA', 'median', '', ...SQLISH],
      buckets: ['0', '10001', 'abc', '1.5', '-1', 'Infinity'],
    };
    const endpoint = r.int(0, 15);
    const run = this.runId({ allowExisting: true });
    const id = percentEncode(run.id);
    // With a missing or malformed id the request fails whatever else it carries; with an existing
    // one, the query (or path) below always carries a defect.
    switch (endpoint) {
      case 0: {
        const { q, why } = this.badQuery([], {
          name: ['\u0000', 'a\u0000b', 'x'.repeat(121)],
          status: ['sleeping', 'RUNNING', '', 'queued ', ...SQLISH, ...UNSAFE_TEXT],
          model: ['resnet', '', ...SQLISH],
          sweepId: uuids,
          page: ['0', '-1', '1000001', 'NaN', 'abc', '1.5', 'Infinity', '1e309', ''],
          pageSize: ['0', '201', '-5', 'abc', '2.5'],
          'name[$ne]': ['x'],
        });
        return { why: `list runs: ${why}`, method: 'GET', url: `/api/runs${q}` };
      }
      case 1:
        return run.existing ? this.get() : { why: `get run: ${run.why}`, method: 'GET', url: `/api/runs/${id}` };
      case 2:
      case 3: {
        const path = endpoint === 2 ? 'scalars' : 'scalars/export';
        const invalid = endpoint === 2 ? scalarInvalid : { ...scalarInvalid, format: ['xml', 'CSV', '', ...SQLISH] };
        const { q, why } = this.badQuery([['tag', 'train/loss']], invalid);
        return { why: `${path} (${run.why}): ${why}`, method: 'GET', url: `/api/runs/${id}/${path}${q}` };
      }
      case 4: {
        const { q, why } = this.badQuery([['tag', 'weights/conv1/kernel']], { tag: tags, afterStep: steps });
        return { why: `histograms (${run.why}): ${why}`, method: 'GET', url: `/api/runs/${id}/histograms${q}` };
      }
      case 5: {
        if (run.existing) return this.get();
        const path = r.pick(['tags', 'snapshots', 'visualizations']);
        return { why: `${path}: ${run.why}`, method: 'GET', url: `/api/runs/${id}/${path}` };
      }
      case 6:
        return run.existing ? this.get() : { why: `cancel: ${run.why}`, method: 'POST', url: `/api/runs/${id}/cancel` };
      case 7: {
        // No run has a snapshot, so even a well-formed step is a 404.
        const step = r.chance(0.5) ? r.pick(steps) : String(r.int(0, 1000));
        return {
          why: `snapshot file (${run.why}) step ${show(step)}`,
          method: 'GET',
          url: `/api/runs/${id}/snapshots/${percentEncode(step)}/${r.pick(['model.json', 'weights.bin'])}`,
        };
      }
      case 8:
      case 9: {
        const kind = endpoint === 8 ? 'filters' : 'activations';
        const step = r.chance(0.3) ? r.pick(steps) : String(r.int(0, 1000));
        const layer = r.chance(0.3) ? r.pick(['conv-1', 'conv1\u0000', '\uD800', "x' OR 1=1", 'a b', '']) : 'conv1';
        const file = r.chance(0.1) ? `${layer}.jpg` : `${layer}.png`;
        const invalid =
          kind === 'filters'
            ? { zoom: ['0', '33', 'abc', '1.5', '-1', '1e309'], scale: ['none', '', ...SQLISH] }
            : { zoom: ['0', '33', 'abc'], image: ['-1', '10000', 'abc', '1.5'] };
        const { q, why } = r.chance(0.5) ? this.badQuery([], invalid) : { q: '', why: 'no snapshot' };
        return {
          why: `${kind} (${run.why}) step ${show(step)} file ${show(file)}: ${why}`,
          method: 'GET',
          url: `/api/runs/${id}/snapshots/${percentEncode(step)}/${kind}/${percentEncode(file)}${q}`,
        };
      }
      case 10:
        return { why: `sweep: ${run.why === 'existing run' ? 'run id is no sweep' : run.why}`, method: 'GET', url: `/api/sweeps/${id}` };
      case 11:
        return {
          why: `visualization: ${run.why === 'existing run' ? 'run id is no visualization' : run.why}`,
          method: 'GET',
          url: `/api/visualizations/${id}`,
        };
      case 12: {
        const name = r.pick(['deconv-0-0', 'UPPER', 'a_b', 'x'.repeat(65), '\u0000', '\uD800', "a' --"]);
        return {
          why: `visualization image (no such visualization) ${show(name)}`,
          method: 'GET',
          url: `/api/visualizations/${id}/images/${percentEncode(name)}.png`,
        };
      }
      case 13:
      case 14: {
        const path = endpoint === 13 ? 'compare' : 'export';
        const invalid: Record<string, readonly string[]> = {
          runs: uuids,
          tags,
          smoothing: scalarInvalid.smoothing,
          smoother: scalarInvalid.smoother,
          ...(path === 'compare' ? { buckets: scalarInvalid.buckets, fromStep: steps, toStep: steps } : { format: ['xml', ''] }),
        };
        const { q, why } = this.badQuery(
          [
            ['runs', this.targets.lenetRunId],
            ['tags', 'train/loss'],
          ],
          invalid,
        );
        return { why: `${path}: ${why}`, method: 'GET', url: `/api/${path}${q}` };
      }
      default: {
        const { q, why } = this.badQuery([['tag', 'train/loss']], scalarInvalid);
        return { why: `scalars of ${run.why}: ${why}`, method: 'GET', url: `/api/runs/${id}/scalars${q}` };
      }
    }
  }

  /** Methods no route answers, and paths no route has. */
  private wrongRoute(): THostileRequest {
    const r = this.r;
    if (r.chance(0.5)) {
      const method = r.pick(['PUT', 'PATCH', 'DELETE'] as const);
      const url = r.pick([
        '/api/runs',
        `/api/runs/${this.targets.lenetRunId}`,
        '/api/sweeps',
        '/api/compare',
        `/api/runs/${this.targets.lstmRunId}/cancel`,
      ]);
      return { why: `${method} has no route`, method, url, contentType: 'application/json', body: toJsonText(this.validRunConfig()) };
    }
    const url = r.pick([
      '/api/runz',
      `/api/runs/${r.uuid()}/nope`,
      '/api/%00',
      '/api/runs/%ED%A0%80/tags',
      '/api/runs/%FF',
      '/api/%ED%A0%80',
      '/api/sweeps/x/y',
      '/api/visualizations',
    ]);
    return { why: `no such route ${url}`, method: 'GET', url };
  }
}

function show(value: unknown): string {
  const text = value instanceof RawJson ? value.text : typeof value === 'string' ? JSON.stringify(value) : toJsonText(value);
  return (text ?? String(value)).slice(0, 40);
}
