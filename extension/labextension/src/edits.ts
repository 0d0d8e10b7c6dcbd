// Changes to a map's JSON, as the document's side panel makes them. Pure functions on the
// *.argmap.json data: the server checks every result before the document takes it.

export interface Statement {
  id: string;
  party: string;
  kind: string;
  title?: string;
  text: string;
  citations?: { source: string; quote?: string; locator?: string }[];
  [key: string]: unknown;
}

export interface Relation {
  from: string;
  to: string;
  kind: string;
}

export interface MapData {
  argmap: number;
  title?: string;
  parties: { id: string; name: string; role: string }[];
  sources?: { id: string; title: string; url?: string }[];
  statements: Statement[];
  relations?: Relation[];
  tests?: {
    ruling?: string;
    factors?: { deciding?: string[]; [key: string]: unknown }[];
    [key: string]: unknown;
  }[];
  [key: string]: unknown;
}

/** What an added statement does to the selected one, and the link that says so. */
export const ADDITIONS: Record<string, { kind: string; link: string }> = {
  reason: { kind: 'reason', link: 'support' },
  objection: { kind: 'objection', link: 'attack' },
  upholds: { kind: 'finding', link: 'upholds' },
  rejects: { kind: 'finding', link: 'rejects' },
  acknowledges: { kind: 'finding', link: 'acknowledges' }
};

/** The map as file text: two-space indents, a final newline (as argmap writes it). */
export function dump(data: MapData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

export function copy(data: MapData): MapData {
  return JSON.parse(JSON.stringify(data));
}

export function statement(data: MapData, id: string): Statement {
  const found = data.statements.find(s => s.id === id);
  if (!found) {
    throw new Error(`unknown statement: '${id}'`);
  }
  return found;
}

/** A new statement id for a party: its id's first letter and the next free number. */
export function freshId(data: MapData, party: string): string {
  const prefix = (party.match(/[A-Za-z]/)?.[0] ?? 'S').toUpperCase();
  const taken = new Set(data.statements.map(s => s.id));
  let n = 0;
  while (taken.has(`${prefix}${n}`)) {
    n += 1;
  }
  return `${prefix}${n}`;
}

/** The kinds of statement, in the order the side panel offers them. */
export const KINDS = ['position', 'reason', 'objection', 'fact', 'finding', 'ruling'];

/** Set a statement's title, text, and if given its party and kind (an empty title is left
 * out, as argmap writes it). */
export function edit(
  data: MapData,
  id: string,
  fields: { title: string; text: string; party?: string; kind?: string }
): MapData {
  const next = copy(data);
  const target = statement(next, id);
  next.statements[next.statements.indexOf(target)] = order({
    ...target,
    party: fields.party ?? target.party,
    kind: fields.kind ?? target.kind,
    title: fields.title || undefined,
    text: fields.text
  });
  return next;
}

const KEYS = ['id', 'party', 'kind', 'title', 'text', 'citations', 'tags', 'translations'];

// The keys in the order of argmap's format, so that a change makes a small diff.
function order(s: Statement): Statement {
  const result: Record<string, unknown> = {};
  for (const key of [...KEYS, ...Object.keys(s).filter(k => !KEYS.includes(k))]) {
    if (s[key] !== undefined) {
      result[key] = s[key];
    }
  }
  return result as Statement;
}

/** Add a reason, objection or finding to the selected statement; returns the new map and id. */
export function add(
  data: MapData,
  to: string,
  addition: string,
  party: string,
  fields: { title: string; text: string }
): { data: MapData; id: string } {
  const how = ADDITIONS[addition];
  if (!how) {
    throw new Error(`unknown addition: '${addition}'`);
  }
  statement(data, to);
  const next = copy(data);
  const id = freshId(next, party);
  const added: Statement = { id, party, kind: how.kind, text: fields.text };
  if (fields.title) {
    added.title = fields.title;
  }
  next.statements.push(order(added));
  next.relations = [...(next.relations ?? []), { from: id, to, kind: how.link }];
  return { data: next, id };
}

/** Link one statement to another, or change the kind of their link. */
export function link(data: MapData, from: string, to: string, kind: string): MapData {
  statement(data, from);
  statement(data, to);
  const next = copy(data);
  const relations = next.relations ?? [];
  const existing = relations.find(r => r.from === from && r.to === to);
  if (existing) {
    existing.kind = kind;
  } else {
    relations.push({ from, to, kind });
  }
  next.relations = relations;
  return next;
}

export function unlink(data: MapData, from: string, to: string): MapData {
  const next = copy(data);
  next.relations = (next.relations ?? []).filter(r => !(r.from === from && r.to === to));
  return next;
}

/** Delete a statement with its links, and take it out of the legal tests that name it. */
export function remove(data: MapData, id: string): MapData {
  statement(data, id);
  const next = copy(data);
  next.statements = next.statements.filter(s => s.id !== id);
  next.relations = (next.relations ?? []).filter(r => r.from !== id && r.to !== id);
  for (const test of next.tests ?? []) {
    if (test.ruling === id) {
      delete test.ruling;
    }
    for (const factor of test.factors ?? []) {
      if (factor.deciding) {
        factor.deciding = factor.deciding.filter(d => d !== id);
        if (!factor.deciding.length) {
          delete factor.deciding;
        }
      }
    }
  }
  return next;
}
