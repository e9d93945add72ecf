import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeCss } from '../../renderer/src/theme/cssVariables';

describe('static theme variables', () => {
  it('mantine-vars.css is what the theme generates (run `npm run theme:css` after changing the theme)', () => {
    const file = readFileSync(new URL('../../renderer/src/theme/mantine-vars.css', import.meta.url), 'utf8');
    expect(file).toBe(themeCss());
  });
  it('carries the light and dark schemes and the contrast overrides', () => {
    const css = themeCss();
    expect(css).toContain(":root[data-mantine-color-scheme=\"dark\"]");
    expect(css).toMatch(/--mantine-color-dimmed: var\(--mantine-color-gray-7\)|--mantine-color-dimmed: #495057/);
  });
});
