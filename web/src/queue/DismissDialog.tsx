import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { triageClaimMutation } from '../api/generated/@tanstack/react-query.gen';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';
import { invalidateOperations } from '../api/invalidate';

const REASONS = [
  { value: 'not_checkworthy', label: 'Not check-worthy' },
  { value: 'duplicate', label: 'Duplicate of another claim' },
  { value: 'opinion', label: 'Opinion, not a checkable fact' },
  { value: 'other', label: 'Other (say why)' },
];

/** Dismissing a claim always says why: one of the usual reasons, or the editor's own words. */
export function DismissDialog({ claim, onClose, onDismissed }: {
  claim: { id: string; figure: string } | null;
  onClose: () => void;
  onDismissed?: () => void;
}) {
  return (
    <Dialog open={!!claim} title="Dismiss claim" onClose={onClose}>
      {claim && <DismissForm key={claim.id} claim={claim} onClose={onClose} onDismissed={onDismissed} />}
    </Dialog>
  );
}

function DismissForm({ claim, onClose, onDismissed }: { claim: { id: string; figure: string }; onClose: () => void; onDismissed?: () => void }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [reason, setReason] = useState('not_checkworthy');
  const [other, setOther] = useState('');
  const [missing, setMissing] = useState(false);
  const triage = useMutation({
    ...triageClaimMutation(),
    onSuccess: async () => {
      toast('Claim dismissed');
      onDismissed?.();
      onClose();
      await invalidateOperations(queries, 'listReviewQueue', 'listArticleClaims', 'getClaim', 'listArticles');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason === 'other' ? other.trim() : reason;
    if (!text) {
      setMissing(true);
      return;
    }
    triage.mutate({ path: { id: claim.id }, body: { action: 'dismiss', reason: text } });
  };
  const apiError = triage.error instanceof ApiError ? triage.error : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <p className="dismiss-claim">“{claim.figure}”</p>
      <ErrorNotice error={triage.error && !apiError?.fieldError('reason') ? triage.error : null} />
      <SelectField
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        options={REASONS}
        error={reason !== 'other' ? apiError?.fieldError('reason') : undefined}
      />
      {reason === 'other' && (
        <TextField
          label="Why it is dismissed"
          value={other}
          maxLength={1000}
          onChange={(e) => {
            setOther(e.target.value);
            setMissing(false);
          }}
          error={missing ? 'Say why the claim is dismissed.' : apiError?.fieldError('reason')}
        />
      )}
      <div className="actions">
        <Button type="submit" variant="danger" busy={triage.isPending}>Dismiss claim</Button>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
