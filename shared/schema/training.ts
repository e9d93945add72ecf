import { z } from 'zod';
import { Category, EpochMs, Id, Locale } from './common';

export const ScenarioStep = z.object({
  /** What the simulated customer says. */
  customer: z.string().min(1),
  /** Words or phrases a good answer contains; grading looks for them. */
  expect: z.array(z.string().min(1)),
});

export const Scenario = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  category: Category,
  locale: Locale,
  steps: z.array(ScenarioStep).min(1),
});
export type Scenario = z.infer<typeof Scenario>;

export const Attempt = z.object({
  id: Id,
  scenarioId: Id,
  traineeId: Id,
  startedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
  answers: z.array(z.string()),
  /** 0–100, null until finished. */
  score: z.number().min(0).max(100).nullable(),
});
export type Attempt = z.infer<typeof Attempt>;
