import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { leaseClaimMutation, releaseLeaseMutation, renewLeaseMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto } from '../api/generated/types.gen';
import { AssignControl } from './AssignControl';
import type { LeaseTask } from './lease';
import { ApiError } from '../api/problem';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/Notice';
import { countdown, formatDateTime, fromNow } from '../ui/format';
import { useToast } from '../ui/Toasts';
import { useNow } from './lease';

const WARN_MS = 2 * 60_000;

const NOTHING_TO_TAKE: Partial<Record<ClaimDetailDto['status'], string>> = {
  awaiting_approval: 'A verdict waits for an approver; there is nothing to take.',
  published: 'The verdict is published; corrections are made on the approvals screen.',
  dismissed: 'This claim was dismissed; nothing to review.',
};

/**
 * The sticky bar over the workspace: the claim's status and whether you hold its review task, with a countdown to the
 * end of the lease (a warning under two minutes), Renew and Release; otherwise "Take this claim".
 */
export function LeaseBar({
  claim, task, held, loading, lookupError, onTask, refresh, articleTitle,
}: {
  claim: ClaimDetailDto;
  task: LeaseTask | null;
  held: boolean;
  loading: boolean;
  lookupError: unknown;
  onTask: (task: LeaseTask | null) => void;
  refresh: () => void;
  articleTitle?: string;
}) {
  const now = useNow();
  const navigate = useNavigate();
  const toast = useToast();
  const queries = useQueryClient();
  const take = useMutation({
    ...leaseClaimMutation(),
    onSuccess: (next) => {
      onTask(next);
      refresh();
    },
  });
  const renew = useMutation({ ...renewLeaseMutation(), onSuccess: (next) => { onTask(next); toast('Lease renewed.'); } });
  const release = useMutation({
    ...releaseLeaseMutation(),
    onSuccess: () => {
      onTask(null);
      void queries.invalidateQueries();
      toast('Claim released back to the queue.');
      void navigate('/');
    },
  });

  const expiresAt = task?.leaseExpiresAt ? new Date(task.leaseExpiresAt).getTime() : null;
  const left = expiresAt === null ? 0 : expiresAt - now;
  const live = held && left > 0;
  const expired = held && left <= 0;
  const warn = live && left < WARN_MS;
  const takeError = take.error instanceof ApiError ? take.error : null;
  const takeable = claim.status === 'queued' || claim.status === 'in_review';

  return (
    <div className={`lease-bar${live ? ' lease-bar-held' : ''}${warn || expired ? ' lease-bar-warn' : ''}`} role="region" aria-label="Lease">
      <div className="lease-bar-claim">
        <Badge value={claim.status} />
        <Badge value={claim.category} kind="category" />
        {articleTitle && <span className="lease-bar-article" title={articleTitle}>{articleTitle}</span>}
      </div>
      <div className="lease-bar-state">
        {live && (
          <>
            <span className="lease-countdown" aria-label={`Your lease ends in ${countdown(left)}`}>
              <span className="muted">Your lease ends in</span> <strong className="lease-time" data-testid="lease-countdown">{countdown(left)}</strong>
              <span className="muted small"> (at {formatDateTime(task!.leaseExpiresAt)})</span>
            </span>
            {warn && <span className="lease-warning" role="alert">Less than 2 minutes left: renew to keep this claim.</span>}
            <Button variant={warn ? 'primary' : 'secondary'} busy={renew.isPending} onClick={() => renew.mutate({ path: { id: task!.id } })}>Renew</Button>
            <Button variant="danger" busy={release.isPending} onClick={() => release.mutate({ path: { id: task!.id } })}>Release</Button>
          </>
        )}
        {expired && (
          <span className="lease-warning" role="alert">Your lease ran out at {formatDateTime(task!.leaseExpiresAt)}. Take the claim again to keep working.</span>
        )}
        {!live && takeable && !loading && (
          <Button variant="primary" busy={take.isPending} onClick={() => take.mutate({ path: { id: claim.id } })}>Take this claim</Button>
        )}
        {!live && takeable && claim.status === 'in_review' && !loading && !takeError && !expired && (
          <span className="muted small">
            {task?.leasedByName && task.leaseExpiresAt && new Date(task.leaseExpiresAt).getTime() > now
              ? `${task.leasedByName} is reviewing this claim until ${formatDateTime(task.leaseExpiresAt)}.`
              : 'The previous lease ran out: Take this claim to continue it.'}
          </span>
        )}
        {loading && <span className="muted small">Checking the lease…</span>}
        {!takeable && <span className="muted small">{NOTHING_TO_TAKE[claim.status]}</span>}
        <AssignControl claim={claim} refresh={refresh} />
      </div>
      {takeError?.code === 'lease_held' ? (
        <div className="notice notice-warning lease-held" role="alert">
          <strong>{String(takeError.body.leasedByName ?? 'Another editor')} is reviewing this claim</strong>
          <p>
            Their lease runs until {formatDateTime(takeError.body.leaseExpiresAt as string)} ({fromNow(takeError.body.leaseExpiresAt as string, now)}).
            You can read everything here; try again when they release it.
          </p>
        </div>
      ) : (
        take.error && <ErrorNotice error={take.error} />
      )}
      {(renew.error || release.error) && <ErrorNotice error={renew.error ?? release.error} />}
      {lookupError ? <ErrorNotice error={lookupError} /> : null}
    </div>
  );
}
