import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TrainingScenario } from '../../shared/schema/training';
import { BranchEditor } from '../../renderer/src/panes/training/BranchEditor';
import { issueLine } from '../../renderer/src/panes/training/issueText';
import { draftIssues, draftOf, newDraft, scenarioOf, type ScenarioDraft } from '../../renderer/src/panes/training/scenarioModel';
import { translator } from '../unit/translator';
import { renderApp } from './render';

type T = (key: string, options?: Record<string, unknown>) => string;
const en = translator<T>('en');
const zh = translator<T>('zh-CN');

/** A complete scenario as a lead would write it (and as the JSON import reads it). */
const SCENARIO = {
  id: 'upload-stuck',
  title: 'Upload stuck at 99%',
  locale: 'en',
  category: 'video_upload',
  difficulty: 'medium',
  tags: ['upload'],
  persona: { name: 'Amy Chen', tier: 'vip', history: ['Complained last week'], ownData: ['ORD-1234'] },
  turnBudgetSeconds: 120,
  impatience: { afterSeconds: 180, messages: ['Hello??'] },
  keyPoints: [
    { id: 'kp-cache', label: 'clear the cache', phrases: { 'zh-CN': ['清除缓存'], en: ['clear the cache', 'clear cache'] } },
    { id: 'kp-wifi', label: 'switch network', phrases: { 'zh-CN': [], en: ['wi-fi', 'wifi'] }, required: false },
  ],
  nodes: [
    { id: 'start', customer: 'My video is stuck at 99%!', branches: [{ when: { all: ['kp-cache'] }, next: 'done' }], fallbacks: ['What should I do?'] },
    { id: 'done', customer: 'It worked, thanks.', end: 'resolved' },
  ],
  expectedCanned: ['upload'],
  forbidden: ['your fault'],
};

describe('the scenario form model', () => {
  it('reads a scenario into the form and gives back the same document', () => {
    const draft = draftOf(SCENARIO)!;
    expect(draft.keyPoints[0].en).toBe('clear the cache\nclear cache');
    expect(draft.nodes[1].end).toBe('resolved');
    expect(draftIssues(draft)).toEqual([]);
    expect(TrainingScenario.parse(scenarioOf(draft))).toEqual(TrainingScenario.parse(SCENARIO));
  });

  it('a new draft needs only its words filled in to be valid', () => {
    const d = newDraft('zh-CN');
    expect(draftIssues(d).length).toBeGreaterThan(0);
    const filled: ScenarioDraft = { ...d, id: 'new-one', title: '新场景', personaName: '王先生', keyPoints: [{ ...d.keyPoints[0], label: '清缓存', zh: '清除缓存' }], nodes: d.nodes.map((n) => ({ ...n, customer: '你好' })) };
    expect(draftIssues(filled)).toEqual([]);
  });

  it('says where each problem is and what is wrong, in both languages, never in the schema’s English', () => {
    const d = draftOf(SCENARIO)!;
    // Field checks first (the schema checks the shape of the conversation only once every field is right).
    const fields = draftIssues({ ...d, id: 'Bad Id', turnBudgetSeconds: 'soon', keyPoints: [{ ...d.keyPoints[0], label: '' }, d.keyPoints[1]] }).map((i) => issueLine(i, en, 'en'));
    expect(fields).toContain('Id: use lowercase letters, digits, - and _ only.');
    expect(fields).toContain('Seconds per reply: must be a number.');
    expect(fields).toContain('Key point 1 › Meaning: must not be empty.');
    const broken: ScenarioDraft = { ...d, nodes: [{ ...d.nodes[0], branches: [{ all: ['kp-nope'], any: [], intents: [], next: 'nowhere' }] }, { ...d.nodes[1], id: 'start' }] };
    const issues = draftIssues(broken);
    const lines = issues.map((i) => issueLine(i, en, 'en'));
    expect(lines).toContain('Node 2 › Id: another node already has the id start.');
    expect(lines).toContain('Node 1 › Branch 1 › Goes to: there is no node nowhere.');
    expect(lines).toContain('Node 1 › Branch 1 › Condition: there is no key point kp-nope.');
    const zhLines = issues.map((i) => issueLine(i, zh, 'zh-CN'));
    expect(zhLines).toContain('节点 1 › 分支 1 › 转到：没有节点 nowhere。');
    for (const line of [...fields, ...lines, ...zhLines]) expect(line).not.toMatch(/training\.|duplicate|Invalid|expected/);
  });

  it('has a sentence for every check the scenario schema makes of its own', () => {
    const d = draftOf(SCENARIO)!;
    const cases: ScenarioDraft[] = [
      { ...d, nodes: [{ ...d.nodes[0], branches: [] }, d.nodes[1]] }, // a node that does not end needs a branch
      { ...d, nodes: [d.nodes[0], { ...d.nodes[1], branches: [{ all: ['kp-cache'], any: [], intents: [], next: 'start' }] }] }, // an end node with branches
      { ...d, nodes: [d.nodes[0], { ...d.nodes[1], end: '', branches: [{ all: ['kp-cache'], any: [], intents: [], next: 'start' }] }] }, // no end node
      { ...d, nodes: [{ ...d.nodes[0], end: 'resolved', branches: [] }, d.nodes[1]] }, // the opening ends
      { ...d, keyPoints: [{ ...d.keyPoints[0], zh: '', en: '' }, d.keyPoints[1]] }, // a key point without phrases
      { ...d, nodes: [{ ...d.nodes[0], branches: [{ all: [], any: [], intents: [], next: 'done' }] }, d.nodes[1]] }, // a branch without a condition
      { ...d, keyPoints: [d.keyPoints[0], { ...d.keyPoints[1], id: 'kp-cache' }] }, // duplicate key point
    ];
    for (const c of cases) {
      const issues = draftIssues(c);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(issueLine(i, en, 'en'), i.message).not.toMatch(/is not valid/);
    }
  });
});

function Harness({ initial }: { initial: ScenarioDraft }) {
  const [draft, setDraft] = useState(initial);
  return (
    <>
      <BranchEditor draft={draft} onChange={setDraft} />
      <output data-testid="doc">{JSON.stringify(scenarioOf(draft))}</output>
    </>
  );
}

describe('the branch editor', () => {
  it('adds a node and a branch that leads there when the reply makes a key point or shows an intent', () => {
    renderApp(<Harness initial={draftOf(SCENARIO)!} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a node' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Node 3 › Customer says' }), { target: { value: 'Still stuck.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Node 3 › Ends the conversation' }), { target: { value: 'abandoned' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a branch to Node 1' }));
    const branch = screen.getByRole('group', { name: 'Node 1 › Branch 2' });
    fireEvent.click(within(branch).getAllByRole('checkbox', { name: 'switch network (kp-wifi)' })[1]);
    fireEvent.click(within(branch).getByRole('checkbox', { name: 'Apology' }));
    fireEvent.change(within(branch).getByRole('combobox', { name: 'Node 1 › Branch 2 › Goes to' }), { target: { value: 'n3' } });
    const doc = JSON.parse(screen.getByTestId('doc').textContent!) as { nodes: { id: string; end: string | null; customer: string; branches: { when: { all: string[]; any: string[]; intents: string[] }; next: string }[] }[] };
    expect(doc.nodes[2]).toMatchObject({ id: 'n3', customer: 'Still stuck.', end: 'abandoned', branches: [] });
    expect(doc.nodes[0].branches[1]).toEqual({ when: { all: [], any: ['kp-wifi'], intents: ['apology'] }, next: 'n3' });
    expect(TrainingScenario.safeParse(doc).success).toBe(true);
  });
});
