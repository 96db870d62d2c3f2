import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RerunDto } from '../api/generated';
import { listExtractionRerunsOptions, startExtractionRerunMutation } from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { formatDate, formatDateTime, formatNumber } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import '../articles/articles.css';

const VERSION = /^(?:[a-z][\w-]{0,40}\/)?\d{1,6}(?:\.\d{1,6}){0,3}$/;

/** "4 min 10 s", "12 s". */
function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Admins: re-extract many articles after an extractor upgrade, and follow the runs as they go. */
export default function RerunsPage() {
  const runs = useQuery({
    ...listExtractionRerunsOptions(),
    // A running run is followed every second; finished ones are still.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
  const list = runs.data?.items ?? [];
  return (
    <div className="page reruns-page">
      <header className="page-header">
        <h1>Re-extraction</h1>
      </header>
      <StartRun />
      <section className="card" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        {runs.isPending && <Loading what="the runs" />}
        {runs.isError && <ErrorNotice error={runs.error} action={<Button onClick={() => void runs.refetch()}>Try again</Button>} />}
        {runs.isSuccess && list.length === 0 && (
          <EmptyState title="No run yet">
            <p>Start one above after the extractor has improved: the articles it selects are extracted again and their claims matched with the ones they had.</p>
          </EmptyState>
        )}
        {list.length > 0 && (
          <table className="table reruns-table">
            <caption className="visually-hidden">Re-extraction runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Articles selected</th>
                <th scope="col">State</th>
                <th scope="col">Progress</th>
                <th scope="col">Failed</th>
                <th scope="col">Rate</th>
                <th scope="col">Time left</th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => <RunRow key={run.id} run={run} />)}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function RunRow({ run }: { run: RerunDto }) {
  const processed = run.done + run.failed;
  const filters = [
    run.since ? `ingested since ${formatDate(run.since)}` : null,
    run.extractorVersionBelow ? `extractor below ${run.extractorVersionBelow}` : null,
  ].filter(Boolean).join(', ') || 'every extracted article';
  return (
    <tr data-run={run.id}>
      <td><time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time></td>
      <td>{formatNumber(run.total)} <span className="muted small">({filters})</span></td>
      <td>
        <Badge value={run.status} />
        {run.finishedAt && <span className="muted small"> {formatDateTime(run.finishedAt)}</span>}
      </td>
      <td className="run-progress">
        <progress max={Math.max(run.total, 1)} value={run.total === 0 ? 1 : processed} aria-label={`Progress of the run started ${formatDateTime(run.createdAt)}`} />
        <span>{formatNumber(run.done)} of {formatNumber(run.total)} done</span>
      </td>
      <td>{run.failed > 0 ? <strong className="failure">{formatNumber(run.failed)}</strong> : '0'}</td>
      <td>{run.ratePerSecond === null ? '—' : `${run.ratePerSecond.toLocaleString('en-US', { maximumFractionDigits: 2 })} articles/s`}</td>
      <td>{run.status === 'done' ? 'Finished' : run.etaSeconds === null ? 'Estimating…' : `about ${duration(run.etaSeconds)}`}</td>
    </tr>
  );
}

function StartRun() {
  const queries = useQueryClient();
  const toast = useToast();
  const [since, setSince] = useState('');
  const [below, setBelow] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const start = useMutation({
    ...startExtractionRerunMutation(),
    onSuccess: async (run) => {
      toast(run.total === 0 ? 'No article matched: nothing to re-extract.' : `Re-extracting ${formatNumber(run.total)} ${run.total === 1 ? 'article' : 'articles'}`);
      await invalidateOperations(queries, 'listExtractionReruns');
    },
  });
  const apiError = start.error instanceof ApiError ? start.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const version = below.trim();
    if (version && !VERSION.test(version)) {
      setInvalid('A version such as 2.1.0 or numeric-claims/2.1.0.');
      return;
    }
    setInvalid(undefined);
    start.mutate({
      body: {
        // The start of that day where the admin is.
        ...(since ? { since: new Date(`${since}T00:00:00`).toISOString() } : {}),
        ...(version ? { extractorVersionBelow: version } : {}),
      },
    });
  };
  return (
    <section className="card" aria-labelledby="start-run">
      <h2 id="start-run">Start a run</h2>
      <p className="muted small">
        Extracted articles that match are extracted again in the background, one run at a time. Claims whose sentence and
        figure are unchanged keep their id, status and work; a changed figure becomes a new claim that supersedes the old one.
      </p>
      <form className="adm-inline-form toolbar" onSubmit={submit} noValidate>
        <TextField label="Ingested since (optional)" type="date" value={since} onChange={(e) => setSince(e.target.value)} error={apiError?.fieldError('since')} />
        <TextField
          label="Extractor version below (optional)"
          value={below}
          onChange={(e) => setBelow(e.target.value)}
          placeholder="e.g. 2.1.0"
          maxLength={60}
          error={invalid ?? apiError?.fieldError('extractorVersionBelow')}
        />
        <Button type="submit" variant="primary" busy={start.isPending}>Start re-extraction</Button>
      </form>
      {start.error && !apiError?.errors.length && <ErrorNotice error={start.error} />}
    </section>
  );
}
