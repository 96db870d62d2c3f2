import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Tabs } from '../ui/Tabs';
import { CorrectionsPanel } from './CorrectionsPanel';
import { WaitingList, type Kind } from './WaitingList';
import './approvals.css';

type Tab = 'waiting' | 'correct';

/** Approvers: decide on proposed verdicts and corrections, and correct published verdicts. State lives in the url. */
export default function ApprovalsPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'correct' ? 'correct' : 'waiting';
  const kindParam = params.get('kind');
  const kind: Kind = kindParam === 'verdict' || kindParam === 'correction' ? kindParam : 'all';
  const selected = params.get('verdict');

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true, flushSync: true }, // the kind select reads the URL: no transition, no flicker
      ),
    [setParams],
  );
  const onSelect = useCallback((id: string | null) => update({ verdict: id }), [update]);

  return (
    <div className="page approvals-page">
      <div className="page-header">
        <h1>Approvals</h1>
      </div>
      <Tabs
        label="Approvals"
        tabs={[
          { key: 'waiting', label: 'Waiting for approval' },
          { key: 'correct', label: 'Correct a published verdict' },
        ]}
        selected={tab}
        onSelect={(key) => update({ tab: key === 'waiting' ? null : key })}
      >
        {tab === 'waiting' ? (
          <WaitingList kind={kind} onKind={(k) => update({ kind: k === 'all' ? null : k, verdict: null })} selectedId={selected} onSelect={onSelect} />
        ) : (
          <CorrectionsPanel onProposed={(verdict) => update({ tab: null, kind: null, verdict: verdict.status === 'proposed' ? verdict.id : null })} />
        )}
      </Tabs>
    </div>
  );
}
