import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { approveVerdictMutation, rejectVerdictMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ApprovalDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextArea } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';
import { PublicationView } from '../claim/Publication';
import { ClaimInContext } from './ClaimInContext';
import { Evidence } from './Evidence';

/** One waiting verdict or correction: the claim in context, the evidence, the proposal, and the decision. */
export function ApprovalDetail({ item, onDecided }: { item: ApprovalDto; onDecided: () => void }) {
  const { verdict, claim } = item;
  const queries = useQueryClient();
  const toast = useToast();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();

  const settle = async () => {
    await invalidateOperations(queries, 'listApprovals', 'getClaim', 'getAssessment', 'listClaims');
    onDecided();
  };
  const approve = useMutation({
    ...approveVerdictMutation(),
    onSuccess: async () => {
      toast(verdict.correction ? 'Correction approved and published.' : 'Verdict approved and published.');
      await settle();
    },
  });
  const reject = useMutation({
    ...rejectVerdictMutation(),
    onSuccess: async () => {
      setRejecting(false);
      setReason('');
      toast(verdict.correction ? 'Correction rejected; the published verdict stays.' : 'Verdict rejected and sent back to its editor.');
      await settle();
    },
  });
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError('Say what the editor must fix.');
      return;
    }
    setReasonError(undefined);
    reject.mutate({ path: { id: verdict.id }, body: { reason: reason.trim() } });
  };
  const rejectFieldError = reasonError ?? (reject.error instanceof ApiError ? reject.error.fieldError('reason') : undefined);

  return (
    <article className="card ap-detail" aria-labelledby="ap-detail-heading">
      <header className="ap-detail-head">
        <h2 id="ap-detail-heading">
          {verdict.correction ? 'Correction' : 'Proposed verdict'} <span className="muted">v{verdict.version}</span>
        </h2>
        {verdict.correction && <span className="badge ap-kind-correction">Correction</span>}
      </header>

      <ClaimInContext claim={claim} articleId={item.articleId} articleTitle={item.articleTitle} />

      <section className="ap-section ap-proposal" aria-labelledby="ap-proposal-heading">
        <h3 id="ap-proposal-heading">{verdict.correction ? 'The correction' : 'The proposal'}</h3>
        {verdict.correction && (
          <div className="notice notice-warning">
            <strong>Correction of the published verdict.</strong>
            <p>Reason given: {verdict.correctionReason ?? '—'}</p>
            {claim.verdict && (
              <p>
                Published now: <Badge kind="rating" value={claim.verdict.rating} /> {claim.verdict.summary}
              </p>
            )}
          </div>
        )}
        <dl className="ap-facts">
          <dt>Proposed rating</dt>
          <dd><Badge kind="rating" value={verdict.rating} /></dd>
          <dt>Author</dt>
          <dd>{verdict.authorName ?? 'Unknown user'}</dd>
          <dt>Proposed</dt>
          <dd><time dateTime={verdict.proposedAt} title={formatDateTime(verdict.proposedAt)}>{fromNow(verdict.proposedAt)}</time></dd>
        </dl>
        <p className="ap-summary">{verdict.summary}</p>
        <PublicationView publication={verdict.publication} claimReviewed={verdict.claimReviewed} />
      </section>

      <Evidence claimId={claim.id} citedIds={verdict.sourceIds} />

      <div className="ap-decision">
        <ErrorNotice error={approve.error} />
        <div className="actions">
          <Button variant="primary" busy={approve.isPending} disabled={reject.isPending} onClick={() => approve.mutate({ path: { id: verdict.id } })}>
            Approve and publish
          </Button>
          <Button variant="danger" disabled={approve.isPending} onClick={() => { reject.reset(); setReasonError(undefined); setRejecting(true); }}>
            Reject…
          </Button>
        </div>
      </div>

      <Dialog open={rejecting} title={verdict.correction ? 'Reject the correction' : 'Reject the verdict'} onClose={() => setRejecting(false)}>
        <form onSubmit={submitReject} noValidate>
          <p className="muted">The reason goes back to {verdict.authorName ?? 'the author'} with the claim.</p>
          {reject.error && !rejectFieldError && <ErrorNotice error={reject.error} />}
          <TextArea
            label="Reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={rejectFieldError}
            hint="What must be fixed before this can be published."
            maxLength={5000}
            autoFocus
          />
          <div className="actions">
            <Button type="submit" variant="danger" busy={reject.isPending}>Reject</Button>
            <Button variant="ghost" onClick={() => setRejecting(false)}>Cancel</Button>
          </div>
        </form>
      </Dialog>
    </article>
  );
}
