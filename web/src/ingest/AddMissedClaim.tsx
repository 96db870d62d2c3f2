import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { AddClaimDto, ArticleDto } from '../api/generated/types.gen';
import { addArticleClaimMutation } from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';
import { CATEGORIES, options } from '../ui/vocabulary';

const EMPTY = { words: '', category: 'casualties', figure: '', value: '', low: '', high: '', unit: '', reason: '' };
type Form = typeof EMPTY;

/**
 * A claim the extractor missed: the editor gives its words as the article has them (or selects them in the page),
 * the desk finds where they are, and the API validates the span, reads what it can from it and queues the claim.
 */
export function AddMissedClaim({ article }: { article: ArticleDto }) {
  const queries = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<keyof Form, string>>>({});
  const add = useMutation({
    ...addArticleClaimMutation(),
    onSuccess: async (claim) => {
      setForm(EMPTY);
      setLocal({});
      toast('Claim added and queued for review');
      await invalidateOperations(queries, 'listArticleClaims', 'listReviewQueue');
      void navigate(`/claims/${claim.id}`);
    },
  });
  const apiError = add.error instanceof ApiError ? add.error : null;
  const err = (key: keyof Form, field: string) => local[key] ?? apiError?.fieldError(field);
  // A field's own complaint goes as soon as it is changed.
  const set = (key: keyof Form) => (event: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: event.target.value }));
    setLocal((l) => ({ ...l, [key]: undefined }));
  };

  if (!open) {
    return (
      <div className="actions add-missed-claim-open">
        <Button onClick={() => setOpen(true)}>Add a claim the extractor missed</Button>
      </div>
    );
  }

  function takeSelection() {
    const selected = window.getSelection()?.toString().trim() ?? '';
    if (selected) set('words')({ target: { value: selected } });
    else setLocal((l) => ({ ...l, words: 'Select the words in the article first, or type them here.' }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Partial<Record<keyof Form, string>> = {};
    const words = form.words.trim();
    const start = words ? article.text.indexOf(words) : -1;
    if (!words) errors.words = 'Give the words of the claim, as the article has them.';
    else if (start < 0) errors.words = 'These words are not in the article: copy them exactly (spaces and punctuation too).';
    const quantity: NonNullable<AddClaimDto['quantity']> = {};
    for (const key of ['value', 'low', 'high'] as const) {
      const raw = form[key].replace(/,/g, '').trim();
      if (raw === '') continue;
      const n = Number(raw);
      if (!Number.isFinite(n)) errors[key] = 'Enter a number, e.g. 52.';
      else quantity[key] = n;
    }
    const hasFigure = Object.keys(quantity).length > 0;
    if ((form.figure.trim() || form.unit.trim()) && !hasFigure) errors.value = 'Give the number too (value, or low and/or high); or leave the figure to the extractor.';
    if (form.figure.trim() && words && !words.includes(form.figure.trim())) errors.figure = 'The figure as written must be part of the claim\'s words.';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    if (form.figure.trim()) quantity.text = form.figure.trim();
    if (form.unit.trim()) quantity.unit = form.unit.trim();
    const body: AddClaimDto = {
      start,
      end: start + words.length,
      category: form.category as AddClaimDto['category'],
      ...(hasFigure ? { quantity } : {}),
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    };
    add.mutate({ path: { id: article.id }, body });
  }

  return (
    <section className="claim-section add-missed-claim" aria-labelledby="add-claim-heading">
      <h3 id="add-claim-heading">Add a claim the extractor missed</h3>
      <div className="missed-claim-text" tabIndex={0} aria-label="The article's text, to select the claim's words from">{article.text}</div>
      <form onSubmit={submit} noValidate>
        {add.error && <ErrorNotice error={add.error} />}
        <TextArea
          label="Words of the claim"
          hint="Exactly as the article has them; if they occur more than once, the first place is used. Or select them in the article and use the button."
          value={form.words}
          onChange={set('words')}
          error={err('words', 'start') ?? err('words', 'end')}
          rows={2}
        />
        <div className="actions">
          <Button onMouseDown={(e) => e.preventDefault()} onClick={takeSelection}>Use the selected text</Button>
        </div>
        <div className="form-grid">
          <SelectField label="Category" options={options(CATEGORIES)} value={form.category} onChange={set('category')} error={err('category', 'category')} />
          <TextField label="Figure as written (optional)" value={form.figure} onChange={set('figure')} error={err('figure', 'quantity.text')} placeholder="at least 52" />
          <TextField label="Value" inputMode="decimal" value={form.value} onChange={set('value')} error={err('value', 'quantity.value')} />
          <TextField label="Low" inputMode="decimal" value={form.low} onChange={set('low')} error={err('low', 'quantity.low')} />
          <TextField label="High" inputMode="decimal" value={form.high} onChange={set('high')} error={err('high', 'quantity.high')} />
          <TextField label="Unit" value={form.unit} onChange={set('unit')} error={err('unit', 'quantity.unit')} placeholder="killed" />
        </div>
        <p className="muted small">Leave the figure empty and the extractor reads it from the words, with the speaker, place and time.</p>
        <TextField label="Why it was missed (optional)" value={form.reason} onChange={set('reason')} error={err('reason', 'reason')} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={add.isPending}>Add claim</Button>
          <Button onClick={() => { setOpen(false); setLocal({}); add.reset(); }}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
