import { EN_LABELS } from '../../src/labels/en';
import { ID_LABELS, type LabelKind } from '../../src/labels/id';
import { labelOf } from '../../src/labels/labels';
import { REPORT_LIFECYCLE, statusesAllowing } from '../../src/reports/report-lifecycle';
import { REPORT_STATUSES } from '../../src/reports/report-vocabulary';

describe('labels', () => {
  it('give every code a word in both languages, never the code itself', () => {
    for (const kind of Object.keys(ID_LABELS) as LabelKind[]) {
      const id = ID_LABELS[kind] as Record<string, string>;
      const en = EN_LABELS[kind] as Record<string, string>;
      expect([kind, Object.keys(en).sort()]).toEqual([kind, Object.keys(id).sort()]);
      for (const code of Object.keys(id)) {
        for (const word of [id[code]!, en[code]!]) {
          expect([kind, code, word.trim().length > 0]).toEqual([kind, code, true]);
          if (code.includes('_')) expect([kind, code, word]).not.toEqual([kind, code, code]);
        }
      }
    }
  });

  it('show a missing value as a dash and an unknown code as it is (so a missing word is visible)', () => {
    expect(labelOf('id', 'category', 'kekerasan_fisik')).toBe('Kekerasan fisik');
    expect(labelOf('en', 'stage', 'in_service')).toBe('Services under way');
    expect(labelOf('id', 'category', 'tidak_diketahui')).toBe('Tidak diketahui');
    expect(labelOf('id', 'status', undefined)).toBe('—');
    expect(labelOf('id', 'status', 'brand_new')).toBe('brand_new');
  });
});

describe('the report lifecycle table', () => {
  it('has a row for every status, and closed statuses allow nothing', () => {
    expect(Object.keys(REPORT_LIFECYCLE).sort()).toEqual([...REPORT_STATUSES].sort());
    for (const [status, row] of Object.entries(REPORT_LIFECYCLE)) if (!row.open) expect([status, Object.keys(row.actions)]).toEqual([status, []]);
  });

  it('is where the domain functions take their starting statuses', () => {
    expect(statusesAllowing('claim')).toEqual(['triaged', 'queued']);
    expect(statusesAllowing('merge')).toEqual(['queued', 'claimed']);
    expect(statusesAllowing('reject')).toEqual(['claimed']);
  });
});
