/**
 * Page furniture that is not article text, by kind (stages/segmentation/boilerplate.ts gives each kind a named rule).
 * Each pattern is tested against one trimmed sentence.
 */

/** Error banners of a page that failed to load: "Oops!", "Something went wrong", "Please try again". */
export const ERROR_BANNERS = [/^oops\b/i, /something went wrong/i, /please try again/i];

/** Buttons and labels alone on a line ("Share", "Advertisement", "Getty Images") and short follow/share prompts. */
export const WIDGET_LABELS = [
  /^(share|tweet|email|e-mail|print|copy link|save|comment|comments|advertisement|subscribe|sign up|sign in|log in|read more|click here|follow us|related|recommended|more from|watch|listen|image|photo|video|getty images|reuters photo|ap photo)\b[\s:.!]*$/i,
  /^(share|follow|subscribe)( (this|on|us|to))?\b.{0,40}$/i,
];

/** Bylines and reporting credits: "By Ana Ruiz and Tom Lee", "By Dr. Ana Ruiz, Health Reporter", "Editing by …". */
export const BYLINES = [
  /^([Bb]y|[Ww]ritten by|[Rr]eporting by|[Ee]diting by|[Aa]dditional reporting by)\s+[A-Z][\w.'’-]+(\s+(and\s+)?[A-Z][\w.'’-]+){0,5}\.?$/,
  /^[Bb]y\s+(?:(?:[Dd]r|[Pp]rof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]+){0,4},\s+[\p{L} .'’&-]{2,60}$/u,
  /contributed (to )?(this )?report/i,
];

/** A link to another page after a navigation label: "Read more: …", "Related: …", "See also: …", "Watch: …". */
export const NAVIGATION_LINKS = [
  /^(read more|read also|related|see also|also read|more on this( story)?|watch|listen|recommended|further reading|more from [\w ]+)\s*[:|]/i,
];

/** List widgets and counters: "list of 4 items", "list 1 of 4", "► …", "1,284 views", "Comments (12)". */
export const WIDGET_COUNTERS = [/^list (of \d+ items|\d+ of \d+)\b/i, /^[►▶»]/, /\b[\d,.]+k?\s+(views|reads|shares)\s*$/i, /^comments?\s*\(\d+\)$/i];

/** Copyright notices. */
export const COPYRIGHT = [/all rights reserved/i, /©|\(c\)\s*\d{4}/i, /^(copyright|\(c\))\b/i];

/** Picture credits and gallery counters: "Photo: …", "Image 3 of 12", "3/12". */
export const PICTURE_CREDITS = [/^(photo|image|file photo|credit)\s*:/i, /^(photo|image|slide|picture|video)s?\s*\d+\s*(of|\/)\s*\d+/i, /^\d+\s*(of|\/)\s*\d+$/];

/** Time stamps and correction notices of the page: "Updated 3 hours ago", "This story has been corrected". */
export const PAGE_STAMPS = [/^(updated|published|posted|last updated)\b.{0,60}$/i, /^(this (story|article) has been (updated|corrected))/i];

/** Cookie banners and newsletter prompts. */
export const SIGN_UP_PROMPTS = [/cookies?\b.*\b(accept|consent|policy)/i, /^(sign up|subscribe) (for|to) /i, /newsletter/i];

/** Reading time and audio players: "4 min read", "Listen to this article | 4 mins". */
export const READING_TIME = [/^\d+\s*(min|mins|minute|minutes)\.?\s+read$/i, /^listen( to this (article|story))?\s*[|·•:-]?\s*\d+\s*(min|mins|minutes?)\.?$/i];

/**
 * A header that opens a block of navigation links ("Read more:", "Keep reading", "More on this story", "Most read",
 * "Related Topics"): the lines after it, up to a blank line, are headlines of other pages.
 */
export const NAVIGATION_HEADER = /^(read more|read also|also read|see also|related( (topics|stories|articles|content|coverage|links))?|more on this( story)?|more stories|keep reading|most read|most viewed|most popular|popular now|suggested( topics| reading)?|explore more on these topics|recommended( stories)?|top stories|latest stories|you may also like|further reading)\s*:?$/i;
