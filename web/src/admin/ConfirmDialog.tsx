import type { ReactNode } from 'react';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/Notice';

/** "Are you sure?" for an action that cannot be undone; the API's error stays in the dialog. */
export function ConfirmDialog({ open, title, confirmLabel, busy, error, onConfirm, onClose, children }: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div>{children}</div>
      <ErrorNotice error={error} />
      <div className="actions">
        <Button variant="danger" busy={busy} onClick={onConfirm}>{confirmLabel}</Button>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}
