import { describe } from 'vitest';
import { itReturnsEach } from '../../../tooling/test-table.js';
import { escapeMarkup } from './markup-text.js';

describe('escapeMarkup', () => {
  itReturnsEach(escapeMarkup, [
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['</Writer><Writer>x', '&lt;/Writer&gt;&lt;Writer&gt;x'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    ['no\uFFFEnon\uFFFFchars', 'nononchars'],
    ['lone \uD800 high, lone \uDC00 low', 'lone  high, lone  low'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
    ['bell\u0007 tab\t line\n', 'bell tab\t line\n'],
  ]);
});
