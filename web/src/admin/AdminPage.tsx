import { useSearchParams } from 'react-router';
import { Tabs } from '../ui/Tabs';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';
import { WebhooksTab } from './WebhooksTab';
import './admin.css';

type Tab = 'users' | 'tokens' | 'webhooks';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'users', label: 'Users' },
  { key: 'tokens', label: 'API tokens' },
  { key: 'webhooks', label: 'Webhooks' },
];

/** Admins: desk users and their passwords, API tokens, webhooks and their deliveries. The tab is in the url. */
export default function AdminPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = raw === 'tokens' || raw === 'webhooks' ? raw : 'users';
  const webhook = params.get('webhook');
  const go = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, { replace: true });
  return (
    <div className="page admin-page">
      <div className="page-header">
        <h1>Admin</h1>
      </div>
      <Tabs label="Administration" tabs={TABS} selected={tab} onSelect={(key) => go({ tab: key === 'users' ? null : key, webhook: null })}>
        {tab === 'users' && <UsersTab />}
        {tab === 'tokens' && <TokensTab />}
        {tab === 'webhooks' && <WebhooksTab selectedId={webhook} onSelect={(id) => go({ webhook: id })} />}
      </Tabs>
    </div>
  );
}
