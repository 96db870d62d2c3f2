import type { ReactNode } from 'react';
import { detailOf, headline } from '../api/problem';

/** An API error in words a person understands: a headline for the status, then the API's own detail. */
export function ErrorNotice({ error, action, title }: { error: unknown; action?: ReactNode; title?: (error: unknown) => string | undefined }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title?.(error) ?? headline(error)}</strong>
      <p>{detailOf(error)}</p>
      {action}
    </div>
  );
}

export function InfoNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice-info" role="status">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** What an empty list means and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
