import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { assignReviewTaskMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { can, useSession } from '../auth/session';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';

/**
 * Who the claim's open task is for, and for approvers a way to give it to one editor (POST /v1/review-tasks/:id/assign):
 * Take next then hands it to that editor first, and to nobody else.
 */
export function AssignControl({ claim, refresh }: { claim: ClaimDetailDto; refresh: () => void }) {
  const { session } = useSession();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [editor, setEditor] = useState('');
  const assign = useMutation({
    ...assignReviewTaskMutation(),
    onSuccess: (task) => {
      toast(`Assigned to ${task.assignedToName ?? editor}.`);
      setOpen(false);
      setEditor('');
      refresh();
    },
  });
  const task = claim.task;
  if (!task) return null;
  const approver = can(session?.user.role, 'approver');

  function submit(event: FormEvent) {
    event.preventDefault();
    assign.mutate({ path: { id: task!.id }, body: { editor: editor.trim() } });
  }

  const apiError = assign.error instanceof ApiError ? assign.error : null;
  // An unknown name is about the field; anything else (a task taken meanwhile, the network) goes above the form.
  const editorError = apiError?.fieldError('editor') ?? (apiError?.code === 'unknown_editor' ? apiError.detail : undefined);
  return (
    <>
      {task.assignedToName && <span className="muted small">Assigned to <strong>{task.assignedToName}</strong></span>}
      {approver && task.status === 'open' && (
        <Button className="btn-small" onClick={() => { assign.reset(); setOpen(true); }}>
          {task.assignedToName ? 'Reassign…' : 'Assign…'}
        </Button>
      )}
      <Dialog open={open} title="Assign this claim" onClose={() => setOpen(false)}>
        <form onSubmit={submit}>
          <p className="muted">The editor gets it first when they press Take next; nobody else is handed it.</p>
          {assign.error && !editorError && <ErrorNotice error={assign.error} />}
          <TextField label="Editor's user name" required autoFocus value={editor} onChange={(e) => setEditor(e.target.value)}
            error={editorError} />
          <div className="actions">
            <Button type="submit" variant="primary" busy={assign.isPending}>Assign</Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
