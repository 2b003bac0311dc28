// A modal confirmation inside the app (the native confirm() looks foreign and blocks the page).
import { useEffect, useRef } from 'react';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="ex-dialog" onCancel={props.onCancel} data-testid="confirm-dialog" aria-labelledby="ex-dialog-title">
      <h3 id="ex-dialog-title">{props.title}</h3>
      <p>{props.body}</p>
      <div className="ex-dialog-actions">
        <button onClick={props.onCancel} autoFocus>{props.cancelLabel}</button>
        <button className={props.danger ? 'primary danger-fill' : 'primary'} data-testid="confirm-ok" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
