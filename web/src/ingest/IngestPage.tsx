import { Link, useSearchParams } from 'react-router';
import { ArticleView } from './ArticleView';
import { IngestForm } from './IngestForm';
import { RecentArticles } from './RecentArticles';
import './ingest.css';

/** Ingest: paste or upload an article, follow its extraction, triage its claims; reopen a recent article. */
export default function IngestPage() {
  const [params, setParams] = useSearchParams();
  const articleId = params.get('article');
  const show = (id: string) => setParams({ article: id });

  return (
    <div className="page ingest-page">
      <header className="page-header">
        <h1>Ingest</h1>
        {articleId && <Link to="/ingest" className="btn btn-secondary">Ingest another article</Link>}
      </header>
      <div className="ingest-layout">
        <div className="ingest-main">
          {articleId ? <ArticleView key={articleId} id={articleId} /> : <IngestForm onIngested={show} />}
        </div>
        <aside className="ingest-side" aria-labelledby="recent-articles">
          <RecentArticles current={articleId} />
        </aside>
      </div>
    </div>
  );
}
