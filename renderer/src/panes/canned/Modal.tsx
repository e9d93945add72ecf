import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog> (focus trap, Escape and the top layer for free), named by its heading. Shared by the
 * canned-reply library and the reminders view.
 */
export function Modal({ title, onClose, className, children }: { title: string; onClose(): void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className={className} aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <h2 id={headingId} className="pane-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
