import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { updateVerdictPublicationMutation } from '../api/generated/@tanstack/react-query.gen';
import type { PublicationDto, PublicationViewDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { TextArea, TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { SafeLink } from '../ui/SafeLink';
import { useToast } from '../ui/Toasts';

/** What the form holds: the fact-check article and the short form of the claim, as typed. */
export interface PublicationDraft {
  url: string;
  headline: string;
  language: string;
  imageUrl: string;
  claimReviewed: string;
}

const CLAIM_REVIEWED_MAX = 280;
const SHORT_ENOUGH = 75;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|\d{3}))?(-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;

/** The default short form: the claim's sentence, folded and cut at a word before 280 characters (as the API does). */
export function shortClaim(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= CLAIM_REVIEWED_MAX ? flat : `${flat.slice(0, CLAIM_REVIEWED_MAX - 1).replace(/\s+\S*$/, '')}…`;
}

export function draftOf(publication: PublicationViewDto | null | undefined, claimReviewed: string | null | undefined, claimText: string): PublicationDraft {
  return {
    url: publication?.url ?? '',
    headline: publication?.headline ?? '',
    language: publication?.language ?? 'en',
    imageUrl: publication?.imageUrl ?? '',
    claimReviewed: claimReviewed ?? shortClaim(claimText),
  };
}

export type DraftErrors = Partial<Record<'publication.url' | 'publication.headline' | 'publication.language' | 'publication.imageUrl' | 'claimReviewed', string>>;

const isHttp = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * The body fields for the API, or the errors a person can fix before sending. The publication is optional when
 * proposing (`required` false): left empty, none is sent; partly filled, the rest is asked for.
 */
export function publicationBody(draft: PublicationDraft, required: boolean): { errors: DraftErrors; publication?: PublicationDto; claimReviewed: string } {
  const errors: DraftErrors = {};
  const [url, headline, language, imageUrl, claimReviewed] = [draft.url, draft.headline, draft.language, draft.imageUrl, draft.claimReviewed].map((v) => v.trim());
  if (!claimReviewed) errors.claimReviewed = 'Give the claim in a few words (the default is its sentence).';
  const wanted = required || Boolean(url || headline || imageUrl);
  if (wanted) {
    if (!url) errors['publication.url'] = "Give the address of the fact-check article on your site.";
    else if (!isHttp(url)) errors['publication.url'] = 'The address must start with http:// or https://.';
    if (!headline) errors['publication.headline'] = "Give the article's headline.";
    if (!LANGUAGE_TAG.test(language)) errors['publication.language'] = 'A language tag such as en, en-GB or pt-BR.';
    if (imageUrl && !isHttp(imageUrl)) errors['publication.imageUrl'] = 'The image address must start with http:// or https://.';
  }
  return {
    errors,
    claimReviewed,
    ...(wanted ? { publication: { url, headline, language, ...(imageUrl ? { imageUrl } : {}) } } : {}),
  };
}

/** The inputs; `error(field)` gives the form's own message or the API's for that field. */
export function PublicationFields({ draft, onChange, error, disabled, optional }: {
  draft: PublicationDraft;
  onChange: (draft: PublicationDraft) => void;
  error: (field: keyof DraftErrors) => string | undefined;
  disabled?: boolean;
  optional: boolean;
}) {
  const set = (key: keyof PublicationDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value });
  const length = draft.claimReviewed.trim().length;
  return (
    <fieldset className="claim-fieldset publication-fields">
      <legend>Publication{optional ? ' (optional now; an approver can add it later)' : ''}</legend>
      <TextArea
        label="Claim in short"
        value={draft.claimReviewed}
        onChange={set('claimReviewed')}
        rows={2}
        maxLength={CLAIM_REVIEWED_MAX}
        disabled={disabled}
        error={error('claimReviewed')}
        hint={`What search results show as the claim checked. ${length} characters${length > SHORT_ENOUGH ? `; under ${SHORT_ENOUGH} reads best on a phone` : ''}.`}
      />
      <TextField label="Fact-check article address" type="url" value={draft.url} onChange={set('url')} maxLength={2048} disabled={disabled} error={error('publication.url')} placeholder="https://…" />
      <TextField label="Headline" value={draft.headline} onChange={set('headline')} maxLength={200} disabled={disabled} error={error('publication.headline')} />
      <div className="form-grid form-grid-wide">
        <TextField label="Language" value={draft.language} onChange={set('language')} maxLength={35} disabled={disabled} error={error('publication.language')} hint="en, en-GB, pt-BR…" />
        <TextField label="Image address (optional)" type="url" value={draft.imageUrl} onChange={set('imageUrl')} maxLength={2048} disabled={disabled} error={error('publication.imageUrl')} placeholder="https://…" />
      </div>
    </fieldset>
  );
}

/** The publication as readers will find it, on a verdict. */
export function PublicationView({ publication, claimReviewed }: { publication?: PublicationViewDto | null; claimReviewed?: string | null }) {
  return (
    <div className="publication-view">
      {publication ? (
        <p>
          Published as <SafeLink href={publication.url}>{publication.headline}</SafeLink>{' '}
          <span className="muted small">({publication.language})</span>
          {publication.imageUrl && <span className="muted small"> · with an image</span>}
        </p>
      ) : (
        <p className="muted small">No fact-check article yet: it is left out of ClaimReview's url and the sitemap until one is set.</p>
      )}
      {claimReviewed && <p className="muted small">Claim in short: “{claimReviewed}”</p>}
    </div>
  );
}

/** An approver changes the publication of the published verdict in place (no new version; audited). */
export function PublicationEditor({ verdictId, publication, claimReviewed, claimText, onDone }: {
  verdictId: string;
  publication?: PublicationViewDto | null;
  claimReviewed?: string | null;
  claimText: string;
  onDone: () => void;
}) {
  const queries = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(publication, claimReviewed, claimText));
  const [local, setLocal] = useState<DraftErrors>({});
  const save = useMutation({
    ...updateVerdictPublicationMutation(),
    onSuccess: async () => {
      toast('Publication saved.');
      await invalidateOperations(queries, 'getClaim', 'listClaims');
      onDone();
    },
  });
  const apiError = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = publicationBody(draft, true);
    setLocal(body.errors);
    if (Object.keys(body.errors).length > 0) return;
    save.mutate({ path: { id: verdictId }, body: { publication: body.publication, claimReviewed: body.claimReviewed } });
  };
  return (
    <form className="publication-editor" onSubmit={submit} noValidate aria-label="Edit publication">
      {save.error && !apiError?.errors.length && <ErrorNotice error={save.error} />}
      <PublicationFields draft={draft} onChange={setDraft} error={(f) => local[f] ?? apiError?.fieldError(f)} optional={false} />
      <div className="actions">
        <Button type="submit" variant="primary" busy={save.isPending}>Save publication</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
