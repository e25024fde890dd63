import { parseStory } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { buildComicInfo } from './comic-info.js';

describe('buildComicInfo', () => {
  const story = parseStory(
    'title: "Fish & <Chips>"\nsummary: \'He said "no"\'\npages:\n  - panels: [a quay]\n',
    { file: 't.yaml' },
  );

  it('escapes text and leaves out what the script does not give', () => {
    const xml = buildComicInfo(story, [{ type: 'Story', width: 10, height: 20, bytes: 30 }]);
    expect(xml).toContain('<Title>Fish &amp; &lt;Chips&gt;</Title>');
    expect(xml).toContain('<Summary>He said &quot;no&quot;</Summary>');
    expect(xml).not.toContain('<Series>');
    expect(xml).not.toContain('<Year>');
    expect(xml).not.toContain('<Writer>');
    expect(xml).toContain('<Manga>No</Manga>');
    expect(xml).toContain(
      '<Page Image="0" Type="Story" ImageSize="30" ImageWidth="10" ImageHeight="20" />',
    );
  });

  it('marks right-to-left issues', () => {
    const rtl = { ...story, direction: 'rtl' as const };
    expect(buildComicInfo(rtl, [])).toContain('<Manga>YesAndRightToLeft</Manga>');
  });
});
