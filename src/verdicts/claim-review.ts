import type { ClaimReview, CreativeWork, Organization, Person, QuantitativeValue, WithContext } from 'schema-dts';
import type { ClaimDto } from '../claims/claims.dto.js';
import type { SourceDto } from '../sources/sources.dto.js';
import type { Rating } from './verdict.entity.js';
import { speakerKind } from './speaker-kind.js';

/**
 * Our ratings on ClaimReview's numeric scale (worstRating 1, bestRating 5). `unverifiable` has no
 * place on a truth scale: it keeps its alternateName and has no ratingValue.
 */
export const RATING_SCALE: Record<Rating, { value: number | null; name: string }> = {
  true: { value: 5, name: 'True' },
  mostly_true: { value: 4, name: 'Mostly true' },
  misleading: { value: 3, name: 'Misleading' },
  mostly_false: { value: 2, name: 'Mostly false' },
  false: { value: 1, name: 'False' },
  unverifiable: { value: null, name: 'Unverifiable' },
};

export interface ClaimReviewInput {
  claim: ClaimDto;
  /** The article the claim was found in. */
  article: { url: string | null; title: string; publisher: string | null; publishedAt: string | null; language?: string | null };
  /** The current published verdict, and when the first version was published. */
  verdict: {
    rating: Rating; summary: string; publishedAt: string; firstPublishedAt: string; corrected: boolean;
    /** The fact-check article on the newsroom's site: ClaimReview's url, headline, language and image. */
    publication?: { url: string; headline: string; language: string; imageUrl: string | null } | null;
    /** The short form of the claim; null: the claim's sentence, shortened. */
    claimReviewed?: string | null;
  };
  sources: SourceDto[];
  publicBaseUrl: string;
  publisherName: string;
}

const CLAIM_REVIEWED_MAX = 280;

/** The default short form of a claim: its sentence, whitespace folded, cut at a word before 280 characters. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= CLAIM_REVIEWED_MAX ? flat : `${flat.slice(0, CLAIM_REVIEWED_MAX - 1).replace(/\s+\S*$/, '')}…`;
}

function quantitative(name: string, low: number | null, high: number | null, unit: string | null, description: string): QuantitativeValue {
  return {
    '@type': 'QuantitativeValue',
    name,
    description,
    ...(low !== null ? { minValue: low } : {}),
    ...(high !== null ? { maxValue: high } : {}),
    ...(unit ? { unitText: unit } : {}),
  };
}

/** The claim's interval as the article states it ("more than 14,000" → minValue 14000, no maxValue). */
function claimedRange(claim: ClaimDto): QuantitativeValue | null {
  const q = claim.quantity;
  if (!q || q.qualifier === null) return null;
  const [low, high] =
    q.qualifier === 'lower_bound' ? [q.low, null] :
    q.qualifier === 'upper_bound' ? [null, q.high] :
    q.qualifier === 'range' ? [q.low, q.high] : [q.value, q.value];
  return quantitative('claimed', low, high, q.unit, `${q.text} (${q.qualifier.replace('_', ' ')})`);
}

/** The span of the sources' own figures. */
function evidenceRange(sources: SourceDto[], unit: string | null): QuantitativeValue | null {
  const values = sources.flatMap((s) => (s.figure ? [s.figure.value ?? s.figure.low, s.figure.value ?? s.figure.high] : [])).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const withFigures = sources.filter((s) => s.figure).length;
  return quantitative('evidence', Math.min(...values), Math.max(...values), unit, `range of the figures in ${withFigures} source(s)`);
}

/** The speaker as ClaimReview's itemReviewed.author: an Organization or a Person, as the speaker is. */
function claimAuthor(claim: ClaimDto): Person | Organization | null {
  if (!claim.attribution) return null;
  const { speaker, role } = claim.attribution;
  return speakerKind(speaker, role) === 'Organization'
    ? { '@type': 'Organization', name: speaker }
    : { '@type': 'Person', name: speaker, ...(role ? { jobTitle: role } : {}) };
}

/**
 * ClaimReview as Google's fact-check guidance and schema.org describe it: `url` is the fact-check article on the
 * newsroom's site (the publication; without one there is no url, since our API address is not the page a reader
 * sees: it is the `@id`), `claimReviewed` the short form of the claim, `itemReviewed` a Claim whose author is the
 * speaker (Person or Organization) and whose first appearance is the article it was found in, `reviewRating` with
 * a `name` and an `alternateName`.
 */
export function buildClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  const { claim, article, verdict } = input;
  const scale = RATING_SCALE[verdict.rating];
  const publication = verdict.publication ?? null;
  const quantities = [claimedRange(claim), evidenceRange(input.sources, claim.quantity?.unit ?? null)].filter((q): q is QuantitativeValue => q !== null);
  const author = claimAuthor(claim);
  const appearance: CreativeWork | null = article.url
    ? {
        '@type': 'CreativeWork',
        url: article.url,
        headline: article.title,
        ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
        ...(article.language ? { inLanguage: article.language } : {}),
        ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
      }
    : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `${input.publicBaseUrl.replace(/\/$/, '')}/v1/claims/${claim.id}/claim-review`,
    ...(publication
      ? {
          url: publication.url,
          headline: publication.headline,
          inLanguage: publication.language,
          ...(publication.imageUrl ? { image: publication.imageUrl } : {}),
        }
      : {}),
    claimReviewed: verdict.claimReviewed ?? shorten(claim.text),
    author: { '@type': 'Organization', name: input.publisherName },
    datePublished: verdict.firstPublishedAt,
    ...(verdict.corrected ? { dateModified: verdict.publishedAt } : {}),
    reviewBody: verdict.summary,
    reviewRating: {
      '@type': 'Rating',
      name: scale.name,
      alternateName: scale.name,
      ...(scale.value !== null ? { ratingValue: scale.value } : {}),
      bestRating: 5,
      worstRating: 1,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
      // The article we found it in is the earliest appearance we know of.
      ...(appearance ? { appearance, firstAppearance: appearance } : {}),
    },
    // ClaimReview has no field for numbers; schema.org QuantitativeValue carries the claimed and the evidence range.
    ...(quantities.length ? { mentions: quantities } : {}),
  };
}
