import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getArticleOptions } from '../api/generated/@tanstack/react-query.gen';
import { ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';

const MAX_CONTEXT = 420;

/**
 * The paragraph of the article around [start, end), cut to a readable length at word boundaries.
 * Returns null when the offsets do not point at the claim's text (the article changed): the caller shows the claim alone.
 */
export function contextAround(text: string, start: number, end: number, claimText: string) {
  if (start < 0 || end > text.length || start >= end || text.slice(start, end) !== claimText) return null;
  const prevBreak = text.lastIndexOf('\n\n', start - 1);
  const paraStart = prevBreak === -1 ? 0 : prevBreak + 2;
  const nextBreak = text.indexOf('\n\n', end);
  const paraEnd = nextBreak === -1 ? text.length : nextBreak;
  let from = paraStart;
  let to = paraEnd;
  if (start - from > MAX_CONTEXT) from = text.indexOf(' ', start - MAX_CONTEXT) + 1 || start - MAX_CONTEXT;
  if (to - end > MAX_CONTEXT) to = text.lastIndexOf(' ', end + MAX_CONTEXT) > end ? text.lastIndexOf(' ', end + MAX_CONTEXT) : end + MAX_CONTEXT;
  return {
    before: `${from > paraStart ? '… ' : ''}${text.slice(from, start)}`,
    span: text.slice(start, end),
    after: `${text.slice(end, to)}${to < paraEnd ? ' …' : ''}`,
  };
}

/** The claim where it stands in its article: plain text nodes and a <mark>, never HTML from the article. */
export function ClaimInContext({ claim, articleId, articleTitle }: {
  claim: { id: string; text: string; start: number; end: number };
  articleId: string;
  articleTitle: string;
}) {
  const article = useQuery(getArticleOptions({ path: { id: articleId } }));
  const context = article.data ? contextAround(article.data.text, claim.start, claim.end, claim.text) : null;
  return (
    <section className="ap-section" aria-labelledby="ap-claim-heading">
      <div className="ap-section-head">
        <h3 id="ap-claim-heading">Claim in its article</h3>
        <Link to={`/claims/${claim.id}`}>Open the claim workspace</Link>
      </div>
      <p className="muted small">From “{articleTitle}”</p>
      {article.isPending && <Loading what="the article" />}
      {article.error && <ErrorNotice error={article.error} />}
      {article.data && (
        <blockquote className="ap-context">
          {context ? (
            <>
              {context.before}
              <mark>{context.span}</mark>
              {context.after}
            </>
          ) : (
            <mark>{claim.text}</mark>
          )}
        </blockquote>
      )}
    </section>
  );
}
