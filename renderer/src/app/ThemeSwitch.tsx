import { SegmentedControl, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Light, dark or the OS's choice (the default); remembered on this machine. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.theme.label')}
      value={colorScheme}
      onChange={(v) => setColorScheme(v as MantineColorScheme)}
      data={(['auto', 'light', 'dark'] as const).map((v) => ({ value: v, label: t(`app.theme.${v}`) }))}
    />
  );
}
