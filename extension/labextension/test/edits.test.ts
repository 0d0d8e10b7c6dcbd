// The side panel's changes to a map's JSON (src/edits.ts), run by node's test runner.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MapData, add, dump, edit, freshId, link, remove, unlink } from '../src/edits';

function small(): MapData {
  return {
    argmap: 1,
    title: 'Small',
    parties: [
      { id: 'pro', name: 'Pro', role: 'plaintiff' },
      { id: 'court', name: 'Court', role: 'court' }
    ],
    statements: [
      { id: 'P0', party: 'pro', kind: 'position', title: 'Win', text: 'We win.' },
      { id: 'F0', party: 'court', kind: 'finding', text: 'They do not.' }
    ],
    relations: [{ from: 'F0', to: 'P0', kind: 'rejects' }],
    tests: [
      { id: 't', name: 'Test', rule: 'all', factors: [{ id: 'a', name: 'A', deciding: ['F0'] }] }
    ]
  };
}

test('dump writes two-space JSON with a final newline', () => {
  assert.equal(dump({ argmap: 1, parties: [], statements: [] }), '{\n  "argmap": 1,\n  "parties": [],\n  "statements": []\n}\n');
});

test('edit sets title and text, keeps the key order, drops an empty title', () => {
  const data = small();
  const edited = edit(data, 'P0', { title: 'Lose', text: 'We lose.' });
  assert.deepEqual(Object.keys(edited.statements[0]), ['id', 'party', 'kind', 'title', 'text']);
  assert.equal(edited.statements[0].title, 'Lose');
  assert.equal(data.statements[0].title, 'Win', 'the original is left as it was');
  const untitled = edit(data, 'P0', { title: '', text: 'x' });
  assert.equal('title' in untitled.statements[0], false);
  assert.throws(() => edit(data, 'P9', { title: '', text: 'x' }), /unknown statement: 'P9'/);
  const moved = edit(data, 'P0', { title: 'Win', text: 'We win.', party: 'court', kind: 'ruling' });
  assert.deepEqual([moved.statements[0].party, moved.statements[0].kind], ['court', 'ruling']);
});

test('add makes a reason that supports, an objection that attacks, a finding with a verdict', () => {
  const reason = add(small(), 'P0', 'reason', 'pro', { title: '', text: 'Because.' });
  assert.equal(reason.id, 'P1');
  assert.deepEqual(reason.data.relations?.at(-1), { from: 'P1', to: 'P0', kind: 'support' });
  const objection = add(small(), 'P0', 'objection', 'pro', { title: 'No', text: 'No.' });
  assert.deepEqual(objection.data.relations?.at(-1), { from: 'P1', to: 'P0', kind: 'attack' });
  const finding = add(small(), 'P0', 'upholds', 'court', { title: '', text: 'Yes.' });
  assert.equal(finding.id, 'C0');
  assert.equal(finding.data.statements.at(-1)?.kind, 'finding');
  assert.throws(() => add(small(), 'P0', 'praise', 'pro', { title: '', text: '' }), /unknown addition/);
});

test('freshId takes the next free number of the party letter', () => {
  assert.equal(freshId(small(), 'pro'), 'P1');
  assert.equal(freshId(small(), '42'), 'S0');
});

test('link adds or changes a link; unlink removes it', () => {
  const changed = link(small(), 'F0', 'P0', 'upholds');
  assert.deepEqual(changed.relations, [{ from: 'F0', to: 'P0', kind: 'upholds' }]);
  const added = link(small(), 'P0', 'F0', 'attack');
  assert.equal(added.relations?.length, 2);
  assert.deepEqual(unlink(added, 'P0', 'F0').relations, small().relations);
});

test('remove takes a statement out with its links and the tests that name it', () => {
  const removed = remove(small(), 'F0');
  assert.deepEqual(removed.statements.map(s => s.id), ['P0']);
  assert.deepEqual(removed.relations, []);
  assert.deepEqual(removed.tests?.[0].factors, [{ id: 'a', name: 'A' }]);
});
