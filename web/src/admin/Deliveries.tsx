import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listWebhookDeliveriesOptions, redeliverWebhookDeliveryMutation } from '../api/generated/@tanstack/react-query.gen';
import type { DeliveryDto, WebhookDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';

const PAGE = 25;

/** A webhook's deliveries, newest first, with every attempt; a failed (or any) delivery can be sent again. */
export function Deliveries({ webhook }: { webhook: WebhookDto }) {
  const deliveries = useQuery({
    ...listWebhookDeliveriesOptions({ path: { id: webhook.id } }),
    // While something is still being delivered, look again shortly.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 2000 : false),
  });
  const [shown, setShown] = useState(PAGE);
  const queries = useQueryClient();
  const toast = useToast();
  const redeliver = useMutation({
    ...redeliverWebhookDeliveryMutation(),
    onSuccess: async () => {
      toast('Delivery queued again.');
      await invalidateOperations(queries, 'listWebhookDeliveries');
    },
  });
  const list = deliveries.data ?? [];
  return (
    <section className="card adm-deliveries" aria-labelledby="adm-deliveries-heading">
      <div className="adm-section-head">
        <h2 id="adm-deliveries-heading">Deliveries to <span className="adm-url">{webhook.url}</span></h2>
        <Button className="btn-small" busy={deliveries.isFetching} onClick={() => void deliveries.refetch()}>Refresh</Button>
      </div>
      {deliveries.isPending && <Loading what="the deliveries" />}
      {deliveries.error && <ErrorNotice error={deliveries.error} />}
      {redeliver.error && <ErrorNotice error={redeliver.error} />}
      {deliveries.isSuccess && list.length === 0 && (
        <EmptyState title="Nothing has been sent to this webhook yet.">Deliveries appear here when one of its events happens, e.g. when a verdict is published.</EmptyState>
      )}
      {list.length > 0 && (
        <ul className="adm-delivery-list">
          {list.slice(0, shown).map((d) => (
            <DeliveryRow key={d.id} delivery={d} busy={redeliver.isPending && redeliver.variables?.path.deliveryId === d.id}
              onRedeliver={() => redeliver.mutate({ path: { id: webhook.id, deliveryId: d.id } })} />
          ))}
        </ul>
      )}
      {list.length > shown && (
        <div className="actions"><Button onClick={() => setShown((n) => n + PAGE)}>Show {Math.min(PAGE, list.length - shown)} more</Button></div>
      )}
    </section>
  );
}

function DeliveryRow({ delivery: d, busy, onRedeliver }: { delivery: DeliveryDto; busy: boolean; onRedeliver: () => void }) {
  return (
    <li className="adm-delivery">
      <div className="adm-delivery-head">
        <code className="adm-event">{d.event}</code>
        <Badge value={d.status} />
        <span className="small">{d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}</span>
        {d.lastStatusCode !== null && <span className="small">last answer HTTP {d.lastStatusCode}</span>}
        <span className="muted small"><time dateTime={d.createdAt} title={formatDateTime(d.createdAt)}>{fromNow(d.createdAt)}</time>{d.deliveredAt && <> · delivered {formatDateTime(d.deliveredAt)}</>}</span>
        <Button className="btn-small adm-push" busy={busy} onClick={onRedeliver} aria-label={`Redeliver ${d.event} of ${formatDateTime(d.createdAt)}`}>Redeliver</Button>
      </div>
      {d.lastError && <p className="adm-error small">Last error: {d.lastError}</p>}
      <details>
        <summary>Attempts and payload</summary>
        {d.attemptLog.length === 0 ? (
          <p className="muted small">No attempt yet.</p>
        ) : (
          <table className="table adm-attempts" aria-label={`Attempts of delivery ${d.id}`}>
            <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Answer</th><th scope="col">Time taken</th><th scope="col">Error</th></tr></thead>
            <tbody>
              {d.attemptLog.map((a) => (
                <tr key={`${a.attempt}-${a.createdAt}`}>
                  <td>{a.attempt}</td>
                  <td>{formatDateTime(a.createdAt)}</td>
                  <td>{a.statusCode === null ? '—' : `HTTP ${a.statusCode}`}</td>
                  <td>{a.durationMs} ms</td>
                  <td>{a.error ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <pre className="adm-payload">{JSON.stringify(d.payload, null, 2)}</pre>
        <p className="muted small">Delivery id <code>{d.id}</code> (the Claimcheck-Delivery header).</p>
      </details>
    </li>
  );
}
