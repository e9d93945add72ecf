// Writes renderer/src/theme/mantine-vars.css from the theme (see renderer/src/theme/cssVariables.ts for why).
import { writeFileSync } from 'node:fs';
import { themeCss } from '../renderer/src/theme/cssVariables';

writeFileSync(new URL('../renderer/src/theme/mantine-vars.css', import.meta.url), themeCss());
console.log('wrote renderer/src/theme/mantine-vars.css');
