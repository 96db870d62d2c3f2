/** Sentences that are not article text: boilerplate, and blocks of navigation links ("Read more:" … up to a blank line). */
import { isBoilerplate, isNavHeader, type Sentence } from '../stages/segmentation/index.js';

export class SentenceFilter {
  /** inside a block of navigation links */
  private navBlock = false;
  private navEnd = 0;

  constructor(private readonly text: string) {}

  /** True when the sentence is article text (call for every sentence, in order). */
  keep(sent: Sentence): boolean {
    if (this.navBlock && (/\n[ \t]*\n/.test(this.text.slice(this.navEnd, sent.start)) || /[.!?"”]\s*$/.test(sent.text))) this.navBlock = false;
    if (isNavHeader(sent)) {
      this.navBlock = true;
      this.navEnd = sent.end;
      return false;
    }
    if (this.navBlock) {
      this.navEnd = sent.end;
      return false;
    }
    return !isBoilerplate(sent);
  }
}
