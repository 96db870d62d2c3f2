import { options, RATINGS } from '../ui/vocabulary';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { correctVerdictMutation, getClaimOptions, listClaimsInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto, ClaimDto, VerdictDto, VerdictSummaryDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { formatDate } from '../ui/format';
import { EmptyState, ErrorNotice, InfoNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';

export const RATING_OPTIONS = options(RATINGS);
type Rating = (typeof RATINGS)[number];

/** Find a published claim, then propose a corrected verdict for it (another approver approves it in the list). */
export function CorrectionsPanel({ onProposed }: { onProposed: (verdict: VerdictDto) => void }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const [claimId, setClaimId] = useState<string | null>(null);
  const search = useInfiniteQuery({
    ...listClaimsInfiniteOptions({ query: { status: 'published', limit: 20, ...(q ? { q } : {}) } }),
    initialPageParam: undefined as unknown as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: q !== null,
  });
  const results: ClaimDto[] = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="ap-layout">
      <section className="ap-list" aria-labelledby="ap-search-heading">
        <h2 id="ap-search-heading">Find a published verdict</h2>
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setClaimId(null);
            setQ(draft.trim());
          }}
        >
          <TextField label="Search published claims" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="words of the claim, subject or speaker" type="search" maxLength={300} />
          <Button type="submit" variant="primary" busy={search.isFetching && !search.isFetchingNextPage}>Search</Button>
        </form>
        {q === null && <p className="muted">Search by the claim's words, its subject or its speaker; leave empty to list the latest published claims.</p>}
        {search.error && !search.isFetchNextPageError && <ErrorNotice error={search.error} />}
        {search.isSuccess && results.length === 0 && (
          <EmptyState title="No published claim matches.">Try fewer or other words; only claims with a published verdict can be corrected.</EmptyState>
        )}
        {results.length > 0 && (
          <ul className="ap-items">
            {results.map((claim) => (
              <li key={claim.id}>
                <button type="button" className={`ap-item${claim.id === claimId ? ' selected' : ''}`} aria-current={claim.id === claimId ? 'true' : undefined} onClick={() => setClaimId(claim.id)}>
                  <span className="ap-item-top">
                    {claim.verdict && <Badge kind="rating" value={claim.verdict.rating} />}
                    <span className="muted small">published {formatDate(claim.verdict?.publishedAt)}{claim.verdict?.corrected ? ' · corrected before' : ''}</span>
                  </span>
                  <span className="ap-item-claim">{claim.text}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {search.hasNextPage && (
          <div className="actions">
            <Button busy={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>Load more</Button>
          </div>
        )}
        {search.isFetchNextPageError && <ErrorNotice error={search.error} />}
      </section>
      <div className="ap-detail-column">
        {claimId ? (
          <CorrectionForm key={claimId} claimId={claimId} onProposed={onProposed} />
        ) : (
          <InfoNotice title="Choose a published claim">Its current verdict opens here with a form for the correction. A correction waits for another approver unless the service publishes corrections at once.</InfoNotice>
        )}
      </div>
    </div>
  );
}

function CorrectionForm({ claimId, onProposed }: { claimId: string; onProposed: (verdict: VerdictDto) => void }) {
  const claim = useQuery(getClaimOptions({ path: { id: claimId } }));
  if (claim.isPending) return <Loading what="the claim" />;
  if (claim.error) return <ErrorNotice error={claim.error} />;
  const data = claim.data;
  if (!data.verdict) return <InfoNotice title="This claim has no published verdict">Only a published verdict can be corrected.</InfoNotice>;
  return <CorrectionFields claim={data} published={data.verdict} onProposed={onProposed} />;
}

export function CorrectionFields({ claim, published, onProposed }: {
  claim: ClaimDetailDto;
  published: VerdictSummaryDto;
  onProposed: (verdict: VerdictDto) => void;
}) {
  const queries = useQueryClient();
  const toast = useToast();
  const [rating, setRating] = useState<Rating>(published.rating);
  const [summary, setSummary] = useState(published.summary);
  const [sourceIds, setSourceIds] = useState<string[]>(published.sourceIds);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const correct = useMutation({
    ...correctVerdictMutation(),
    onSuccess: async (verdict) => {
      toast(verdict.status === 'published' ? 'Correction published.' : 'Correction proposed; it waits for another approver.');
      await invalidateOperations(queries, 'listApprovals', 'getClaim', 'listClaims');
      onProposed(verdict);
    },
  });
  const apiError = correct.error instanceof ApiError ? correct.error : null;
  const fieldError = (field: string) => missing[field] ?? apiError?.fieldError(field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!summary.trim()) problems.summary = 'Write the corrected rationale.';
    if (!reason.trim()) problems.reason = 'Say why the published verdict is corrected; readers see it.';
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    correct.mutate({ path: { id: claim.id }, body: { rating, summary: summary.trim(), reason: reason.trim(), sourceIds } });
  };
  const toggle = (id: string) => setSourceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <article className="card ap-detail" aria-labelledby="ap-correct-heading">
      <h2 id="ap-correct-heading">Correct the published verdict</h2>
      <blockquote className="ap-context"><mark>{claim.text}</mark></blockquote>
      <div className="notice notice-info">
        <strong>Published now (v{published.version}):</strong> <Badge kind="rating" value={published.rating} />
        <p>{published.summary}</p>
      </div>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={correct.error} />
        <SelectField label="Corrected rating" value={rating} onChange={(e) => setRating(e.target.value as Rating)} options={RATING_OPTIONS} error={fieldError('rating')} />
        <TextArea label="Corrected summary" value={summary} onChange={(e) => setSummary(e.target.value)} required maxLength={10000} error={fieldError('summary')} />
        <fieldset className="ap-fieldset">
          <legend>Sources the correction cites</legend>
          {claim.sources.length === 0 && <p className="muted small">No sources are attached to this claim; add them in the claim workspace first.</p>}
          {claim.sources.map((s) => (
            <label key={s.id} className="ap-check">
              <input type="checkbox" checked={sourceIds.includes(s.id)} onChange={() => toggle(s.id)} />
              <span>{s.title}{s.publisher && <span className="muted small"> · {s.publisher}</span>}</span>
            </label>
          ))}
          {fieldError('sourceIds') && <p className="field-error" role="alert">{fieldError('sourceIds')}</p>}
        </fieldset>
        <TextArea label="Reason for the correction" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={5000} hint="Shown to readers beside the corrected verdict." error={fieldError('reason')} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={correct.isPending}>Propose correction</Button>
        </div>
      </form>
    </article>
  );
}
