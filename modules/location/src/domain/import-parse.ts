import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A problem of one import row; row numbers are 1-based (CSV: the header is row 1; XML: the record's ordinal). */
export interface RowError {
  row: number;
  field?: string;
  key: string;
  params?: Record<string, unknown>;
}

/** One record as read from the file: field name → raw text (trimmed, blank = absent). */
export interface RawRecord {
  row: number;
  /** For XML Locations: the level the element was found under (`Region`, `District`, …). */
  tag?: string;
  values: Record<string, string | undefined>;
}

export interface RawFile {
  records: RawRecord[];
  errors: RowError[];
}

/**
 * Reads a CSV file with a header line. Columns are matched by name, case-insensitively, so their order is free.
 * Excel in French locales writes `;` as the separator: detected from the header line.
 */
export function readCsv(text: string, columns: readonly string[], required: readonly string[]): RawFile {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parseCsv(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return {
      records: [],
      errors: [{ row: line, key: 'location.error.csvMalformed', params: { detail: String(err) } }],
    };
  }
  const head = rows[0];
  if (!head) return { records: [], errors: [{ row: 1, key: 'location.error.emptyFile' }] };
  const index = new Map<string, number>();
  head.forEach((h, i) => {
    const match = columns.find((c) => c.toLowerCase() === h.trim().toLowerCase());
    if (match) index.set(match, i);
  });
  const errors: RowError[] = required
    .filter((c) => !index.has(c))
    .map((c) => ({ row: 1, field: c, key: 'location.error.missingColumn', params: { column: c } }));
  if (errors.length) return { records: [], errors };
  const records = rows.slice(1).map((cells, i) => {
    const values: Record<string, string | undefined> = {};
    for (const [name, at] of index) values[name] = blankToUndefined(cells[at]);
    return { row: i + 2, values };
  });
  return { records, errors };
}

const blankToUndefined = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

const RECORD_TAGS = ['Region', 'District', 'Municipality', 'Village', 'HealthFacility'];

/** Parses XML text into plain objects, every record tag as an array; `undefined` + an error when malformed. */
function parseXml(text: string): { doc?: Record<string, unknown>; error?: RowError } {
  const body = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return { error: { row: valid.err.line, key: 'location.error.xmlMalformed', params: { detail: valid.err.msg } } };
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => RECORD_TAGS.includes(name),
  });
  return { doc: parser.parse(body) as Record<string, unknown> };
}

/** Every element named `tag` anywhere under `node`, in document order (nesting-tolerant). */
function collect(node: unknown, tag: string, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, tag, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === tag) {
        for (const item of Array.isArray(v) ? v : [v]) {
          if (item && typeof item === 'object') out.push(item as Record<string, unknown>);
        }
      }
      collect(v, tag, out);
    }
  }
  return out;
}

/** Maps an element's children (XML tag → our field name). */
function pick(el: Record<string, unknown>, map: Record<string, string>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [tag, field] of Object.entries(map)) {
    const v = el[tag];
    values[field] = typeof v === 'object' ? undefined : blankToUndefined(v);
  }
  return values;
}

/** openIMIS register layout (MODULARITY-INTEROP §4.5): Regions, Districts, Municipalities, Villages, parent by code. */
const LOCATION_XML: Array<{ tag: string; type: number; map: Record<string, string> }> = [
  { tag: 'Region', type: 0, map: { RegionCode: 'code', RegionName: 'name' } },
  { tag: 'District', type: 1, map: { RegionCode: 'parentCode', DistrictCode: 'code', DistrictName: 'name' } },
  {
    tag: 'Municipality',
    type: 2,
    map: { DistrictCode: 'parentCode', MunicipalityCode: 'code', MunicipalityName: 'name' },
  },
  {
    tag: 'Village',
    type: 3,
    map: {
      MunicipalityCode: 'parentCode',
      VillageCode: 'code',
      VillageName: 'name',
      MalePopulation: 'malePopulation',
      FemalePopulation: 'femalePopulation',
      OtherPopulation: 'otherPopulation',
      Families: 'families',
    },
  },
];

/**
 * Reads the openIMIS Locations XML. The four openIMIS levels map onto the first four configured levels, in order;
 * each record's `type` is that level's letter. Records are numbered in the order regions, districts, …
 */
export function readLocationsXml(text: string, levels: readonly string[]): RawFile {
  const { doc, error } = parseXml(text);
  if (!doc) return { records: [], errors: error ? [error] : [] };
  const records: RawRecord[] = [];
  for (const layout of LOCATION_XML) {
    for (const el of collect(doc, layout.tag)) {
      const values = pick(el, layout.map);
      values.type = levels[layout.type];
      records.push({ row: records.length + 1, tag: layout.tag, values });
    }
  }
  if (!records.length) return { records, errors: [{ row: 1, key: 'location.error.emptyFile' }] };
  return { records, errors: [] };
}

/** openIMIS health-facility register tags → our field names (the price-list names belong to a later module). */
const HF_XML: Record<string, string> = {
  Code: 'code',
  Name: 'name',
  LegalForm: 'legalForm',
  Level: 'level',
  SubLevel: 'subLevel',
  CareType: 'careType',
  DistrictCode: 'districtCode',
  Address: 'address',
  Phone: 'phone',
  Fax: 'fax',
  Email: 'email',
  AccountCode: 'accCode',
  Status: 'status',
};

/** Reads `HealthFacilities/HealthFacility` (the download layout) or `HealthFacilityDetails/HealthFacility` (upload). */
export function readHealthFacilitiesXml(text: string): RawFile {
  const { doc, error } = parseXml(text);
  if (!doc) return { records: [], errors: error ? [error] : [] };
  const records = collect(doc, 'HealthFacility').map((el, i) => ({ row: i + 1, values: pick(el, HF_XML) }));
  if (!records.length) return { records, errors: [{ row: 1, key: 'location.error.emptyFile' }] };
  return { records, errors: [] };
}
