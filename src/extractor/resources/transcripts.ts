/** Vocabulary of transcripts: speaker labels, the roles they carry, and line heads that look like labels but are not. */

/** Line heads of news copy that have a label's shape ("UPDATE:", "Analysis:"): never a speaker. */
export const NOT_SPEAKER_LABELS = new Set([
  'update', 'updated', 'note', 'notes', "editor's note", 'editor’s note', 'editors note', 'correction', 'clarification',
  'analysis', 'opinion', 'comment', 'commentary', 'editorial', 'review', 'explainer', 'factbox', 'fact check', 'factcheck',
  'breaking', 'breaking news', 'exclusive', 'live', 'watch', 'listen', 'read', 'read more', 'related', 'see also', 'more',
  'photo', 'photos', 'image', 'video', 'source', 'sources', 'credit', 'background', 'context', 'summary', 'key points',
  'timeline', 'graphic', 'map', 'warning', 'disclaimer', 'disclosure', 'advertisement', 'sponsored', 'tags', 'topics',
  'by', 'from', 'to', 'subject', 'date', 'dateline', 'contact', 'email', 'tel', 'phone', 'fax', 'web', 'website',
  'quote', 'question', 'answer', 'poll', 'result', 'results', 'score', 'final', 'status', 'location', 'when', 'where',
  'what', 'why', 'how', 'who', 'also', 'plus', 'bottom line', 'the bottom line', 'what next', 'next',
  'published', 'posted', 'edited', 'filed', 'photograph', 'share', 'our standards', 'reporting', 'writing', 'additional reporting',
]);

/** Label words that name the person leading the conversation; the cast line gives their name after the same word. */
export const HOST_ROLES = new Set(['moderator', 'host', 'co-host', 'chair', 'chairman', 'chairwoman', 'interviewer', 'anchor', 'presenter']);

/** Abbreviated titles in labels, spelled out as the role ("SEN. AMBE" is Senator Ambe). */
export const ROLE_ABBREVIATIONS: Record<string, string> = {
  'sen.': 'Senator', sen: 'Senator', 'rep.': 'Representative', rep: 'Representative', 'gov.': 'Governor', gov: 'Governor',
  'dr.': 'Dr.', dr: 'Dr.', 'prof.': 'Professor', prof: 'Professor', 'gen.': 'General', gen: 'General', 'mr.': 'Mr.',
  'mrs.': 'Mrs.', 'ms.': 'Ms.', 'mr': 'Mr.', 'mrs': 'Mrs.', 'ms': 'Ms.', 'col.': 'Colonel', 'capt.': 'Captain',
};

/** Words that head a cast line ("Participants: …", "Moderator: Dana …"), not a turn. */
export const CAST_FIELDS = new Set([
  'participants', 'participant', 'panel', 'panelists', 'panellists', 'guests', 'guest', 'speakers', 'candidates', 'candidate',
  'witness', 'witnesses', 'moderator', 'moderators', 'host', 'hosts', 'chair', 'present', 'attendees', 'interviewer', 'with',
]);
