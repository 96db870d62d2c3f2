import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listWebhookDeliveriesInfiniteQueryKey, redeliverWebhookDeliveryMutation } from '../api/generated/@tanstack/react-query.gen';
import { listWebhookDeliveries } from '../api/generated/sdk.gen';
import type { DeliveryDto, WebhookDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';

const PAGE = 25;

interface DeliveryPage {
  items: DeliveryDto[];
  /** From the X-Next-Cursor header; null on the last page. */
  nextCursor: string | null;
}

/** A webhook's deliveries, newest first, with every attempt; a failed (or any) delivery can be sent again. */
export function Deliveries({ webhook }: { webhook: WebhookDto }) {
  // The route answers an array; the cursor of the next page comes in the X-Next-Cursor header of the response.
  const deliveries = useInfiniteQuery({
    queryKey: listWebhookDeliveriesInfiniteQueryKey({ path: { id: webhook.id } }),
    queryFn: async ({ pageParam, signal }): Promise<DeliveryPage> => {
      const { data, response } = await listWebhookDeliveries({
        path: { id: webhook.id },
        query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
        throwOnError: true,
      });
      return { items: data, nextCursor: response.headers.get('X-Next-Cursor') };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While something is still being delivered, look again shortly (every loaded page is fetched again).
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 2000 : false),
  });
  const queries = useQueryClient();
  const toast = useToast();
  const redeliver = useMutation({
    ...redeliverWebhookDeliveryMutation(),
    onSuccess: async () => {
      toast('Delivery queued again.');
      await invalidateOperations(queries, 'listWebhookDeliveries');
    },
  });
  const list = useMemo(() => deliveries.data?.pages.flatMap((p) => p.items) ?? [], [deliveries.data]);
  return (
    <section className="card adm-deliveries" aria-labelledby="adm-deliveries-heading">
      <div className="adm-section-head">
        <h2 id="adm-deliveries-heading">Deliveries to <span className="adm-url">{webhook.url}</span></h2>
        <Button className="btn-small" busy={deliveries.isFetching && !deliveries.isFetchingNextPage} onClick={() => void deliveries.refetch()}>Refresh</Button>
      </div>
      {deliveries.isPending && <Loading what="the deliveries" />}
      {deliveries.error && <ErrorNotice error={deliveries.error} />}
      {redeliver.error && <ErrorNotice error={redeliver.error} />}
      {deliveries.isSuccess && list.length === 0 && (
        <EmptyState title="Nothing has been sent to this webhook yet.">Deliveries appear here when one of its events happens, e.g. when a verdict is published.</EmptyState>
      )}
      {list.length > 0 && (
        <ul className="adm-delivery-list">
          {list.map((d) => (
            <DeliveryRow key={d.id} delivery={d} busy={redeliver.isPending && redeliver.variables?.path.deliveryId === d.id}
              onRedeliver={() => redeliver.mutate({ path: { id: webhook.id, deliveryId: d.id } })} />
          ))}
        </ul>
      )}
      {deliveries.hasNextPage && (
        <div className="actions">
          <Button busy={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            Load more deliveries
          </Button>
        </div>
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
