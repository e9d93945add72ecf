import { Pill, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The conversation's tags: type one and press Enter to add it; each has a named remove button (Backspace works too). */
export function TagEditor({ tags, disabled, onChange }: { tags: string[]; disabled: boolean; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
  return (
    <TagsInput
      size="xs"
      miw={200}
      className="tag-editor"
      label={t('conversation.tags')}
      placeholder={t('conversation.addTag')}
      value={tags}
      disabled={disabled}
      maxLength={60}
      maxTags={50}
      onChange={(next) => {
        const clean = [...new Set(next.map((x) => x.trim()).filter(Boolean))];
        if (clean.join('\u0000') !== tags.join('\u0000')) onChange(clean);
      }}
      // Mantine hides the remove buttons from assistive tech; here each one is named and reachable by Tab.
      renderPill={({ value, onRemove, disabled: off }) => (
        <Pill
          withRemoveButton={!off}
          onRemove={onRemove}
          removeButtonProps={{ 'aria-label': t('conversation.removeTag', { tag: value }), 'aria-hidden': false, tabIndex: 0 }}
        >
          {value}
        </Pill>
      )}
    />
  );
}
