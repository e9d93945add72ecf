import { Table, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentScore } from '../../../../shared/contract/performance';
import { cellOf, type Cell } from './cells';
import { COLUMNS, firstDir, sortAgents, type Column, type Sort } from './columns';
import classes from './performance.module.css';

/**
 * Every agent's score and its components for the period, in one sortable table (a header button per column; the
 * header cell carries aria-sort). Each figure is a button: the score opens its explanation, the others the
 * conversations behind them. "Not enough data" reads as such and sorts last in both directions.
 */
export function PerformanceTable({ agents, onDrill, onExplain }: { agents: readonly AgentScore[]; onDrill(agent: AgentScore, column: Column): void; onExplain(agent: AgentScore): void }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: 'score', dir: 'descending' });
  const rows = sortAgents(agents, sort, i18n.language);
  const toggle = (c: Column) => setSort((s) => (s.key === c.key ? { key: c.key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key: c.key, dir: firstDir(c) }));
  return (
    <div className={classes.tableScroll}>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" stickyHeader className={classes.table} aria-label={t('performance.table.label')}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.dir : 'none'}>
                <UnstyledButton className={classes.sortButton} onClick={() => toggle(c)}>
                  {t(`performance.columns.${c.key}`)}
                  <span aria-hidden className={classes.sortMark}>
                    {sort.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.metrics.agentId}>
              {COLUMNS.map((c) => {
                const cell = cellOf(a, c, t, i18n.language);
                if (c.key === 'name')
                  return (
                    <Table.Th key={c.key} scope="row" className={classes.agent}>
                      {cell.main}
                    </Table.Th>
                  );
                const label = t(`performance.columns.${c.key}`);
                const name = `${a.metrics.name}, ${label}: ${cell.main}`;
                return (
                  <Table.Td key={c.key}>
                    {c.key === 'score' ? (
                      <FigureButton cell={cell} name={t('performance.table.explain', { figure: name })} onClick={() => onExplain(a)} />
                    ) : c.drill ? (
                      <FigureButton cell={cell} name={t('performance.table.drill', { figure: name })} onClick={() => onDrill(a, c)} />
                    ) : (
                      <CellText cell={cell} />
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function FigureButton({ cell, name, onClick }: { cell: Cell; name: string; onClick(): void }) {
  return (
    <UnstyledButton className={classes.figure} aria-label={name} onClick={onClick}>
      <CellText cell={cell} />
    </UnstyledButton>
  );
}

function CellText({ cell }: { cell: Cell }) {
  return (
    <>
      <span className={cell.notEnough ? classes.notEnough : classes.main}>{cell.main}</span>
      {cell.detail && <span className={classes.detail}>{cell.detail}</span>}
    </>
  );
}
