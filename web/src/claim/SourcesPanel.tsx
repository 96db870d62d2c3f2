import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  addSourceMutation, getAssessmentOptions, getAssessmentQueryKey, getClaimHistoryQueryKey, getClaimQueryKey,
} from '../api/generated/@tanstack/react-query.gen';
import type { AssessmentDto, ClaimDetailDto, CreateSourceDto, SourceDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { Badge } from '../ui/Badge';
import { SafeLink } from '../ui/SafeLink';
import { Button } from '../ui/Button';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { formatDate } from '../ui/format';
import { useToast } from '../ui/Toasts';
import { describeFigure, describeQuantity, label, options, SOURCE_TYPES, STANCES } from './words';

const gap = (g: number | null) => (g === null ? '—' : `${g > 0 ? '+' : g < 0 ? '−' : ''}${Math.abs(g).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);

/** The claim's sources, what their figures say about the claim's number (the assessment), and a form to add one. */
export function SourcesPanel({ claim }: { claim: ClaimDetailDto }) {
  const assessment = useQuery(getAssessmentOptions({ path: { id: claim.id } }));
  const byId = new Map(claim.sources.map((s) => [s.id, s]));
  return (
    <div className="claim-sources">
      <section aria-labelledby="assessment-heading" className="claim-section">
        <h2 id="assessment-heading">Assessment</h2>
        <p className="muted small">The claim says {describeQuantity(claim.quantity)}. Each source&apos;s figure is compared with it.</p>
        {assessment.isPending && <Loading what="the assessment" />}
        {assessment.error && <ErrorNotice error={assessment.error} action={<Button onClick={() => void assessment.refetch()}>Try again</Button>} />}
        {assessment.data && <Assessment data={assessment.data} sources={byId} />}
      </section>
      <section aria-labelledby="sources-heading" className="claim-section">
        <h2 id="sources-heading">Sources ({claim.sources.length})</h2>
        {claim.sources.length === 0 ? (
          <EmptyState title="No sources yet">Add the report, dataset or statement that bears on this claim with the form below.</EmptyState>
        ) : (
          <ul className="source-list">
            {claim.sources.map((s) => <SourceItem key={s.id} source={s} cited={s.citesSourceId ? byId.get(s.citesSourceId) : undefined} />)}
          </ul>
        )}
      </section>
      <AddSource claim={claim} />
    </div>
  );
}

function Assessment({ data, sources }: { data: AssessmentDto; sources: Map<string, SourceDto> }) {
  return (
    <div className="assessment" data-testid="assessment">
      <div className="assessment-summary">
        <span>Suggested rating</span> <Badge value={data.suggestedRating} kind="rating" />
        <span className="muted small">Tolerance ±{(data.tolerance.relative * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}% for {label(data.tolerance.category).toLowerCase()}</span>
      </div>
      <p className="assessment-explanation">{data.explanation}</p>
      {data.sources.length > 0 && (
        <table className="table assessment-table">
          <caption className="claim-sr-only">Each source compared with the claim</caption>
          <thead>
            <tr><th scope="col">Source</th><th scope="col">Its figure</th><th scope="col">Relation</th><th scope="col">Gap</th><th scope="col">Counted</th></tr>
          </thead>
          <tbody>
            {data.sources.map((c) => (
              <tr key={c.sourceId}>
                <td>{sources.get(c.sourceId)?.title ?? 'A source'}</td>
                <td>{describeFigure(c.figure)}{c.figure?.asOf ? <span className="muted small"> as of {formatDate(c.figure.asOf)}</span> : null}</td>
                <td><span className={`relation relation-${c.relation}`}>{label(c.relation)}</span></td>
                <td className="numeric">{gap(c.gapPercent)}</td>
                <td>{c.counted ? 'Yes' : <span className="muted">No, same origin as another</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SourceItem({ source, cited }: { source: SourceDto; cited?: SourceDto }) {
  return (
    <li className="source-item">
      <div className="source-head">
        <SafeLink href={source.url} className="source-title">{source.title}</SafeLink>
        <Badge value={source.sourceType} kind="category" />
        {source.stance && <span className="muted small">{label(source.stance)}</span>}
      </div>
      <div className="source-meta muted small">
        {source.publisher && <span>{source.publisher}</span>}
        {source.publishedAt && <span>published {formatDate(source.publishedAt)}</span>}
        {source.figure && <span>figure: {describeFigure(source.figure)}{source.figure.asOf ? ` as of ${formatDate(source.figure.asOf)}` : ''}</span>}
        {cited && <span>repeats “{cited.title}”</span>}
      </div>
      {source.excerpt && <blockquote className="source-excerpt">{source.excerpt}</blockquote>}
    </li>
  );
}

const EMPTY = { url: '', title: '', publisher: '', sourceType: 'other', publishedAt: '', excerpt: '', value: '', low: '', high: '', asOf: '', stance: '', citesSourceId: '' };
type Form = typeof EMPTY;

function AddSource({ claim }: { claim: ClaimDetailDto }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState<Form>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<keyof Form, string>>>({});
  const add = useMutation({
    ...addSourceMutation(),
    onSuccess: (source) => {
      setForm(EMPTY);
      setLocal({});
      toast(`Source added: ${source.title}`);
      void queries.invalidateQueries({ queryKey: getClaimQueryKey({ path: { id: claim.id } }) });
      void queries.invalidateQueries({ queryKey: getAssessmentQueryKey({ path: { id: claim.id } }) });
      void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claim.id } }) });
    },
  });
  const set = (key: keyof Form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  const apiError = add.error instanceof ApiError ? add.error : null;
  const err = (key: keyof Form, field: string) => local[key] ?? apiError?.fieldError(field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Partial<Record<keyof Form, string>> = {};
    if (!form.url.trim()) errors.url = 'Enter the address of the source (https://…).';
    if (!form.title.trim()) errors.title = 'Enter the title of the source.';
    const figure: NonNullable<CreateSourceDto['figure']> = {};
    for (const key of ['value', 'low', 'high'] as const) {
      const raw = form[key].replace(/,/g, '').trim();
      if (raw === '') continue;
      const n = Number(raw);
      if (!Number.isFinite(n)) errors[key] = 'Enter a number, e.g. 127000.';
      else figure[key] = n;
    }
    if (figure.value !== undefined && (figure.low !== undefined || figure.high !== undefined)) {
      errors.value = 'Give either one value, or low and/or high for a range.';
    }
    if (form.asOf && Object.keys(figure).length === 0) errors.asOf = 'A date needs a figure: enter the value (or low/high) it describes.';
    if (form.asOf) figure.asOf = form.asOf;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const body: CreateSourceDto = {
      url: form.url.trim(),
      title: form.title.trim(),
      sourceType: form.sourceType as CreateSourceDto['sourceType'],
      ...(form.publisher.trim() ? { publisher: form.publisher.trim() } : {}),
      ...(form.publishedAt ? { publishedAt: new Date(`${form.publishedAt}T00:00:00Z`).toISOString() } : {}),
      ...(form.excerpt.trim() ? { excerpt: form.excerpt.trim() } : {}),
      ...(Object.keys(figure).length > 0 ? { figure } : {}),
      ...(form.stance ? { stance: form.stance as CreateSourceDto['stance'] } : {}),
      ...(form.citesSourceId ? { citesSourceId: form.citesSourceId } : {}),
    };
    add.mutate({ path: { id: claim.id }, body });
  }

  return (
    <section aria-labelledby="add-source-heading" className="claim-section">
      <h2 id="add-source-heading">Add a source</h2>
      <form onSubmit={submit} noValidate className="add-source">
        {add.error && <ErrorNotice error={add.error} />}
        <div className="form-grid form-grid-wide">
          <TextField label="Address (URL)" type="url" value={form.url} onChange={set('url')} error={err('url', 'url')} placeholder="https://" />
          <TextField label="Title" value={form.title} onChange={set('title')} error={err('title', 'title')} />
          <TextField label="Publisher" value={form.publisher} onChange={set('publisher')} error={err('publisher', 'publisher')} />
          <SelectField label="Type" options={options(SOURCE_TYPES)} value={form.sourceType} onChange={set('sourceType')} error={err('sourceType', 'sourceType')} />
          <TextField label="Published on" type="date" value={form.publishedAt} onChange={set('publishedAt')} error={err('publishedAt', 'publishedAt')} />
          <SelectField label="Stance" options={[{ value: '', label: 'Not stated' }, ...options(STANCES)]} value={form.stance} onChange={set('stance')} error={err('stance', 'stance')} />
        </div>
        <fieldset className="claim-fieldset">
          <legend>The source&apos;s own figure</legend>
          <p className="muted small">One value, or low and/or high for a range or a bound, in the claim&apos;s unit ({claim.quantity?.unit ?? 'no unit given'}).</p>
          <div className="form-grid">
            <TextField label="Figure value" inputMode="decimal" value={form.value} onChange={set('value')} error={err('value', 'figure.value')} />
            <TextField label="Figure low" inputMode="decimal" value={form.low} onChange={set('low')} error={err('low', 'figure.low')} />
            <TextField label="Figure high" inputMode="decimal" value={form.high} onChange={set('high')} error={err('high', 'figure.high')} />
            <TextField label="Figure as of" type="date" value={form.asOf} onChange={set('asOf')} error={err('asOf', 'figure.asOf')} />
          </div>
        </fieldset>
        <SelectField
          label="Repeats another source"
          hint="If this source only repeats one already listed, they count as one origin."
          options={[{ value: '', label: 'No, an origin of its own' }, ...claim.sources.map((s) => ({ value: s.id, label: s.title }))]}
          value={form.citesSourceId}
          onChange={set('citesSourceId')}
          error={err('citesSourceId', 'citesSourceId')}
        />
        <TextArea label="Excerpt" hint="The passage that bears on the claim." value={form.excerpt} onChange={set('excerpt')} error={err('excerpt', 'excerpt')} rows={3} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={add.isPending}>Add source</Button>
        </div>
      </form>
    </section>
  );
}
