import { Badge, Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../../../shared/schema/savedView';
import { LIST_FILTERS } from './filterModel';
import { FilterIcon } from './icons';
import classes from './QueueFilters.module.css';

/**
 * The category, tier, status and urgency filters behind one button, as checkboxes in named groups (none checked
 * means "any"). The button shows how many are on; the popover keeps focus inside and Esc closes it.
 */
export function FilterPopover({ filter, onChange }: { filter: QueueFilter; onChange(f: QueueFilter): void }) {
  const { t } = useTranslation();
  const on = LIST_FILTERS.reduce((n, f) => n + filter[f.key].length, 0);
  // hideDetached off: the bar never scrolls out of view, and the check misfires where nothing has a layout (DOM tests).
  return (
    <Popover position="bottom-end" shadow="md" trapFocus returnFocus width={300} hideDetached={false}>
      <Popover.Target>
        <Button size="compact-sm" variant={on ? 'light' : 'default'} leftSection={<FilterIcon />} rightSection={on ? <Badge size="xs" circle>{on}</Badge> : undefined}>
          {t('queue.filter.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          {LIST_FILTERS.map((f) => {
            const chosen = filter[f.key] as string[];
            return (
              <fieldset key={f.key} className={classes.group}>
                <legend className={classes.legend}>{t(f.label)}</legend>
                <div className={classes.options}>
                  {f.options.map((v) => (
                    <Checkbox
                      key={v}
                      size="xs"
                      label={f.optionLabel(t, v)}
                      checked={chosen.includes(v)}
                      onChange={(e) => onChange({ ...filter, [f.key]: e.currentTarget.checked ? [...chosen, v] : chosen.filter((x) => x !== v) })}
                    />
                  ))}
                </div>
              </fieldset>
            );
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
