// Every migration, in order. Listed explicitly (not globbed) so the same list works from TypeScript
// sources under Jest and from compiled JavaScript in dist/.
import { Init1764316800000 } from './1764316800000-Init.js';
import { EditorialWorkflow1764320400000 } from './1764320400000-EditorialWorkflow.js';
import { ConsumerApi1764327600000 } from './1764327600000-ConsumerApi.js';
import { ClaimMatching1764324000000 } from './1764324000000-ClaimMatching.js';
import { TaskHistoryIndex1764500000000 } from './1764500000000-TaskHistoryIndex.js';
import { UserAccess1764503600000 } from './1764503600000-UserAccess.js';
import { TokenExpiry1765400000000 } from './1765400000000-TokenExpiry.js';
import { EncryptedWebhookSecrets1765500000000 } from './1765500000000-EncryptedWebhookSecrets.js';
import { MetricsLeaseIndex1765600000000 } from './1765600000000-MetricsLeaseIndex.js';
import { DeskApi1765700000000 } from './1765700000000-DeskApi.js';
import { DeskSignIn1765800000000 } from './1765800000000-DeskSignIn.js';
import { DeliveriesKeyset1765900000000 } from './1765900000000-DeliveriesKeyset.js';
import { ArticleLanguage1766000000000 } from './1766000000000-ArticleLanguage.js';
import { MatchRetrieval1766100000000 } from './1766100000000-MatchRetrieval.js';
import { FactCheckImport1766200000000 } from './1766200000000-FactCheckImport.js';
import { MatchVersion1766300000000 } from './1766300000000-MatchVersion.js';
import { MatchVocabulary1766400000000 } from './1766400000000-MatchVocabulary.js';
import { VerdictPublication1766500000000 } from './1766500000000-VerdictPublication.js';
import { ArticleRevisions1766600000000 } from './1766600000000-ArticleRevisions.js';
import { ClaimNotes1766700000000 } from './1766700000000-ClaimNotes.js';
import { FigureTimeline1766800000000 } from './1766800000000-FigureTimeline.js';
import { PublisherTimeZones1766900000000 } from './1766900000000-PublisherTimeZones.js';
import { LivingVerdicts1767000000000 } from './1767000000000-LivingVerdicts.js';
import { AuthChangeNotify1767100000000 } from './1767100000000-AuthChangeNotify.js';
import { AuditExtractedIndex1767200000000 } from './1767200000000-AuditExtractedIndex.js';
import { MatchThesaurus1767400000000 } from './1767400000000-MatchThesaurus.js';
import { VerdictBasisBackfill1767500000000 } from './1767500000000-VerdictBasisBackfill.js';
import { ReviewTaskReopened1767500000001 } from './1767500000001-ReviewTaskReopened.js';
import { PublishedFigureIndex1767700000000 } from './1767700000000-PublishedFigureIndex.js';
import { PublishedQuantityIndexes1767700000001 } from './1767700000001-PublishedQuantityIndexes.js';
import { PublishedSearchIndex1767840000000 } from './1767840000000-PublishedSearchIndex.js';
import { PublishedFigureRangeIndex1767900000000 } from './1767900000000-PublishedFigureRangeIndex.js';
import { PublishedFigureCoveringIndex1768000000000 } from './1768000000000-PublishedFigureCoveringIndex.js';
import { MatchThesaurusWorks1768100000000 } from './1768100000000-MatchThesaurusWorks.js';
import { MatchThesaurusPledges1768200000000 } from './1768200000000-MatchThesaurusPledges.js';

export const MIGRATIONS = [
  Init1764316800000,
  EditorialWorkflow1764320400000,
  ClaimMatching1764324000000,
  ConsumerApi1764327600000,
  TaskHistoryIndex1764500000000,
  UserAccess1764503600000,
  TokenExpiry1765400000000,
  EncryptedWebhookSecrets1765500000000,
  MetricsLeaseIndex1765600000000,
  DeskApi1765700000000,
  DeskSignIn1765800000000,
  DeliveriesKeyset1765900000000,
  ArticleLanguage1766000000000,
  MatchRetrieval1766100000000,
  FactCheckImport1766200000000,
  MatchVersion1766300000000,
  MatchVocabulary1766400000000,
  VerdictPublication1766500000000,
  ArticleRevisions1766600000000,
  ClaimNotes1766700000000,
  FigureTimeline1766800000000,
  PublisherTimeZones1766900000000,
  LivingVerdicts1767000000000,
  AuthChangeNotify1767100000000,
  AuditExtractedIndex1767200000000,
  MatchThesaurus1767400000000,
  VerdictBasisBackfill1767500000000,
  ReviewTaskReopened1767500000001,
  PublishedFigureIndex1767700000000,
  PublishedQuantityIndexes1767700000001,
  PublishedSearchIndex1767840000000,
  PublishedFigureRangeIndex1767900000000,
  PublishedFigureCoveringIndex1768000000000,
  MatchThesaurusWorks1768100000000,
  MatchThesaurusPledges1768200000000,
];
