import type { ClaimReview, QuantitativeValue, WithContext } from 'schema-dts';
import type { ClaimDto } from '../claims/claims.dto.js';
import type { SourceDto } from '../sources/sources.dto.js';
import type { Rating } from './verdict.entity.js';

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
  article: { url: string | null; title: string; publisher: string | null; publishedAt: string | null };
  /** The current published verdict, and when the first version was published. */
  verdict: { rating: Rating; summary: string; publishedAt: string; firstPublishedAt: string; corrected: boolean };
  sources: SourceDto[];
  publicBaseUrl: string;
  publisherName: string;
}

const CLAIM_REVIEWED_MAX = 280;

function shorten(text: string): string {
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

export function buildClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  const { claim, article, verdict } = input;
  const scale = RATING_SCALE[verdict.rating];
  const quantities = [claimedRange(claim), evidenceRange(input.sources, claim.quantity?.unit ?? null)].filter((q): q is QuantitativeValue => q !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${input.publicBaseUrl.replace(/\/$/, '')}/v1/claims/${claim.id}/claim-review`,
    claimReviewed: shorten(claim.text),
    author: { '@type': 'Organization', name: input.publisherName },
    datePublished: verdict.firstPublishedAt,
    ...(verdict.corrected ? { dateModified: verdict.publishedAt } : {}),
    reviewBody: verdict.summary,
    reviewRating: {
      '@type': 'Rating',
      alternateName: scale.name,
      ...(scale.value !== null ? { ratingValue: scale.value } : {}),
      bestRating: 5,
      worstRating: 1,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.attribution ? { author: { '@type': 'Person', name: claim.attribution.speaker, ...(claim.attribution.role ? { jobTitle: claim.attribution.role } : {}) } } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
      ...(article.url
        ? { appearance: { '@type': 'CreativeWork', url: article.url, headline: article.title, ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}) } }
        : {}),
    },
    // ClaimReview has no field for numbers; schema.org QuantitativeValue carries the claimed and the evidence range.
    ...(quantities.length ? { mentions: quantities } : {}),
  };
}
