import { SegmentedControl, VisuallyHidden, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ThemeSwitch.module.css';

const svg = (children: ReactNode) => (
  <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);
/** A screen, a sun and a moon: the toolbar has room for icons, not for three words in every language. */
const ICONS: Record<'auto' | 'light' | 'dark', ReactNode> = {
  auto: svg(
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>,
  ),
  light: svg(
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>,
  ),
  dark: svg(<path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />),
};

/** Light, dark or the OS's choice (the default); remembered on this machine. Each option is named in words. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  // keepTransitions: Mantine would otherwise pause transitions by writing a <style> element, which the CSP refuses.
  const { colorScheme, setColorScheme } = useMantineColorScheme({ keepTransitions: true });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.theme.label')}
      className={classes.switch}
      value={colorScheme}
      onChange={(v) => setColorScheme(v as MantineColorScheme)}
      data={(['auto', 'light', 'dark'] as const).map((v) => ({
        value: v,
        label: (
          <span title={t(`app.theme.${v}`)} className={classes.option}>
            {ICONS[v]}
            <VisuallyHidden>{t(`app.theme.${v}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
