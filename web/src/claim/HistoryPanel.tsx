import { useQuery } from '@tanstack/react-query';
import { getClaimHistoryOptions } from '../api/generated/@tanstack/react-query.gen';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { formatDateTime } from '../ui/format';
import { actionWords, changeLines } from './words';

/** The claim's audit trail, oldest first (GET /v1/claims/:id/history answers the whole trail, unpaged). */
export function HistoryPanel({ claimId }: { claimId: string }) {
  const history = useQuery(getClaimHistoryOptions({ path: { id: claimId } }));
  if (history.isPending) return <Loading what="the history" />;
  if (history.error) return <ErrorNotice error={history.error} action={<Button onClick={() => void history.refetch()}>Try again</Button>} />;
  if (history.data.length === 0) return <EmptyState title="Nothing has happened to this claim yet">Changes, leases and verdicts will be listed here.</EmptyState>;
  return (
    <section aria-labelledby="history-heading" className="claim-section">
      <h2 id="history-heading">History</h2>
      <ol className="timeline">
        {history.data.map((e) => (
          <li key={e.id} className="timeline-item">
            <time dateTime={e.createdAt} className="timeline-time">{formatDateTime(e.createdAt)}</time>
            <div className="timeline-body">
              <p>
                <strong>{e.actorName ?? 'The system'}</strong> {actionWords(e.action)}
                {(e.fromStatus || e.toStatus) && (
                  <span className="timeline-status">
                    {' '}{e.fromStatus ? <Badge value={e.fromStatus} /> : null}{e.fromStatus && e.toStatus ? ' → ' : ''}{e.toStatus ? <Badge value={e.toStatus} /> : null}
                  </span>
                )}
              </p>
              {e.reason && <p className="timeline-reason">Reason: {e.reason}</p>}
              {e.action === 'claim.note_added' ? <NoteEvent changes={e.changes} /> : changeLines(e.changes).length > 0 && (
                <ul className="timeline-changes">{changeLines(e.changes).map((line, i) => <li key={i}>{line}</li>)}</ul>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A note in the history reads as the note, and whom it told. */
function NoteEvent({ changes }: { changes: Record<string, unknown> | null }) {
  const note = typeof changes?.note === 'string' ? changes.note : '';
  const mentions = Array.isArray(changes?.mentions) ? (changes.mentions as string[]) : [];
  return (
    <>
      <blockquote className="timeline-note">{note}</blockquote>
      {mentions.length > 0 && <p className="muted small">Told {mentions.join(', ')}.</p>}
    </>
  );
}
