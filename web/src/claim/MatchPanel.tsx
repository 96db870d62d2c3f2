import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { confirmMatchMutation, getClaimHistoryQueryKey, getClaimQueryKey, unlinkMatchMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto } from '../api/generated/types.gen';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { formatDateTime } from '../ui/format';
import { useToast } from '../ui/Toasts';
import { label } from './words';

/** The earlier claim this one repeats (suggested at extraction) and its published verdict; the editor confirms or unlinks it. */
export function MatchPanel({ claim }: { claim: ClaimDetailDto }) {
  const queries = useQueryClient();
  const toast = useToast();
  const done = (what: string) => (updated: ClaimDetailDto) => {
    queries.setQueryData(getClaimQueryKey({ path: { id: claim.id } }), updated);
    void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claim.id } }) });
    toast(what);
  };
  const confirm = useMutation({ ...confirmMatchMutation(), onSuccess: done('Match confirmed.') });
  const unlink = useMutation({ ...unlinkMatchMutation(), onSuccess: done('Match unlinked.') });
  const match = claim.match;

  if (!match) {
    return (
      <EmptyState title="No earlier claim matches this one">
        When an article is extracted, claims that repeat a figure already checked are suggested here.
      </EmptyState>
    );
  }
  const verdict = match.verdict;
  return (
    <section aria-labelledby="match-heading" className="claim-section match">
      <h2 id="match-heading">Earlier claim on the same figure</h2>
      <p>
        <Badge value={match.status} /> <span className="muted">similarity {Math.round(match.score * 100)}%</span>{' '}
        <Link to={`/claims/${match.claimId}`}>Open the earlier claim</Link>
      </p>
      {verdict ? (
        <div className="match-verdict card">
          <h3>Its published verdict <span className="muted small">(version {verdict.version})</span></h3>
          <p><Badge value={verdict.rating} kind="rating" /> {verdict.corrected && <span className="muted small">corrected</span>}</p>
          <p className="verdict-summary">{verdict.summary}</p>
          <p className="muted small">Published {formatDateTime(verdict.publishedAt)}</p>
        </div>
      ) : (
        <p className="muted">The earlier claim has no published verdict yet.</p>
      )}
      {(confirm.error || unlink.error) && <ErrorNotice error={confirm.error ?? unlink.error} />}
      <div className="actions">
        {match.status === 'suggested' && (
          <Button variant="primary" busy={confirm.isPending} onClick={() => confirm.mutate({ path: { id: claim.id } })}>Confirm match</Button>
        )}
        {match.status !== 'unlinked' && (
          <Button variant="danger" busy={unlink.isPending} onClick={() => unlink.mutate({ path: { id: claim.id } })}>Unlink</Button>
        )}
        {match.status === 'unlinked' && <span className="muted small">{label('unlinked')}: this claim stands on its own.</span>}
      </div>
    </section>
  );
}
