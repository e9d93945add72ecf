import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { alertError } from '../fieldErrors';

/**
 * A PIN or password field: Mantine's PasswordInput with its show/hide toggle named in the user's language (its
 * own name is English). The toggle's name never repeats the field's label, so the label finds only the field.
 */
export function SecretInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('identity.showSecret') }} {...alertError} {...props} />;
}
