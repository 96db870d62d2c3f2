import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { getVerdict } from '../api/generated/sdk.gen';
import { getAssessmentOptions, proposeVerdictMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto, SourceDto, VerdictSummaryDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { Badge, humanize } from '../ui/Badge';
import { SafeLink } from '../ui/SafeLink';
import { Button } from '../ui/Button';
import { SelectField, TextArea } from '../ui/Field';
import { ErrorNotice, InfoNotice } from '../ui/Notice';
import { formatDateTime, fromNow } from '../ui/format';
import { useToast } from '../ui/Toasts';
import { RATINGS } from './words';
import { can, useSession } from '../auth/session';
import { draftOf, publicationBody, PublicationEditor, PublicationFields, PublicationView, type DraftErrors } from './Publication';

function VerdictView({ verdict, sources, title, claimText, editable }: {
  verdict: VerdictSummaryDto; sources: SourceDto[]; title: string; claimText: string; editable?: boolean;
}) {
  const cited = sources.filter((s) => verdict.sourceIds.includes(s.id));
  const [editing, setEditing] = useState(false);
  return (
    <div className="card verdict-view">
      <h3>{title} <span className="muted small">version {verdict.version}</span></h3>
      <p><Badge value={verdict.rating} kind="rating" /> {verdict.corrected && <span className="muted small">correction{verdict.correctionReason ? `: ${verdict.correctionReason}` : ''}</span>}</p>
      <p className="verdict-summary">{verdict.summary}</p>
      {cited.length > 0 && (
        <>
          <p className="muted small">Rests on:</p>
          <ul className="verdict-sources">{cited.map((s) => <li key={s.id}><SafeLink href={s.url}>{s.title}</SafeLink></li>)}</ul>
        </>
      )}
      <p className="muted small">
        {verdict.authorName ? `By ${verdict.authorName}` : ''}
        {verdict.approvedByName ? `, approved by ${verdict.approvedByName}` : ''}
        {verdict.publishedAt ? `, published ${formatDateTime(verdict.publishedAt)}` : ''}
      </p>
      {verdict.lastRecheck && (
        <p className="small verdict-rechecked">
          {verdict.lastRecheck.text}{verdict.lastRecheck.byName ? ` (${verdict.lastRecheck.byName})` : ''} {verdict.lastRecheck.note}
        </p>
      )}
      {verdict.reviewBy && <p className="muted small">Review by {formatDateTime(verdict.reviewBy)}.</p>}
      {editing ? (
        <PublicationEditor verdictId={verdict.id} publication={verdict.publication} claimReviewed={verdict.claimReviewed} claimText={claimText} onDone={() => setEditing(false)} />
      ) : (
        <>
          <PublicationView publication={verdict.publication} claimReviewed={verdict.claimReviewed} />
          {editable && <Button onClick={() => setEditing(true)}>Edit publication</Button>}
        </>
      )}
    </div>
  );
}

/**
 * The verdict: the published one (with its version), the one awaiting approval (read only), the last rejection
 * (reason, who, when: in plain sight so the author can revise), and the form to propose one while holding the lease.
 */
export function VerdictPanel({ claim, held, refresh }: { claim: ClaimDetailDto; held: boolean; refresh: () => void }) {
  const { session } = useSession();
  const approver = can(session?.user.role, 'approver');
  const rejection = claim.lastRejection ?? null;
  const proposed = claim.proposedVerdict ?? null;
  // The rejection matters until a newer verdict is proposed or published.
  const rejectionOpen = rejection && !(proposed && proposed.version > rejection.verdictVersion) && !(claim.verdict && claim.verdict.version > rejection.verdictVersion);

  return (
    <div className="claim-verdict">
      {rejectionOpen && (
        <div className="notice notice-error rejection" role="alert">
          <strong>
            {rejection.correction ? 'The correction' : 'Your verdict'} (version {rejection.verdictVersion}) was sent back by {rejection.rejectedByName ?? 'an approver'}{' '}
            {fromNow(rejection.rejectedAt)} ({formatDateTime(rejection.rejectedAt)})
          </strong>
          <p className="rejection-reason">Reason: {rejection.reason}</p>
          {!rejection.correction && <p>Revise it below and propose it again.</p>}
        </div>
      )}
      {claim.verdict && <VerdictView verdict={claim.verdict} sources={claim.sources} title="Published verdict" claimText={claim.text} editable={approver} />}
      {proposed && (
        <>
          <InfoNotice title="Awaiting approval">An approver will publish this verdict or send it back with a reason. It cannot be changed meanwhile.</InfoNotice>
          <VerdictView verdict={proposed} sources={claim.sources} title={proposed.corrected ? 'Proposed correction' : 'Proposed verdict'} claimText={claim.text} />
        </>
      )}
      {!proposed && claim.status !== 'published' && claim.status !== 'dismissed' && (
        <ProposeForm claim={claim} held={held} refresh={refresh} reviseFrom={rejectionOpen && !rejection.correction ? rejection.verdictId : null} />
      )}
      {claim.status === 'dismissed' && <InfoNotice title="Dismissed">This claim was dismissed{claim.statusReason ? `: ${claim.statusReason}` : ''}. There is no verdict to give.</InfoNotice>}
    </div>
  );
}

function ProposeForm({ claim, held, refresh, reviseFrom }: { claim: ClaimDetailDto; held: boolean; refresh: () => void; reviseFrom: string | null }) {
  const toast = useToast();
  const legendId = useId();
  const [rating, setRating] = useState('');
  const [summary, setSummary] = useState('');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [local, setLocal] = useState<{ rating?: string; summary?: string } & DraftErrors>({});
  const [publishing, setPublishing] = useState(() => draftOf(null, null, claim.text));
  const assessment = useQuery({ ...getAssessmentOptions({ path: { id: claim.id } }), enabled: claim.sources.length > 0 });
  const rejected = useQuery({
    queryKey: ['verdict', reviseFrom],
    queryFn: async () => (await getVerdict({ path: { id: reviseFrom! }, throwOnError: true })).data,
    enabled: reviseFrom !== null,
  });
  // Revising a rejected verdict starts from what was sent back.
  useEffect(() => {
    if (rejected.data && !touched) {
      setRating(rejected.data.rating);
      setSummary(rejected.data.summary);
      setSourceIds(rejected.data.sourceIds.filter((id) => claim.sources.some((s) => s.id === id)));
      setPublishing(draftOf(rejected.data.publication, rejected.data.claimReviewed, claim.text));
    }
    // (runs when the rejected verdict arrives only, on purpose)
  }, [rejected.data]);

  const propose = useMutation({
    ...proposeVerdictMutation(),
    onSuccess: (verdict) => {
      toast(verdict.status === 'published' ? 'Verdict published.' : 'Verdict proposed: it now waits for an approver.');
      refresh();
    },
  });
  const apiError = propose.error instanceof ApiError ? propose.error : null;
  const suggestion = assessment.data?.suggestedRating;

  function submit(event: FormEvent) {
    event.preventDefault();
    const publication = publicationBody(publishing, false);
    const errors: typeof local = { ...publication.errors };
    if (!rating) errors.rating = 'Choose a rating.';
    if (!summary.trim()) errors.summary = 'Write the rationale readers will see.';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    propose.mutate({
      path: { id: claim.id },
      body: {
        rating: rating as (typeof RATINGS)[number], summary: summary.trim(), sourceIds,
        claimReviewed: publication.claimReviewed, ...(publication.publication ? { publication: publication.publication } : {}),
      },
    });
  }

  return (
    <section aria-labelledby="propose-heading" className="claim-section">
      <h2 id="propose-heading">{reviseFrom ? 'Revise and propose again' : 'Propose a verdict'}</h2>
      {!held && <InfoNotice title="Take this claim to propose a verdict">Only the editor holding the lease can propose; use Take this claim at the top.</InfoNotice>}
      <form onSubmit={submit} noValidate onChange={() => setTouched(true)}>
        {propose.error && <ErrorNotice error={propose.error} />}
        <div className="verdict-rating-row">
          <SelectField
            label="Rating"
            options={[{ value: '', label: 'Choose…' }, ...RATINGS.map((r) => ({ value: r, label: humanize(r) }))]}
            value={rating}
            onChange={(e) => setRating(e.target.value)}
            error={local.rating ?? apiError?.fieldError('rating')}
            disabled={!held}
          />
          {suggestion && (
            <p className="muted small">
              The assessment suggests <strong>{humanize(suggestion)}</strong>.{' '}
              {held && rating !== suggestion && (
                <button type="button" className="inline-link" onClick={() => { setRating(suggestion); setTouched(true); }}>Use it</button>
              )}
            </p>
          )}
        </div>
        <TextArea
          label="Summary"
          hint="The rationale, in words a reader understands."
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          error={local.summary ?? apiError?.fieldError('summary')}
          disabled={!held}
          rows={5}
        />
        <fieldset className="claim-fieldset" aria-describedby={apiError?.fieldError('sourceIds') ? `${legendId}-error` : undefined}>
          <legend id={legendId}>Sources it rests on</legend>
          {claim.sources.length === 0 ? (
            <p className="muted small">No sources yet: add them under Sources &amp; assessment. Only “Unverifiable” may cite none.</p>
          ) : (
            <ul className="checkbox-list">
              {claim.sources.map((s) => (
                <li key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={sourceIds.includes(s.id)}
                      disabled={!held}
                      onChange={(e) => setSourceIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id)))}
                    />{' '}
                    {s.title}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {apiError?.fieldError('sourceIds') && <p className="field-error" id={`${legendId}-error`} role="alert">{apiError.fieldError('sourceIds')}</p>}
        </fieldset>
        <PublicationFields draft={publishing} onChange={setPublishing} error={(f) => local[f] ?? apiError?.fieldError(f)} disabled={!held} optional />
        <div className="actions">
          <Button type="submit" variant="primary" busy={propose.isPending} disabled={!held}>Propose verdict</Button>
        </div>
      </form>
    </section>
  );
}
