import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentScore } from '../../../../shared/contract/performance';
import { decimal } from './cells';
import { explainScore } from './explain';
import classes from './performance.module.css';

/**
 * Why an agent's score is what it is: the composite, then each component with its measured value, target, weight,
 * the 0–100 it earns and the points it adds (they sum to the score). A component without enough data says so and
 * is left out, instead of counting as a low mark.
 */
export function ScoreExplanation({ agent, headingLevel = 3, focusable = false }: { agent: AgentScore; headingLevel?: 2 | 3 | 4; focusable?: boolean }) {
  const { t, i18n } = useTranslation();
  const lines = explainScore(agent, t, i18n.language);
  const id = `score-explained-${agent.metrics.agentId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={headingLevel} size="h4" id={id} tabIndex={focusable ? -1 : undefined}>
        {agent.score === null
          ? t('performance.explain.headingNotEnough', { name: agent.metrics.name })
          : t('performance.explain.heading', { name: agent.metrics.name, score: decimal(agent.score, i18n.language, 0) })}
      </Title>
      <Text size="sm">{agent.score === null ? t('performance.explain.introNotEnough') : t('performance.explain.intro')}</Text>
      <Table verticalSpacing={4} fz="sm" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            {(['component', 'value', 'target', 'weight', 'score', 'why'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`performance.explain.columns.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.component}>
              <Table.Th scope="row">{t(`performance.components.${l.component}`)}</Table.Th>
              <Table.Td>{l.value ?? <span className={classes.notEnough}>{t('performance.noData')}</span>}</Table.Td>
              <Table.Td>{l.target}</Table.Td>
              <Table.Td>
                {decimal(l.weight, i18n.language)}
                {l.share !== null && <span className={classes.detail}> {t('performance.explain.share', { share: decimal(l.share, i18n.language, 0) })}</span>}
              </Table.Td>
              <Table.Td>{l.score === null ? <span className={classes.notEnough}>{t('performance.notEnough')}</span> : decimal(l.score, i18n.language, 0)}</Table.Td>
              <Table.Td>{l.why}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
