/**
 * Props for a field's error: an alert read out as it appears (as app/fieldErrors `alertError`), in the app's
 * `--breach` colour: Mantine's default error red (#fa5252) is 3.3:1 on white, under WCAG AA for its 11 px text.
 * Set through the style object (the CSSOM, allowed by the CSP) so it wins over Mantine's class.
 */
export const fieldAlert = { errorProps: { role: 'alert', style: { color: 'var(--breach)' } } } as const;
