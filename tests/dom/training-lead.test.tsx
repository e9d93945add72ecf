import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { ScenarioImport } from '../../renderer/src/panes/training/ScenarioTransfer';
import { TryPanel } from '../../renderer/src/panes/training/TryPanel';
import { draftOf } from '../../renderer/src/panes/training/scenarioModel';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-training-');

describe('the lead’s scenario tools against the real core', () => {
  it('import lists each problem with its line and column, in words; a dry run of a valid file says it would import', async () => {
    const { core } = await dom.open(LEAD_ID);
    renderApp(<ScenarioImport onDone={() => {}} />);
    const paste = screen.getByRole('textbox', { name: 'Or paste the JSON here' });
    fireEvent.change(paste, { target: { value: '[\n  { "id": "x",\n    "title": "" \n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const problems = await screen.findByRole('list', { name: 'Nothing was imported. Fix these and try again:' });
    expect(problems.textContent).toMatch(/^Line \d+, column \d+: this is not valid JSON\.$/);

    const exported = await dom.sandbox.call(core, 'training.exportScenarios', { ids: ['zh-upload-stuck-99'] });
    // A scenario with no way to end: the schema's own check, said in words, on the line of the nodes.
    const endless = exported.text.replace('"end": "resolved"', '"end": null');
    expect(endless).not.toBe(exported.text);
    fireEvent.change(screen.getByRole('textbox', { name: 'Or paste the JSON here' }), { target: { value: endless } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Nothing was imported. Fix these and try again:' }).textContent).toMatch(/^Line \d+(, column \d+)?, .*nodes.*: at least one node must end the conversation\./));
    fireEvent.change(screen.getByRole('textbox', { name: 'Or paste the JSON here' }), { target: { value: exported.text } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('status')).textContent).toBe('1 scenario is valid and can be imported.');
  });

  it('"try it" asks the core what the simulated customer of the draft would answer, and walks on from there', async () => {
    const { core } = await dom.open(LEAD_ID);
    const { scenarios } = await dom.sandbox.call(core, 'training.scenarios', {});
    const doc = (scenarios as { id: string }[]).find((s) => s.id === 'zh-upload-stuck-99');
    renderApp(<TryPanel draft={draftOf(doc)!} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: '您好，卡在99%通常是视频还在后台转码处理，请在草稿箱重新发布。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Try this reply' }));
    const answer = await screen.findByRole('status', { name: 'What the customer would do' });
    expect(answer.textContent).toContain('Customer answers: 网络换过了，草稿箱里重新发也不行，还是卡住。');
    expect(answer.textContent).toMatch(/Key points made: .*说明卡在 99% 通常是视频在转码处理/);
    expect(answer.textContent).toContain('Goes to node tried.');
    fireEvent.click(within(answer).getByRole('button', { name: 'Continue from there' }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'At node' }) as HTMLSelectElement).value).toBe('tried'));
  });
});
