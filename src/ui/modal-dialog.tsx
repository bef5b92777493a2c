import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native <dialog> opened as a modal where the browser supports it (focus stays inside, Escape
 * cancels); jsdom has no showModal, so there it is simply opened.
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  onCancel,
  className,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  onCancel: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  }, [onCancel]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') {
        try {
          dialog.showModal();
        } catch {
          dialog.setAttribute('open', '');
        }
      } else {
        dialog.setAttribute('open', '');
      }
    }
    const onCancelEvent = (event: Event) => {
      // The browser would close the dialog itself; React state decides instead.
      event.preventDefault();
      onCancelRef.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // Focus goes back to what opened the dialog, as it would for a native modal.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      {children}
    </dialog>
  );
}
