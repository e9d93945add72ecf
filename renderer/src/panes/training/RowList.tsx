import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './training.module.css';

/** One titled part of a training screen: a region named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={classes.section} aria-labelledby={id}>
      <Title order={3} id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

export interface Row {
  key: string;
  title: ReactNode;
  detail: ReactNode;
  /** A button at the row's end (none: null). */
  action: ReactNode;
}

/** A list of rows (title, a dimmed detail line, an action) named by its section's heading, or what to say when empty. */
export function RowList({ labelledBy, empty, rows }: { labelledBy: string; empty: string; rows: readonly Row[] }) {
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <ul className={classes.verdicts} aria-labelledby={labelledBy}>
      {rows.map((r) => (
        <li key={r.key}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <Text fw={500} size="sm">
                {r.title}
              </Text>
              <Text size="xs" c="dimmed">
                {r.detail}
              </Text>
            </div>
            {r.action}
          </Group>
        </li>
      ))}
    </ul>
  );
}
