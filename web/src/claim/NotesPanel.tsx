import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { addNoteMutation, getClaimHistoryQueryKey, listNotesOptions, listNotesQueryKey } from '../api/generated/@tanstack/react-query.gen';
import type { NoteDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { TextArea } from '../ui/Field';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { formatDateTime } from '../ui/format';

const MAX_NOTE = 4000;

/** The desk's conversation about a claim: notes, oldest first, and a form; @name tells a colleague. */
export function NotesPanel({ claimId }: { claimId: string }) {
  const queries = useQueryClient();
  const toast = useToast();
  const notes = useQuery(listNotesOptions({ path: { id: claimId } }));
  const [body, setBody] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const add = useMutation({
    ...addNoteMutation(),
    onSuccess: (note) => {
      setBody('');
      // The note is listed as it is announced (the refetch below then brings the others' too).
      queries.setQueryData<NoteDto[]>(listNotesQueryKey({ path: { id: claimId } }), (old) => [...(old ?? []).filter((n) => n.id !== note.id), note]);
      toast(note.mentions.length > 0 ? `Note added; told ${note.mentions.map((m) => m.name).join(', ')}` : 'Note added');
      void queries.invalidateQueries({ queryKey: listNotesQueryKey({ path: { id: claimId } }) });
      void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claimId } }) });
    },
  });
  const apiError = add.error instanceof ApiError ? add.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    const problem = !text ? 'Write the note first.' : text.length > MAX_NOTE ? `A note holds at most ${MAX_NOTE.toLocaleString('en-US')} characters.` : undefined;
    setLocal(problem);
    if (!problem) add.mutate({ path: { id: claimId }, body: { body: text } });
  }

  return (
    <section aria-labelledby="notes-heading" className="claim-section">
      <h2 id="notes-heading">Notes</h2>
      {notes.isPending && <Loading what="the notes" />}
      {notes.error && <ErrorNotice error={notes.error} action={<Button onClick={() => void notes.refetch()}>Try again</Button>} />}
      {notes.data && notes.data.length === 0 && (
        <EmptyState title="No notes yet">Leave a note for the desk: what you checked, what is missing. Mention a colleague with @name.</EmptyState>
      )}
      {notes.data && notes.data.length > 0 && (
        <ol className="notes">
          {notes.data.map((note) => (
            <li key={note.id} className="note">
              <p className="note-meta">
                <strong>{note.authorName ?? 'A former user'}</strong>{' '}
                <time dateTime={note.createdAt} className="muted small">{formatDateTime(note.createdAt)}</time>
              </p>
              <p className="note-body"><NoteText note={note} /></p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} noValidate className="note-form">
        {add.error && !apiError?.fieldError('body') && <ErrorNotice error={add.error} />}
        <TextArea
          label="Add a note"
          hint="Plain text. @name tells that colleague (they see it under Notifications)."
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={local ?? apiError?.fieldError('body')}
          rows={3}
          maxLength={MAX_NOTE}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={add.isPending}>Add note</Button>
        </div>
      </form>
    </section>
  );
}

/** The note as written, with the mentions that reached someone set apart. */
function NoteText({ note }: { note: NoteDto }) {
  const names = new Set(note.mentions.map((m) => m.name.toLowerCase()));
  if (names.size === 0) return <>{note.body}</>;
  const parts = note.body.split(/((?<![\w@.])@[\w.@-]+)/g);
  return (
    <>
      {parts.map((part, i) => {
        const name = part.startsWith('@') ? part.slice(1).replace(/[.@-]+$/, '').toLowerCase() : null;
        return name && names.has(name) ? <span key={i} className="mention">{part}</span> : <span key={i}>{part}</span>;
      })}
    </>
  );
}
