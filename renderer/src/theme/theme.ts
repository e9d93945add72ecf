import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * The one theme of Kefu Desk: colour, spacing, type and radius tokens for Mantine, light and dark.
 *
 * Contrast at WCAG AA (4.5:1 for text) drives the choices: filled buttons use shade 8 (white on Mantine's default
 * blue-6 is only 3.6:1), "dimmed" text is one step darker than Mantine's default in light and one lighter in dark.
 * The e2e suite runs axe's colour-contrast rule in both schemes and both languages (tests/e2e/contrast.spec.ts).
 */

// A calm ink blue, slightly less saturated than Mantine's default blue: agents look at it all day.
const ink: MantineColorsTuple = ['#e8f1ff', '#d0e0fb', '#a2bff2', '#709ceb', '#4a7fe4', '#3170e1', '#2366df', '#1554c7', '#0a4ab2', '#003f9e'];

export const theme = createTheme({
  primaryColor: 'ink',
  primaryShade: { light: 8, dark: 8 },
  colors: { ink },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  // Dense but readable: the workspace shows as many rows as it can at 1280×800.
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.5', lg: '1.5', xl: '1.5' },
  spacing: { xs: '4px', sm: '8px', md: '12px', lg: '16px', xl: '24px' },
  radius: { xs: '2px', sm: '4px', md: '6px', lg: '8px', xl: '12px' },
  defaultRadius: 'md',
  headings: { fontWeight: '600', sizes: { h1: { fontSize: '18px' }, h2: { fontSize: '15px' }, h3: { fontSize: '13px' } } },
  cursorType: 'pointer',
  focusRing: 'auto',
  respectReducedMotion: true,
});

/** Overrides of Mantine's generated variables (kept static in mantine-vars.css, see scripts/theme-css.ts). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[7],
    // Field errors: Mantine's red-6 is 3.3:1 on white.
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-placeholder': t.colors.dark[1],
    // Field errors and links on the dark body: Mantine's red-8 and ink-4 are ~3.6:1 and 4.0:1.
    '--mantine-color-error': t.colors.red[4],
    '--mantine-color-anchor': t.colors.ink[2],
  },
});
