import { useSearchParams } from 'react-router';
import { Tabs } from '../ui/Tabs';
import { AuditTab, type AuditFilters } from './AuditTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';
import { WebhooksTab } from './WebhooksTab';
import './admin.css';

type Tab = 'users' | 'tokens' | 'webhooks' | 'audit';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'users', label: 'Users' },
  { key: 'tokens', label: 'API tokens' },
  { key: 'webhooks', label: 'Webhooks' },
  { key: 'audit', label: 'Audit log' },
];
const AUDIT_FILTERS = ['entityType', 'entityId', 'action', 'name', 'address', 'outcome'] as const;

/** Admins: desk users and their passwords, API tokens, webhooks and their deliveries, the audit log. The tab is in the url. */
export default function AdminPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = raw === 'tokens' || raw === 'webhooks' || raw === 'audit' ? raw : 'users';
  const webhook = params.get('webhook');
  const log = params.get('log') === 'signins' ? 'signins' : 'changes';
  const auditFilters: AuditFilters = {};
  for (const key of AUDIT_FILTERS) {
    const value = params.get(key);
    if (value) auditFilters[key] = value;
  }
  const go = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, { replace: true, flushSync: true }); // controls that read the URL must not wait for a transition
  return (
    <div className="page admin-page">
      <div className="page-header">
        <h1>Admin</h1>
      </div>
      <Tabs label="Administration" tabs={TABS} selected={tab} onSelect={(key) => go({ tab: key === 'users' ? null : key, webhook: null, log: null, ...Object.fromEntries(AUDIT_FILTERS.map((k) => [k, null])) })}>
        {tab === 'users' && <UsersTab />}
        {tab === 'tokens' && <TokensTab />}
        {tab === 'webhooks' && <WebhooksTab selectedId={webhook} onSelect={(id) => go({ webhook: id })} />}
        {tab === 'audit' && <AuditTab view={log} filters={auditFilters} onChange={go} />}
      </Tabs>
    </div>
  );
}
