import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one dialog of the app (Mantine's Modal): named by its title, focus trapped inside, Esc and the close
 * button close it, and focus returns to whatever opened it. Every dialog in the renderer uses this.
 */
export function Dialog({
  title,
  onClose,
  children,
  size = 'lg',
  ...rest
}: { title: ReactNode; onClose(): void; children: ReactNode; size?: ModalProps['size'] } & Partial<Omit<ModalProps, 'title' | 'onClose' | 'children' | 'opened'>>) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('app.close') }} returnFocus trapFocus {...rest}>
      {children}
    </Modal>
  );
}
