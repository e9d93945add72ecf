import { Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import classes from './IdentityCard.module.css';

/** The sign-in, first-run and lock screens: one centred card holding a form named by its heading. */
export function IdentityCard({ titleId, title, onSubmit, children }: { titleId: string; title: ReactNode; onSubmit(e: FormEvent): void; children: ReactNode }) {
  return (
    <main className={classes.screen}>
      <Paper component="form" withBorder shadow="sm" radius="lg" p="xl" className={classes.card} onSubmit={onSubmit} aria-labelledby={titleId}>
        <Stack gap="md">
          <Title order={1} id={titleId}>
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </main>
  );
}
