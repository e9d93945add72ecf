import { Modal, type ModalProps } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one dialog of the app (Mantine's Modal): named by its title, focus trapped inside, Esc and the close
 * button close it, and focus returns to whatever opened it. Every dialog in the renderer uses this.
 *
 * Openers render it conditionally (`{open && <Dialog …/>}`), so it unmounts at once on close and Mantine's own
 * return-focus (which runs on an `opened` transition) never fires: the element focused at mount gets focus back
 * on unmount instead, if it is still in the page.
 *
 * No scroll lock: Mantine's (react-remove-scroll) writes a <style> element, which the CSP (`style-src 'self'`)
 * refuses; the workspace does not scroll behind a dialog anyway (each pane scrolls inside itself).
 */
export function Dialog({
  title,
  onClose,
  children,
  size = 'lg',
  ...rest
}: { title: ReactNode; onClose(): void; children: ReactNode; size?: ModalProps['size'] } & Partial<Omit<ModalProps, 'title' | 'onClose' | 'children' | 'opened'>>) {
  const { t } = useTranslation();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    return () => {
      if (opener && opener !== document.body && opener.isConnected) setTimeout(() => opener.focus(), 0);
    };
  }, []);
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('app.close') }} returnFocus={false} trapFocus lockScroll={false} {...rest}>
      {children}
    </Modal>
  );
}
