import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../../shared/schema';

/** The conversation's category; re-categorising keeps the clocks the rules give (the core decides). */
export function CategoryField({ value, disabled, onChange }: { value: Category; disabled: boolean; onChange(category: Category): void }) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      w={150}
      label={t('conversation.category')}
      data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
      value={value}
      allowDeselect={false}
      disabled={disabled}
      onChange={(v) => v && v !== value && onChange(v as Category)}
    />
  );
}
