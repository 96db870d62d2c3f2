import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArticleDto } from '../api/generated';
import { retryArticleMutation } from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { Button } from '../ui/Button';
import { useToast } from '../ui/Toasts';

/**
 * Sends a failed article back to extraction; every view of articles is read again. `onRetried` runs first (a list
 * shows the new status at once).
 */
export function useRetryArticle(onRetried?: (article: ArticleDto) => void) {
  const queries = useQueryClient();
  const toast = useToast();
  return useMutation({
    ...retryArticleMutation(),
    onSuccess: async (article) => {
      onRetried?.(article);
      toast(`“${article.title}” sent back to extraction`);
      await invalidateOperations(queries, 'getArticle', 'listArticles', 'listArticleRevisions');
    },
  });
}

/** A list row's Retry button for a failed article. */
export function RetryRowButton({ article, retry }: { article: { id: string; title: string }; retry: ReturnType<typeof useRetryArticle> }) {
  return (
    <Button
      className="btn-small"
      busy={retry.isPending && retry.variables?.path.id === article.id}
      onClick={() => retry.mutate({ path: { id: article.id } })}
      aria-label={`Retry extraction of “${article.title}”`}
    >
      Retry
    </Button>
  );
}
