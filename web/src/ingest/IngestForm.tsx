import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { ingestArticleMutation } from '../api/generated/@tanstack/react-query.gen';
import { ApiError } from '../api/problem';
import { invalidateOperations } from '../api/invalidate';
import { Button } from '../ui/Button';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { LANGUAGE_OPTIONS } from '../ui/language';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';

const EMPTY = { title: '', url: '', publisher: '', publishedAt: '', text: '', language: '' };

const LANGUAGE_CHOICES = [{ value: '', label: 'Detect from the text' }, ...LANGUAGE_OPTIONS];

/** A new article, pasted or read from a .txt file; the API checks every field and says which one is wrong. */
export function IngestForm({ onIngested }: { onIngested: (articleId: string) => void }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [fileError, setFileError] = useState<string | undefined>();
  const [fileName, setFileName] = useState<string | null>(null);
  const fileId = useId();
  const ingest = useMutation({
    ...ingestArticleMutation(),
    onSuccess: async (result) => {
      toast(result.created ? 'Article received: extracting its claims' : 'This article was ingested before: showing it');
      setForm(EMPTY);
      onIngested(result.id);
      await invalidateOperations(queries, 'listArticles');
    },
  });
  const set = (field: keyof typeof EMPTY) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    if (!/\.txt$/i.test(file.name) && file.type !== 'text/plain') {
      setFileError('Choose a plain-text (.txt) file.');
      return;
    }
    try {
      const text = await file.text();
      setFileName(file.name);
      setForm((f) => ({ ...f, text, title: f.title.trim() ? f.title : titleFromFileName(file.name) }));
    } catch {
      setFileError('The file could not be read.');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let publishedAt: string | undefined;
    if (form.publishedAt) {
      const date = new Date(form.publishedAt);
      publishedAt = Number.isNaN(date.getTime()) ? form.publishedAt : date.toISOString();
    }
    ingest.mutate({
      body: {
        title: form.title.trim(),
        text: form.text,
        ...(form.url.trim() && { url: form.url.trim() }),
        ...(form.publisher.trim() && { publisher: form.publisher.trim() }),
        ...(publishedAt && { publishedAt }),
        ...(form.language && { language: form.language }),
      },
    });
  };
  const err = (field: string) => (ingest.error instanceof ApiError ? ingest.error.fieldError(field) : undefined);

  return (
    <form className="card ingest-form" onSubmit={submit} noValidate aria-labelledby="ingest-form-title">
      <h2 id="ingest-form-title">Add an article</h2>
      <p className="muted small">Paste the article or upload it as a .txt file. Its claims are extracted in the background and appear below when ready.</p>
      <ErrorNotice error={ingest.error} />
      <TextField label="Title" value={form.title} onChange={set('title')} error={err('title')} maxLength={1000} autoComplete="off" />
      <div className="form-grid">
        <TextField label="URL (optional)" type="url" value={form.url} onChange={set('url')} error={err('url')} placeholder="https://" inputMode="url" />
        <TextField label="Publisher (optional)" value={form.publisher} onChange={set('publisher')} error={err('publisher')} maxLength={300} />
        <TextField
          label="Published (optional)"
          type="datetime-local"
          value={form.publishedAt}
          onChange={set('publishedAt')}
          error={err('publishedAt')}
          hint="Anchors dates such as “last week”."
        />
        <SelectField
          label="Language (optional)"
          value={form.language}
          onChange={set('language')}
          error={err('language')}
          options={LANGUAGE_CHOICES}
          hint="Claims are extracted from English articles only; others are kept, marked “unsupported language”."
        />
      </div>
      <div className={`field file-field${fileError ? ' field-invalid' : ''}`}>
        <label htmlFor={fileId}>Upload a .txt file (optional)</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => void readFile(e)}
          aria-describedby={fileError ? `${fileId}-error` : `${fileId}-hint`}
          aria-invalid={fileError ? true : undefined}
        />
        {fileError ? (
          <p className="field-error" id={`${fileId}-error`} role="alert">{fileError}</p>
        ) : (
          <p className="field-hint" id={`${fileId}-hint`}>
            {fileName ? `Read “${fileName}” into the text below; edit it before you ingest if needed.` : 'Its text replaces the text below; the title comes from the file name when empty.'}
          </p>
        )}
      </div>
      <TextArea label="Article text" value={form.text} onChange={set('text')} error={err('text')} rows={14} className="article-text" />
      <div className="actions">
        <Button type="submit" variant="primary" busy={ingest.isPending}>Ingest article</Button>
        <span className="muted small">{form.text ? `${form.text.length.toLocaleString('en-US')} characters` : ''}</span>
      </div>
    </form>
  );
}

/** "border-buildup_2026.txt" → "border buildup 2026" */
function titleFromFileName(name: string): string {
  return name.replace(/\.txt$/i, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim() || name;
}
