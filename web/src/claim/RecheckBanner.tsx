import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { confirmRecheckMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { can, useSession } from '../auth/session';
import { CorrectionFields } from '../approvals/CorrectionsPanel';
import { Button } from '../ui/Button';
import { TextArea } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';
import { figureText, RECHECK_REASONS } from '../ui/recheck';

/**
 * The published verdict is due for a re-check (living verdicts): why, the new figure and since when, with the two ways
 * out: Confirm (it stands; a note says why, recorded as "re-checked on … against …") or Correct (approvers: a new version).
 */
export function RecheckBanner({ claim, refresh }: { claim: ClaimDetailDto; refresh: () => void }) {
  const recheck = claim.verdict?.recheck;
  const { session } = useSession();
  const queries = useQueryClient();
  const toast = useToast();
  const [mode, setMode] = useState<'idle' | 'confirm' | 'correct'>('idle');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const confirm = useMutation({
    ...confirmRecheckMutation(),
    onSuccess: async () => {
      toast('Verdict confirmed; the re-check is closed.');
      setMode('idle');
      setNote('');
      refresh();
      await invalidateOperations(queries, 'listReviewQueue', 'listReviewTasks');
    },
  });
  if (!recheck || !claim.verdict) return null;
  const approver = can(session?.user.role, 'approver');
  const apiError = confirm.error instanceof ApiError ? confirm.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing('Say why the verdict stands against the new figure.');
      return;
    }
    setMissing(undefined);
    confirm.mutate({ path: { id: claim.verdict!.id }, body: { note: note.trim() } });
  };

  return (
    <section className="notice notice-warning recheck-banner" aria-labelledby="recheck-heading">
      <h2 id="recheck-heading" className="recheck-title">Re-check due</h2>
      <p>{RECHECK_REASONS[recheck.reason]}</p>
      {recheck.figure && (
        <p>
          New figure: <strong>{figureText(recheck.figure)}</strong>
          {recheck.figure.claimId && recheck.figure.claimId !== claim.id && <> · <Link to={`/claims/${recheck.figure.claimId}`}>open that claim</Link></>}
        </p>
      )}
      <p className="muted small">Due since {formatDateTime(recheck.since)}. Readers see that this verdict is being re-checked.</p>
      {mode === 'idle' && (
        <div className="actions">
          <Button variant="primary" onClick={() => setMode('confirm')}>Confirm the verdict</Button>
          {approver ? <Button onClick={() => setMode('correct')}>Correct the verdict</Button>
            : <span className="muted small">To correct it, ask an approver (a correction is a new version).</span>}
        </div>
      )}
      {mode === 'confirm' && (
        <form onSubmit={submit} noValidate className="recheck-form">
          <ErrorNotice error={confirm.error} />
          <TextArea label="Why the verdict stands" value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000}
            error={missing ?? apiError?.fieldError('note')} hint="Recorded as “re-checked on <date> against <figures>” with your note." />
          <div className="actions">
            <Button type="submit" variant="primary" busy={confirm.isPending}>Confirm</Button>
            <Button onClick={() => setMode('idle')}>Cancel</Button>
          </div>
        </form>
      )}
      {mode === 'correct' && (
        <div className="recheck-correct">
          <CorrectionFields claim={claim} published={claim.verdict} onProposed={() => { setMode('idle'); refresh(); void invalidateOperations(queries, 'listReviewQueue'); }} />
          <Button onClick={() => setMode('idle')}>Cancel</Button>
        </div>
      )}
    </section>
  );
}
