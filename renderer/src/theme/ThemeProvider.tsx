import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './mantine-vars.css';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { cssVariablesResolver, theme } from './theme';

/** Follows the OS (light/dark) until the user picks one in the header; the choice is remembered per machine. */
const colorSchemeManager = localStorageColorSchemeManager({ key: 'kefu.colorScheme' });

/**
 * Mantine without any inline <style>: its variables and media classes come from the static mantine-vars.css
 * (the CSP is `style-src 'self'`). Components' `style` props are set through the CSSOM, which that CSP allows.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      withCssVariables={false}
      withGlobalClasses={false}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      {children}
    </MantineProvider>
  );
}
