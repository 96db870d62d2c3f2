import type { ReactNode } from 'react';

/** True for an absolute http(s) url: the only kind a link made from data may point to. */
export function isWebUrl(href: string | null | undefined): boolean {
  if (!href) return false;
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * A link to a url that came from data (a source, an article's original). Only http(s) urls become links, opened in
 * a new tab without an opener; anything else (javascript:, data:, a relative path) is shown as plain text, so such a
 * url stays inert whatever the API let through.
 */
export function SafeLink({ href, children, className }: { href: string | null | undefined; children: ReactNode; className?: string }) {
  return isWebUrl(href) ? (
    <a href={href!} target="_blank" rel="noopener noreferrer" className={className}>{children}</a>
  ) : (
    <span className={className} title={href ? `Not a web address: ${href}` : undefined}>{children}</span>
  );
}
